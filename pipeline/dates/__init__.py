"""Date expressions of an entry, found on its raw text and resolved against its month (docs/CODEBOOK.md 1)."""

from .resolver import SCORED_PRECISIONS, DateMention, DateResolver, load_vocab

__all__ = ["SCORED_PRECISIONS", "DateMention", "DateResolver", "load_vocab"]
