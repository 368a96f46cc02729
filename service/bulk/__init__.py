"""Bulk ingest of large article corpora on Dask (``python -m service ingest-bulk``).

Extraction runs in parallel on Dask workers (a ``LocalCluster`` by default, or an existing
``dask.distributed`` scheduler); one writer — the client — stores the claims in batches,
each batch one transaction, with a progress table so a stopped run resumes where it was.

Modules: :mod:`.sources` (stream a folder, JSON Lines or Parquet file), :mod:`.worker`
(the pure functions that run on workers), :mod:`.runner` (:func:`~.runner.run_bulk`, the
writer), :mod:`.schema` (the ``bulk_runs`` / ``bulk_items`` tables), :mod:`.corpus` (a
generated test corpus), :mod:`.cli`.  Dask is imported only when a run starts; nothing
happens at import time.  See docs/BULK.md.
"""
