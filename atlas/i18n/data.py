"""The published tables in another language: translated texts put in place of the English ones,
country names from CLDR, and a note of where each text came from (no Streamlit).

A stale translation (its English changed since) is not used: the English text stays, and the
text's origin says `stale`, so a page can say the translation is being updated.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pycountry

from atlas.i18n import pseudo, translator
from atlas.tables import Atlas
from etl import catalog

ENGLISH = "en"


def _country_names(countries: pd.DataFrame, code: str) -> pd.Series:
    t = translator(code)

    def name(row) -> str:
        alpha2 = "XK" if row.iso3 == "XKX" else getattr(
            pycountry.countries.get(alpha_3=row.iso3), "alpha_2", "")
        return (t.territory(alpha2) if alpha2 else None) or t.data(row.name)

    return pd.Series([name(r) for r in countries.itertuples()], index=countries.index, dtype=str)


def _translated(atlas: Atlas, code: str) -> dict[str, pd.DataFrame]:
    """Each translatable table with its texts in `code` where a current translation exists.

    An acronym is only ever shown as the organisation writes it: a machine-made acronym (a guess
    at what an organisation is called in a language it may not use) is never shown.
    """
    rows = atlas.translations[atlas.translations.lang == code]
    current = rows[(rows.stale != "true") & ~((rows.field == "acronym") & (rows.origin == "machine"))]
    out = {}
    for table, (key, fields) in catalog.TRANSLATABLE.items():
        df = getattr(atlas, table).copy()
        for field in fields:
            done = current[(current.table == table) & (current.field == field)]
            lookup = dict(zip(done.record_id, done.text, strict=True))
            if code == pseudo.CODE:
                df[field] = [pseudo.mark_data(s) if s else s for s in df[field]]
            else:
                df[field] = [lookup.get(k, english) for k, english in zip(df[key], df[field],
                                                                          strict=True)]
        out[table] = df
    return out


def localise(atlas: Atlas, code: str) -> Atlas:
    """`atlas` with its texts in language `code` (English texts where no current translation)."""
    if code == ENGLISH:
        return atlas
    tables = _translated(atlas, code)
    countries = atlas.countries.assign(name=_country_names(atlas.countries, code))
    return dataclasses.replace(atlas, **tables, countries=countries, lang=code, english=atlas)


def origin(atlas: Atlas, table: str, record_id: str, field: str) -> str | None:
    """Where the text shown for this field comes from in this language (None: the English)."""
    return atlas.derived("origins", origins).get((table, record_id, field))


def origins(atlas: Atlas) -> dict[tuple[str, str, str], str]:
    """(table, record_id, field) -> 'official', 'human', 'machine' or 'stale' for this language
    (use through `atlas.derived`); a text absent here is the English original."""
    rows = atlas.translations[atlas.translations.lang == atlas.lang]
    return {(r.table, r.record_id, r.field): "stale" if r.stale == "true" else r.origin
            for r in rows.itertuples()}


def with_text_language(atlas: Atlas, df: pd.DataFrame, table: str = "channels") -> pd.DataFrame:
    """`df` (rows of `table`) with a `text_lang` column for exports: the BCP 47 tag of the row's
    texts as shown (`en`; `fr` for an official or reviewed translation; `fr-t-en-t0-und` where any
    of them is a machine translation). The same column in every language, so exports keep one
    shape."""
    key = catalog.TRANSLATABLE[table][0]
    if df.empty or key not in df.columns:
        return df.assign(text_lang=pd.Series(dtype=str))
    if atlas.english is None:
        return df.assign(text_lang=ENGLISH)
    kinds = atlas.derived("origins", origins)
    fields = catalog.TRANSLATABLE[table][1]

    def tag(record_id: str) -> str:
        found = {kinds.get((table, record_id, f)) for f in fields} - {None, "stale"}
        if "machine" in found:
            return f"{atlas.lang}-t-en-t0-und"
        return atlas.lang if found else ENGLISH

    return df.assign(text_lang=df[key].map(tag))
