"""Translations: checks against the English records, and the long published table.

A translation names the English text it translates by a fingerprint (`en_hash`). When the English
changes, the translation is stale: it is still published, flagged `stale`, and the app shows the
English text instead; `python -m etl build` lists every stale one so it can be updated.
"""

from __future__ import annotations

from pathlib import PurePath
from types import SimpleNamespace

import pandas as pd

from etl import catalog
from etl.curated import Curated, Located
from etl.problems import Problem
from etl.steps.tabulate import frame


def lang_of(item: Located) -> str:
    """A translation's language: the name of the folder its file is in (translations/<lang>/)."""
    return PurePath(item.path).parent.name


def _records(data: Curated, table: str) -> list:
    """The English records of `table` as published: a window's last and next places are derived
    from its dates (etl.steps.events), so they are read from the published row."""
    if table == "engagement_windows":
        from etl.steps import events

        return [SimpleNamespace(**events.window_row(w)) for w in data.records(table)]
    return list(data.records(table))


def _english(data: Curated) -> dict[tuple[str, str], object]:
    """(table, id) -> the English record."""
    return {(table, str(getattr(r, key))): r
            for table, (key, _) in catalog.TRANSLATABLE.items() for r in _records(data, table)}


def _english_text(record: object, field: str) -> str:
    value = getattr(record, field, None)
    return "" if value is None else str(value)


def problems(data: Curated) -> list[Problem]:
    """Unknown languages, records and fields, duplicates, translations of empty English texts."""
    english, found = _english(data), []
    seen: dict[tuple[str, str, str, str], str] = {}
    for item in data.located("translations"):
        tr, lang = item.record, lang_of(item)

        def problem(field: str, message: str, item=item, tr=tr) -> None:
            found.append(Problem(item.path, f"{tr.table}/{tr.id}", field, message))

        if lang not in catalog.TRANSLATION_LANGS:
            problem("-", f"unknown language folder '{lang}' (one of: "
                         f"{', '.join(catalog.TRANSLATION_LANGS)})")
        fields = catalog.TRANSLATABLE[tr.table][1]
        record = english.get((tr.table, tr.id))
        if record is None:
            problem("id", f"no {tr.table} record has the id '{tr.id}'")
        elif tr.field not in fields:
            problem("field", f"'{tr.field}' is not a translated field of {tr.table} (one of: "
                             f"{', '.join(fields)})")
        elif not _english_text(record, tr.field):
            problem(tr.field, "the English text is empty: there is nothing to translate")
        key = (tr.table, tr.id, tr.field, lang)
        if key in seen:
            problem(tr.field, f"translated twice into '{lang}' (first in {seen[key]})")
        seen.setdefault(key, item.path)
    return found


def stale(data: Curated) -> list[Problem]:
    """Translations whose English text changed since they were written (warnings, not errors)."""
    english = _english(data)
    out = []
    for item in data.located("translations"):
        tr = item.record
        record = english.get((tr.table, tr.id))
        if record is not None and catalog.text_hash(_english_text(record, tr.field)) != tr.en_hash:
            out.append(Problem(item.path, f"{tr.table}/{tr.id}", tr.field,
                               f"stale: the English changed since this '{lang_of(item)}' "
                               f"translation (now {catalog.text_hash(_english_text(record, tr.field))})"))
    return out


def lang_tag(lang: str, origin: str) -> str:
    """BCP 47: a machine translation from English is tagged with extension T (RFC 6497)."""
    return f"{lang}-t-en-t0-und" if origin == "machine" else lang


def table(data: Curated) -> pd.DataFrame:
    stale_keys = {(p.record_id, p.field, p.path) for p in stale(data)}
    rows = []
    for item in data.located("translations"):
        tr, lang = item.record, lang_of(item)
        rows.append({**tr.model_dump(), "record_id": tr.id, "lang": lang,
                     "lang_tag": lang_tag(lang, tr.origin),
                     "stale": (f"{tr.table}/{tr.id}", tr.field, item.path) in stale_keys})
    return frame(catalog.TRANSLATIONS, rows)
