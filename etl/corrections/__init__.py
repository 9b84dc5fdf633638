"""Review into the sources: apply one accepted correction to data/raw (issue 13).

`apply.apply(change, raw, out, static)` writes the change, its evidence and its log entry, keeps
them only if the build accepts them, and rebuilds the published data. See data/raw/README.md,
"Corrections", and etl/record_ids.py for how a record is named.
"""
