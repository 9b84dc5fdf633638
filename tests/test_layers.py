"""The layers stay apart: pages use only the atlas library; the library never reaches into the ETL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE_IMPORTS = {"atlas", "streamlit", "streamlit_folium"}
STREAMLIT_ALLOWED = {"load.py", "widgets", "suggestions/connect.py"}  # the loaders


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_import_only_the_library_and_streamlit(page):
    roots = {name.split(".")[0] for name in _imports(page)}
    assert roots <= PAGE_IMPORTS, roots - PAGE_IMPORTS


@pytest.mark.parametrize("module", sorted((ROOT / "atlas").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_library_uses_only_the_catalog_of_the_etl_and_streamlit_only_at_the_edge(module):
    names = _imports(module)
    assert {n for n in names if n.split(".")[0] == "etl"} <= {"etl.catalog"}
    rel = module.relative_to(ROOT / "atlas")
    if rel.parts[0] not in STREAMLIT_ALLOWED and rel.as_posix() not in STREAMLIT_ALLOWED:
        assert not any(n.split(".")[0] in ("streamlit", "streamlit_folium") for n in names), rel


def test_every_page_file_is_declared_in_the_frame():
    declared = set(re.findall(r'st\.Page\("([^"]+)"', (ROOT / "streamlit_app.py").read_text()))
    on_disk = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert declared == on_disk


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_stay_short_and_call_require_frame(page):
    text = page.read_text()
    assert len(text.splitlines()) <= 80
    assert "widgets.require_frame()" in text
