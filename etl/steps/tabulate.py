"""Turn validated records into a contract-shaped, sorted DataFrame."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from etl.catalog import LIST_SEPARATOR, Table


def cell(value) -> str:
    """One CSV cell: lists joined by ';', dates in ISO form, booleans as true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def frame(table: Table, rows: Iterable[dict]) -> pd.DataFrame:
    """All columns as text, ordered as the contract says, sorted by the table's key."""
    records = [{col: cell(row.get(col)) for col in table.columns} for row in rows]
    df = pd.DataFrame.from_records(records, columns=list(table.columns)).astype(str)
    return df.sort_values(list(table.key), kind="stable").reset_index(drop=True)
