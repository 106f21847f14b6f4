"""`crisis-events audit INPUT...`: where extraction is silent, on any corpus, without gold (issue 11).

Three tables, ranked by frequency, each row with one example sentence:

(a) dated clauses that gave no event, by the head verb of the clause: the
    date expressions that docs/CODEBOOK.md says carry an event, but no trigger
    took them (a verb the lexicon lacks, or a parse the rules misread);
(b) triggers a rule dropped, by rule, trigger word and type (background,
    descriptions, names, cross-references): to check that each rule drops
    what it should;
(c) heads of dated clauses that no lexicon of models/ knows (neither a
    trigger nor a word of models/roles.json), whether or not an event came
    of the clause: the candidates for new triggers.

A word found here is a lead, not a trigger: add it to models/triggers.jsonl
only when a codebook (models/codebooks.json) or general English says it
names an event of that type, then score all three gold sets.
"""

from __future__ import annotations

import sys
from collections import Counter

from ..events.trace import Trace
from ..extractor import Extractor
from ..io.ingest import read_inputs


def known_heads(extractor: Extractor) -> frozenset[str]:
    """Every word the lexicons of models/ know: trigger words and the role vocabulary."""
    lex = extractor.builder.lex
    rows = extractor.nlp.get_pipe("crisis_triggers").rows
    words = {word for row in rows for word in row["pattern"].lower().split()}
    return frozenset(words | lex.reporting | lex.light_verbs | lex.killing | lex.death_nouns | lex.accusing)


def run_audit(inputs: list[str], top: int = 25, extractor: Extractor | None = None) -> Trace:
    """Extract the inputs with a trace and print the three tables; returns the trace."""
    ingested = read_inputs(inputs)
    for reject in ingested.rejects:
        print(f"skipped {reject.source}:{reject.line}: {reject.reason}", file=sys.stderr)
    if not ingested.entries:
        print("audit: no entries in the inputs", file=sys.stderr)
        return Trace()
    extractor = extractor or Extractor.load()
    trace = Trace(known=known_heads(extractor))
    events = sum(len(item.events) for item in extractor.extract(ingested.entries, trace=trace))
    silent, dropped = sum(trace.silent.values()), sum(trace.dropped.values())
    print(
        f"{len(ingested.entries)} entries, {events} events, {trace.dated_clauses} dated clauses "
        f"({silent} gave no event), {dropped} triggers dropped by a rule"
    )
    _table("(a) dated clauses with no event, by head verb", trace.silent, "silent", top, trace)
    _table("(b) triggers dropped, by rule | trigger | type", trace.dropped, "dropped", top, trace)
    _table("(c) heads of dated clauses no lexicon knows", trace.unknown, "unknown", top, trace)
    return trace


def _table(title: str, counts: Counter, kind: str, top: int, trace: Trace) -> None:
    print(f"\n{title}")
    if not counts:
        print("  (none)")
    for key, n in counts.most_common(top):
        label = " | ".join(key) if isinstance(key, tuple) else key
        print(f"  {n:5d}  {label:45s}  e.g. {trace.examples[(kind, key)]}")
