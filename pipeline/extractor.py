"""One object that holds everything extraction needs, and the one place the stages meet.

An `Extractor` is built once per process (each worker process builds its
own): the spaCy pipeline with the project's components, the date resolver,
the date masker, the rules' lexicon with the ACLED/PLOVER coder, and the geocoder.
For a batch of entries it runs pipeline.dates on the raw texts,
pipeline.nlp on the date-masked texts, with words cut at a line's end
joined and the sentences that hold no date blanked (one ``nlp.pipe`` pass),
pipeline.events on the docs and pipeline.geo on the events. Flows call
`Extractor.rows` per batch; tests and notebooks can call `extract`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyarrow as pa
from spacy.language import Language
from threadpoolctl import ThreadpoolController

from .dates import DateMention, DateResolver
from .events import EventBuilder, Lexicon
from .events.actor_types import ActorTypes
from .events.coding import Coder, Counting
from .events.confidence import ConfidenceModel
from .events.doc_index import parsed_from
from .events.trace import Trace
from .geo import Geocoder
from .io.rows import entry_row, event_rows
from .io.schema import ENTRIES, EVENTS, as_table
from .nlp import DatedOnly, DateMasker, LineBreakHyphens, build_nlp, one_thread
from .provenance import pipeline_version
from .records import Entry, Event, Reject
from .resources import collection_paused


@dataclass
class Extracted:
    """An entry with the events found in it."""

    entry: Entry
    events: list[Event]


@dataclass
class BatchRows:
    """One batch's rows as Arrow tables (compact to send between processes), its rejects, and what it
    finished.
    """

    entries: pa.Table
    events: pa.Table
    rejects: list[Reject]
    done: list[tuple[str, str]]  # (entry_id, content_hash)


@dataclass
class Extractor:
    """The loaded resources of extraction (see the module's docstring)."""

    nlp: Language
    dates: DateResolver
    masker: DateMasker
    hyphens: LineBreakHyphens
    dated_only: DatedOnly
    builder: EventBuilder
    geocoder: Geocoder
    version: str
    blas: ThreadpoolController  # the BLAS of the model's matrix products, kept to one thread while parsing

    @classmethod
    def load(cls, freeze: bool = False) -> Extractor:
        """Build every resource from the packaged models/ (2 to 4 s, and 0.5 GB with the gazetteer).

        No cyclic garbage collection runs while they are built (`collection_paused`); with
        ``freeze`` none walks them afterwards either: for a process that exists to extract (a
        run's worker), not for a notebook that may build several.
        """
        with collection_paused(freeze):
            nlp, dates = build_nlp(), DateResolver()
            lexicon = Lexicon.from_models(nlp.get_pipe("crisis_triggers").rows, dates.unambiguous_month_names)
            geocoder = Geocoder.from_models(lexicon.places)
            return cls(
                nlp=nlp,
                dates=dates,
                masker=DateMasker.from_models(),
                hyphens=LineBreakHyphens.from_models(),
                dated_only=DatedOnly([*nlp.tokenizer.rules, *lexicon.titles], dates.month_names),
                builder=EventBuilder(
                    lexicon,
                    ActorTypes.from_models(),
                    Coder.from_models(Counting(lexicon.numbers, tuple(dates.month_names))),
                    ConfidenceModel.from_models(),
                    places=geocoder,
                ),
                geocoder=geocoder,
                version=pipeline_version(),
                blas=ThreadpoolController(),
            )

    def extract(
        self, entries: Iterable[Entry], batch_size: int = 32, trace: Trace | None = None
    ) -> Iterator[Extracted]:
        """Extract events entry by entry, parsing the texts in batches (streams: holds one batch).

        ``trace`` (for `crisis-events audit`) hears what the rules dropped.
        """
        pending: list[tuple[Entry, list[DateMention], str]] = []

        def masked() -> Iterator[str]:
            for entry in entries:
                mentions = self.dates.find(entry.text, entry.month)
                masked = self.hyphens.rejoin(self.masker.mask(entry.text, mentions))
                pending.append((entry, mentions, self.dated_only.blank_undated(masked, mentions)))
                yield pending[-1][2]

        with one_thread(self.blas):
            for doc in self.nlp.pipe(masked(), batch_size=batch_size):
                entry, mentions, text = pending.pop(0)
                parsed_from(doc, text)
                home = self.geocoder.heading_countries(entry.country)
                events = self.builder.events_of(entry, doc, mentions, trace, home)
                self.geocoder.place_events(entry.country, events, entry.text)
                yield Extracted(entry, events)

    def rows(self, entries: list[Entry]) -> BatchRows:
        """Rows of one batch; an entry whose extraction fails becomes a reject, never fails the batch."""
        rejects: list[Reject] = []
        extracted: list[Extracted] = []
        try:
            extracted.extend(self.extract(entries))
        except Exception:  # noqa: BLE001 - find the culprit: the entries not yet done, one at a time
            for entry in entries[len(extracted) :]:
                try:
                    extracted.extend(self.extract([entry]))
                except Exception as err:  # noqa: BLE001
                    reason = f"extraction failed: {type(err).__name__}: {err}"
                    rejects.append(Reject(entry.source, entry.line, reason, entry.text[:2000]))
        entry_rows, rows = [], []
        for item in extracted:
            iso3 = self.geocoder.country_iso3(item.entry.country)
            rows.extend(event_rows(item.entry, item.events, iso3, self.version))
            entry_rows.append(entry_row(item.entry, len(item.events), iso3))
        return BatchRows(
            entries=as_table(entry_rows, ENTRIES),
            events=as_table(rows, EVENTS),
            rejects=rejects,
            done=[(item.entry.entry_id, item.entry.content_hash) for item in extracted],
        )
