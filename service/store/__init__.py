"""The temporal force-posture store: SQLite by default, PostgreSQL + PostGIS for scale.

Public API (see docs/ARCHITECTURE.md): :class:`Store` (``Store.open(url)``), its results
:class:`Posture`, :class:`TimelineStep`, :class:`Change`, :class:`IngestResult`, and the pure
estimation rules in :mod:`service.store.model`.  Nothing connects at import time.
"""

from .results import (
    Change,
    ChangeList,
    IngestResult,
    Posture,
    ScenarioResult,
    TimelineStep,
)
from .store import Store, content_hash, parse_day

__all__ = [
    "Change",
    "ChangeList",
    "IngestResult",
    "Posture",
    "ScenarioResult",
    "Store",
    "TimelineStep",
    "content_hash",
    "parse_day",
]
