"""What the rules did not turn into events, counted for `crisis-events audit` (issue 11).

The builder reports to a `Trace` when one is given (never in a normal run):
every trigger a rule dropped, with the rule's name, and every dated clause
that gave no event, with the head word of that clause. Read over a corpus
without gold, the counts rank the gaps of the lexicon and of the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

_EXAMPLE_CHARS = 160


@dataclass
class Trace:
    """Counts by (rule, trigger lemma, type), by clause head, and one example clause of each."""

    known: frozenset[str] = frozenset()  # head words some lexicon of models/ knows
    dropped: Counter = field(default_factory=Counter)
    silent: Counter = field(default_factory=Counter)
    unknown: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    dated_clauses: int = 0
    text: str = ""  # the entry being read: examples quote it, not the date-masked parse

    def drop(self, trigger: Span, rule: str) -> None:
        """A rule dropped ``trigger`` (background, a description, a name, a reference)."""
        key = (rule, trigger.root.lemma_.lower(), trigger.label_)
        self.dropped[key] += 1
        self.examples.setdefault(("dropped", key), self._example(trigger.sent))

    def dated_clause(self, date_token: Token, gave_event: bool) -> None:
        """A date expression's clause, and whether an event came of it."""
        self.dated_clauses += 1
        head = clause_head(date_token)
        lemma = head.lemma_.lower()
        if not gave_event:
            self.silent[lemma] += 1
            self.examples.setdefault(("silent", lemma), self._example(date_token.sent))
        if lemma not in self.known and head.pos_ in ("VERB", "NOUN"):
            self.unknown[lemma] += 1
            self.examples.setdefault(("unknown", lemma), self._example(date_token.sent))

    def _example(self, sent: Span) -> str:
        text = " ".join(self.text[sent.start_char : sent.end_char].split())
        return text if len(text) <= _EXAMPLE_CHARS else text[: _EXAMPLE_CHARS - 3] + "..."


def clause_head(token: Token) -> Token:
    """The verb a date expression belongs to: its nearest verb ancestor, else the sentence's root."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "VERB":
            return current
    return current
