"""From a parsed entry to events: scope (which date), absorb (one event of several triggers),
actors, places and fatalities, each in a module of its own; build cuts clauses and merges."""

from .build import EventBuilder, event_id
from .lexicon import Lexicon
from .taxonomy import Taxonomy

__all__ = ["EventBuilder", "Lexicon", "Taxonomy", "event_id"]
