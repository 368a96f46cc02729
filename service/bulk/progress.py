"""The bulk-ingest progress bar on stderr (tqdm): articles, rate, done/skipped/failed, ETA."""

from __future__ import annotations

import sys
from typing import Any


class Progress:
    """A tqdm bar over the source's items (a no-op when disabled)."""

    def __init__(
        self, total: int | None, *, enabled: bool = True, initial: int = 0, stream: Any = None
    ) -> None:
        self.bar = None
        if not enabled:
            return
        from tqdm import tqdm

        stream = stream or sys.stderr
        tty = bool(getattr(stream, "isatty", lambda: False)())
        self.bar = tqdm(
            total=total,
            initial=initial,
            unit="art",
            file=stream,
            desc="ingest-bulk",
            dynamic_ncols=tty,
            ncols=None if tty else 100,
            mininterval=0.2 if tty else 5.0,
            smoothing=0.05,
            leave=True,
        )

    def update(self, n: int, *, done: int, skipped: int, failed: int) -> None:
        if self.bar is None or n <= 0:
            return
        self.bar.set_postfix_str(f"done={done} skipped={skipped} failed={failed}", refresh=False)
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
