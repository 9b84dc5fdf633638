"""Exports of what is on screen: CSV, Excel with a sources sheet, the zipped data package."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from atlas.escape import for_spreadsheet
from etl import catalog


def flat(df: pd.DataFrame) -> pd.DataFrame:
    """List cells (tuples) joined with ';' as in the published CSVs."""
    return df.apply(lambda col: col.map(
        lambda v: catalog.LIST_SEPARATOR.join(v) if isinstance(v, tuple) else v))


def citation_lines(sources: pd.DataFrame, as_of: str) -> list[str]:
    lines = [f"Engagement Atlas, data as of {as_of}. Licence: CC BY 4.0."]
    lines += [f"[{s.source_id}] {s.title}. {s.publisher} {s.year}. {s.url}".replace("  ", " ")
              for s in sources.itertuples()]
    return lines


def csv_bytes(df: pd.DataFrame, sources: pd.DataFrame, as_of: str) -> bytes:
    """The rows, then a blank line and the citations, each one whole quoted cell that starts with
    '# ': a title with a comma cannot split into a cell of its own, and no cell of the footer can
    start like a formula (a spreadsheet would run `=HYPERLINK(...)` or `+cmd|...`)."""
    body = for_spreadsheet(flat(df)).to_csv(index=False, lineterminator="\n")
    notes = io.StringIO()
    writer = csv.writer(notes, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for line in citation_lines(sources, as_of):
        writer.writerow([f"# {line}"])
    return (body + "\n" + notes.getvalue()).encode("utf-8")


# XlsxWriter writes about twice as fast as openpyxl and much smaller files. It would turn text
# that starts with "=" into a formula and text that looks like a URL into a link: both off, so a
# cell holds exactly the (already neutralised) text.
EXCEL_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def excel_bytes(df: pd.DataFrame, sources: pd.DataFrame, as_of: str, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    about = pd.DataFrame({"about": citation_lines(sources, as_of)[:1]})
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": EXCEL_OPTIONS}) as writer:
        for_spreadsheet(flat(df)).to_excel(writer, sheet_name=sheet[:31], index=False)
        for_spreadsheet(flat(sources)).to_excel(writer, sheet_name="sources", index=False)
        about.to_excel(writer, sheet_name="about", index=False)
    return buffer.getvalue()


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A deterministic zip (fixed timestamps) of the given files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"engagement-atlas/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


EXCEL_MAX_CELLS = 250_000  # beyond this an Excel file takes seconds to build: CSV only


@dataclass(frozen=True)
class Downloads:
    """A table's CSV and Excel files, each with its citations, ready to send (no Excel file for
    a table over EXCEL_MAX_CELLS cells)."""

    csv: bytes
    xlsx: bytes | None


def downloads(df: pd.DataFrame, sources: pd.DataFrame, as_of: str) -> Downloads:
    small = df.size <= EXCEL_MAX_CELLS
    return Downloads(csv_bytes(df, sources, as_of),
                     excel_bytes(df, sources, as_of) if small else None)
