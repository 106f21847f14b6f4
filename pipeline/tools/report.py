"""A self-contained HTML report of an events table: one file a researcher opens, nothing to fetch.

`crisis-events report --out DIR` writes ``DIR/report.html``: counts by status,
precision and type; events per month by type and fatalities by country
(charts drawn with matplotlib, embedded as base64 PNG); the map
(pipeline.tools.mapping); and every event in a table whose evidence links to the
entry it comes from, with the evidence marked in the entry's text. No script,
no stylesheet or font from the network: it opens offline and can be mailed.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..io.frames import read_entries, read_events  # noqa: E402
from .mapping import draw  # noqa: E402

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;
color:#222;line-height:1.4}
h1{margin-bottom:0}.sub{color:#666;margin-top:.2em}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right}
img{max-width:100%;border:1px solid #ddd}
.entry{border-top:1px solid #ccc;padding-top:.5em;margin-top:1em}
.entry p{white-space:pre-wrap}
mark{background:#ffe58a}mark:target{background:#ff9f43;outline:2px solid #d35400}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:1em}
"""


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return _img(buffer.getvalue())


def _img(png: bytes) -> str:
    return f'<img alt="chart" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def _per_month_chart(events: pd.DataFrame) -> str:
    dated = events[events["event_date"].notna()]
    counts = (
        dated.groupby([dated["event_date"].dt.to_period("M"), "event_type"], observed=True)
        .size()
        .unstack(fill_value=0)
    )
    fig, ax = plt.subplots(figsize=(6, 3.6))
    if len(counts):
        counts.index = counts.index.astype(str)
        counts.plot.bar(stacked=True, ax=ax, colormap="tab20", width=0.85)
        ax.legend(fontsize=6, ncol=2)
    ax.set_title("Events per month, by type")
    ax.set_xlabel("")
    ax.tick_params(axis="x", labelsize=6)
    return _png(fig)


def _fatalities_chart(events: pd.DataFrame) -> str:
    deaths = events.groupby("event_iso3", observed=True)["fatalities"].sum().sort_values()
    deaths = deaths[deaths > 0].tail(20)
    fig, ax = plt.subplots(figsize=(6, 3.6))
    if len(deaths):
        deaths.astype(float).plot.barh(ax=ax, color="#b03a2e")
    ax.set_title("Fatalities by country (each toll once)")
    ax.set_ylabel("")
    return _png(fig)


def _table(rows: list[tuple], header: tuple[str, ...]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{v}</td>' if isinstance(v, int) else f"<td>{html.escape(str(v))}</td>"
            for v in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _event_rows(events: pd.DataFrame) -> str:
    """Every event, its evidence linked to the marked text of its entry."""
    rows = []
    for ev in events.sort_values(["entry_id", "char_start"]).itertuples():
        when = "" if pd.isna(ev.event_date) else ev.event_date.date().isoformat()
        deaths = "" if pd.isna(ev.fatalities) else str(int(ev.fatalities))
        who = "; ".join(ev.actor1) + (" → " + "; ".join(ev.actor2) if len(ev.actor2) else "")
        rows.append(
            "<tr>"
            f"<td>{when}</td><td>{html.escape(str(ev.event_type))}</td>"
            f"<td>{'' if pd.isna(ev.acled_sub_event_type) else html.escape(ev.acled_sub_event_type)}</td>"
            f"<td>{html.escape(who)}</td>"
            f"<td>{html.escape('; '.join(ev.locations))}</td><td class='num'>{deaths}</td>"
            f"<td>{html.escape(str(ev.event_status))}</td><td class='num'>{ev.confidence:.2f}</td>"
            f'<td><a href="#e-{ev.event_id}">{html.escape(ev.evidence[:140])}</a></td>'
            "</tr>"
        )
    header = "".join(
        f"<th>{h}</th>"
        for h in ("date", "type", "ACLED sub-event", "actor1 → actor2", "places", "deaths", "status", "conf.",
                  "evidence (links to its entry)")
    )  # fmt: skip
    return f"<table><tr>{header}</tr>{''.join(rows)}</table>"


def _marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The entry's text with each event's evidence in a <mark> the event table links to."""
    out, at = [], 0
    for start, end, event_id in sorted(spans):
        if start < at:  # overlapping evidence: the anchor alone, so the link still lands
            out.append(f'<a id="e-{event_id}"></a>')
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<mark id="e-{event_id}">{html.escape(text[start:end])}</mark>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _entries(events: pd.DataFrame, entries: pd.DataFrame | None) -> str:
    if entries is None:
        return "<p>No entries table beside the events table: the evidence cannot be shown in context.</p>"
    blocks = []
    by_entry = {k: g for k, g in events.groupby("entry_id")}
    for entry in entries.sort_values(["country", "month"]).itertuples():
        group = by_entry.get(entry.entry_id)
        spans = [] if group is None else list(zip(group.char_start, group.char_end, group.event_id))
        blocks.append(
            f'<div class="entry" id="entry-{html.escape(entry.entry_id)}"><h3>{html.escape(entry.country)}, '
            f"{entry.month:%B %Y} <small>({len(spans)} events)</small></h3>"
            f"<p>{_marked(entry.text, spans)}</p></div>"
        )
    return "".join(blocks)


def build_report(events: pd.DataFrame, entries: pd.DataFrame | None, source: str) -> str:
    """The report's HTML."""
    placed = events[events["latitude"].notna()]
    points = placed[["event_type", "latitude", "longitude", "geo_precision"]].to_dict("records")
    status = Counter(events["event_status"].astype(str))
    precision = Counter(events["date_precision"].astype(str))
    places = Counter(events["geo_precision"].astype("Int8").astype(str))
    types = events["event_type"].value_counts()
    span = events["event_date"].dropna()
    period = f"{span.min():%b %Y} - {span.max():%b %Y}" if len(span) else "no dated events"
    countries = events["event_iso3"].nunique()
    entries_n = 0 if entries is None else len(entries)
    unplaced = len(events) - len(placed)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crisis-events report</title>
<style>{_STYLE}</style></head><body>
<h1>crisis-events report</h1>
<p class="sub">{html.escape(source)}: {len(events)} events from {entries_n} entries, {countries} countries,
{period}. Each death toll is counted once (incidents); events without coordinates: {unplaced}.</p>
<h2>Counts</h2>
<div class="grid"><div>
{_table(sorted(status.items()), ("status", "events"))}
{_table(sorted(precision.items()), ("date precision", "events"))}
{_table(sorted(places.items()), ("geo precision (1 town, 2 region, 3 country)", "events"))}
</div><div>{_table([(k, int(v)) for k, v in types.items() if v], ("type", "events"))}</div></div>
<h2>Over time and by country</h2>
<div class="grid"><div>{_per_month_chart(events)}</div><div>{_fatalities_chart(events)}</div></div>
<h2>Map</h2>
{_img(draw(points))}
<h2>Events</h2>
{_event_rows(events)}
<h2>Entries, evidence marked</h2>
{_entries(events, entries)}
</body></html>
"""


def write_report(events_dir: Path, out: Path) -> Path:
    """Write ``out/report.html`` for the events table in ``events_dir``; returns its path."""
    events = read_events(events_dir)
    entries_dir = events_dir.parent / "entries"
    entries = read_entries(entries_dir) if entries_dir.exists() else None
    out.mkdir(parents=True, exist_ok=True)
    page = out / "report.html"
    page.write_text(build_report(events, entries, str(events_dir)), encoding="utf-8")
    return page
