"""Archive scale: analyse many articles on every core, or on a Dask cluster, into Parquet.

`job.analyse_archive` ties the parts together: `inputs` reads files, folders and
JSONL; a runner (`local` for one process or a process pool, `cluster` for Dask)
analyses chunks with the model loaded once per worker; `output` writes the
Parquet tables and the JSONL and keeps the ledger that makes a run resumable.
Nothing here imports Textual; spaCy is loaded only where articles are analysed.
"""
