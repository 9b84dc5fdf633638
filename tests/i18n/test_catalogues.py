"""The interface catalogues: complete in every language, faithful to their placeholders and
markup, compiled from their sources, and extracted from every string the code shows."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from atlas import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "atlas" / "i18n" / "locales"
TRANSLATED = [code for code in i18n.LANGS if code != i18n.DEFAULT]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
SOURCES = [*sorted((ROOT / "atlas").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
           ROOT / "streamlit_app.py"]


def catalogue(code: str):
    with open(LOCALES / code / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f)


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    cat = catalogue(code)
    missing = [m.id for m in cat if m.id and not all(_forms(m))]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not missing and not fuzzy, (missing[:5], fuzzy[:5])
    assert len([m for m in cat if m.id]) >= 300


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_placeholders_and_markup(code):
    for m in catalogue(code):
        if not m.id:
            continue
        source = m.id if isinstance(m.id, str) else m.id[1]
        for form in _forms(m):
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(source)) | {"{count}"}, (
                code, source, form)
            assert set(PLACEHOLDER.findall(source)) - {"{count}"} <= set(PLACEHOLDER.findall(form)), (
                code, source, form)
            for mark in ("**", "](", ":gray["):
                assert form.count(mark) == source.count(mark), (code, mark, source, form)


def test_arabic_has_its_six_plural_forms():
    cat = catalogue("ar")
    assert cat.num_plurals == 6
    plurals = [m for m in cat if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 6 and all(m.string) for m in plurals)
    t = i18n.translator("ar")
    forms = {t.n("{count} channel open to national CSOs", "{count} channels open to national CSOs",
                 n) for n in (1, 2, 3, 11)}
    assert len(forms) == 4  # one, two, few and many read differently


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalogues_match_their_sources(code):
    """The app reads the .mo files: they must be compiled from the committed .po (make i18n)."""
    out = io.BytesIO()
    write_mo(out, catalogue(code))
    committed = (LOCALES / code / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert out.getvalue() == committed, f"run `make i18n`: {code} messages.mo is stale"


def test_the_template_holds_every_string_the_code_marks(tmp_path):
    """A string added to the code and not extracted would show in English to everyone."""
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "--no-default-keywords", "-k", "t", "-k", "n:1,2", "-k", "N_",
                    "--no-location", "--sort-output", "--omit-header", "-o", str(pot), "."],
                   cwd=ROOT, check=True, capture_output=True)
    assert pot.read_text() == (LOCALES / "messages.pot").read_text(), "run `make i18n`"


def test_no_translated_string_hides_inside_an_f_string():
    """Babel cannot see t('…') inside an f-string (one token in Python 3.11): such a string
    would never reach the catalogue."""
    call = re.compile(r"""\b(?:t|t\.n|N_)\(\s*['"]""")
    hidden = []
    for path in SOURCES:
        with open(path, "rb") as f:
            for tok in tokenize.tokenize(f.readline):
                prefix = re.match(r"^[a-zA-Z]*", tok.string).group(0).lower()
                if tok.type == tokenize.STRING and "f" in prefix and call.search(tok.string):
                    hidden.append(f"{path.relative_to(ROOT)}:{tok.start[0]}")
    assert not hidden, hidden


def test_every_literal_message_is_passed_where_babel_looks():
    """Babel extracts t("…"), t.n("…") and N_("…") only: a literal handed to a translator in any
    other form (translator()("…"), i18n.of(atlas)("…")) reaches no catalogue and stays English in
    every language, and the pseudo-locale cannot see it (it wraps whatever it is given)."""
    other = re.compile(r"""\)\(\s*['"]""")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in SOURCES
             for n, line in enumerate(path.read_text().splitlines(), 1) if other.search(line)]
    assert not found, found


def test_the_translator_is_chosen_per_language_never_installed_globally():
    fr, ar = i18n.translator("fr"), i18n.translator("ar")
    assert fr("Map") == "Carte" and ar("Map") != "Map" and i18n.translator()("Map") == "Map"
    assert ar.rtl and not fr.rtl
    for path in SOURCES:
        text = path.read_text()
        assert "gettext.install(" not in text and "builtins._" not in text, path
