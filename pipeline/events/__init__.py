"""From a parsed entry to events: scope (which date), absorb (one event of several triggers),
actors and sides, places and fatalities, each in a module of its own; build cuts clauses and
merges; status, coding (ACLED and PLOVER), incidents and confidence finish each event."""

from .build import EventBuilder, event_id
from .lexicon import Lexicon
from .taxonomy import Taxonomy

__all__ = ["EventBuilder", "Lexicon", "Taxonomy", "event_id"]
