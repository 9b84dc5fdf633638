"""Each bad source file fails the build with `path:record_id:field` and leaves the output untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.readers import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
CASES = sorted(BAD.glob("*.yaml"))


def _expected(case: Path) -> str:
    first = case.read_bytes().split(b"\n", 1)[0].decode()
    return first.removeprefix("# expect: ").strip()


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _run_build(raw: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "build", "--raw", str(raw), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def built(raw_copy, tmp_path) -> Path:
    out = tmp_path / "processed"
    assert _run_build(raw_copy, out).returncode == 0
    return out


def test_the_corpus_has_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_file_is_rejected_and_nothing_is_written(case, raw_copy, built):
    bad = raw_copy / "zz_bad.yaml"
    shutil.copyfile(case, bad)
    before = _hashes(built)
    result = _run_build(raw_copy, built)
    assert result.returncode == 1
    assert f"{bad}:{_expected(case)}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _hashes(built) == before


def test_huge_file_is_rejected_before_parsing(raw_copy, built):
    huge = raw_copy / "zz_huge.yaml"
    huge.write_text("# filler\n" * (MAX_FILE_BYTES // 9 + 10))
    before = _hashes(built)
    result = _run_build(raw_copy, built)
    assert result.returncode == 1
    assert f"{huge}:-:-: file is" in result.stderr
    assert _hashes(built) == before
