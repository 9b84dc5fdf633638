"""Edge cases of hand-edited source files beyond tests/fixtures/bad: what must be read, and
unreadable symlinks that must be reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "  - source_id: s-{id}\n    title: T\n    url: https://example.org/x\n    kind: secondary\n"


def _build(raw: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(raw), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("name", "content", "expected_id"), [
    ("bom", "\ufeffsources:\n" + SOURCE.format(id="bom"), "s-bom"),
    ("crlf", ("sources:\n" + SOURCE.format(id="crlf")).replace("\n", "\r\n"), "s-crlf"),
    ("empty", "", None),
    ("comments_only", "# nothing here yet\n", None),
])
def test_harmless_variants_are_read(raw_copy, tmp_path, name, content, expected_id):
    (raw_copy / f"zz_{name}.yaml").write_bytes(content.encode("utf-8"))
    result = _build(raw_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    ids = set(pd.read_csv(tmp_path / "out" / "sources.csv", dtype=str).source_id)
    assert expected_id is None or expected_id in ids


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_unreadable_symlink_is_reported(raw_copy, tmp_path, kind):
    if kind == "loop":
        (raw_copy / "zz_a.yaml").symlink_to("zz_b.yaml")
        (raw_copy / "zz_b.yaml").symlink_to("zz_a.yaml")
    else:
        (raw_copy / "zz_a.yaml").symlink_to(tmp_path / "missing.yaml")
    result = _build(raw_copy, tmp_path / "out")
    assert result.returncode == 1 and "zz_a.yaml" in result.stderr
