"""Translations are validated like any other input, and a stale one is never shown as current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from atlas import texts
from atlas.i18n.data import localise, origins
from atlas.tables import read_atlas
from etl.catalog import text_hash

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = "Register on the forum page."  # alpha-forum's how_to_engage in the tiny dataset


def entry(id_="alpha-forum", field="how_to_engage", text="Inscrivez-vous sur la page du forum.",
          table="channels", origin="machine", en_hash=None, extra="") -> str:
    return (f"translations:\n  - table: {table}\n    id: {id_}\n    field: {field}\n"
            f"    origin: {origin}\n    en_hash: '{en_hash or text_hash(ENGLISH)}'\n"
            f"    text: \"{text}\"\n{extra}")


def build(raw: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(raw), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def write(raw: Path, lang: str, body: str, name: str = "channels.yaml") -> Path:
    folder = raw / "translations" / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return folder / name


BAD = [
    ("unknown_record", "fr", entry(id_="no-such-channel"),
     "channels/no-such-channel:id: no channels record has the id 'no-such-channel'"),
    ("unknown_field", "fr", entry(field="url"),
     "channels/alpha-forum:field: 'url' is not a translated field of channels"),
    ("unknown_table", "fr", entry(table="sources"), ":table: 'sources' is not one of"),
    ("unknown_language", "xx", entry(), "channels/alpha-forum:-: unknown language folder 'xx'"),
    ("empty_text", "fr", entry(text=""), ":text: String should have at least 1 character"),
    ("invisible_text", "fr", entry(text="\\u200b\\u200b"), ":text: the text is only invisible characters"),
    ("bad_hash", "fr", entry(en_hash="xyz"), ":en_hash: String should match pattern"),
    ("bad_origin", "fr", entry(origin="google"), ":origin: 'google' is not one of"),
    ("official_without_source", "fr", entry(origin="official"),
     ":-: an official translation names its source"),
    ("english_is_empty", "fr", entry(field="requirements"),
     "channels/alpha-forum:requirements: the English text is empty"),
    ("twice", "fr", entry() + entry().removeprefix("translations:\n"),
     "channels/alpha-forum:how_to_engage: translated twice into 'fr'"),
]


@pytest.mark.parametrize(("lang", "body", "expected"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_a_bad_translation_stops_the_build_naming_file_record_and_field(raw_copy, tmp_path, lang,
                                                                         body, expected):
    path = write(raw_copy, lang, body)
    result = build(raw_copy, tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{path}:" in result.stderr and expected in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


def test_a_current_translation_replaces_the_english_and_is_marked_machine(raw_copy, tmp_path):
    write(raw_copy, "fr", entry())
    assert build(raw_copy, tmp_path / "out").returncode == 0
    english = read_atlas(tmp_path / "out")
    row = english.translations.iloc[0]
    assert (row.lang, row.lang_tag, row.origin, row.stale) == ("fr", "fr-t-en-t0-und", "machine",
                                                               "false")
    french = localise(english, "fr")
    forum = french.channels.set_index("channel_id").loc["alpha-forum"]
    assert forum.how_to_engage == "Inscrivez-vous sur la page du forum."
    card = texts.cards(french, french.channels[french.channels.channel_id == "alpha-forum"])[0]
    assert "traduction automatique" in card.markdown
    assert card.original == "**Comment s'engager, en anglais :** Register on the forum page\\."


def test_a_stale_translation_is_published_flagged_and_the_english_is_shown(raw_copy, tmp_path):
    write(raw_copy, "fr", entry(en_hash=text_hash("What the English said before.")))
    result = build(raw_copy, tmp_path / "out")
    assert result.returncode == 0
    assert "channels/alpha-forum:how_to_engage: stale" in result.stderr
    english = read_atlas(tmp_path / "out")
    assert english.translations.stale.tolist() == ["true"]
    french = localise(english, "fr")
    assert french.channels.set_index("channel_id").at["alpha-forum", "how_to_engage"] == ENGLISH
    assert origins(french)[("channels", "alpha-forum", "how_to_engage")] == "stale"
    card = texts.cards(french, french.channels[french.channels.channel_id == "alpha-forum"])[0]
    assert "la traduction est en cours de mise à jour" in card.markdown or "anglais" in card.markdown


def test_the_published_translations_cover_every_text_a_cso_reads(real_atlas):
    """Coverage of the data fields the issue names: every channel, recommendation and question,
    in every language, and every organisation's name."""
    from etl import catalog

    tr = real_atlas.translations[real_atlas.translations.stale == "false"]
    for table in ("channels", "recommendations", "questions"):
        key, fields = catalog.TRANSLATABLE[table]
        df = getattr(real_atlas, table)
        needed = {(r[key], f) for _, r in df.iterrows() for f in fields if r[f]}
        for lang in catalog.TRANSLATION_LANGS:
            done = set(zip(*[tr[(tr.table == table) & (tr.lang == lang)][c]
                             for c in ("record_id", "field")], strict=True))
            assert needed <= done, (table, lang, sorted(needed - done)[:3])
    names = tr[(tr.table == "rigos") & (tr.field == "name")]
    assert names.groupby("lang").record_id.nunique().min() >= 20
    official = tr[tr.origin == "official"]
    assert len(official) >= 20 and all(official.source_ids.map(len))
    assert pd.Series(tr.text).str.strip().ne("").all()
