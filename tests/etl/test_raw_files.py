"""What the build reads: only regular .yaml files inside data/raw, boundaries that are real, and
messages that name the file and cannot be forged by a value."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK = ("networks:\n  - network_id: net-x\n    name: Net\n    scope: regional\n"
           "    themes: [peace_security]\n    source_ids: [test-source]\n"
           "    last_verified: 2026-01-01\n")


def build(raw: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(raw), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def refused(raw: Path, tmp_path: Path, where: Path, words: str) -> None:
    result = build(raw, tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{where}:-:-: " in result.stderr and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "-:-:-:" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "words"), [("extra.yml", "end in '.yaml'"),
                                             ("EXTRA.YAML", "end in '.yaml'")])
def test_a_yaml_file_with_another_extension_is_refused_not_ignored(raw_copy, tmp_path, name, words):
    (raw_copy / name).write_text(NETWORK)
    refused(raw_copy, tmp_path, raw_copy / name, words)


def test_a_folder_named_like_a_yaml_file_is_refused(raw_copy, tmp_path):
    (raw_copy / "odd.yaml").mkdir()
    refused(raw_copy, tmp_path, raw_copy / "odd.yaml", "a folder named like a .yaml file")


def test_a_link_to_a_file_outside_data_raw_is_refused(raw_copy, tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(NETWORK)
    (raw_copy / "linked.yaml").symlink_to(outside)
    refused(raw_copy, tmp_path, raw_copy / "linked.yaml", "a link to a file outside data/raw")


def test_a_pipe_named_yaml_is_refused_without_waiting_for_it(raw_copy, tmp_path):
    os.mkfifo(raw_copy / "pipe.yaml")  # reports size 0 and never ends if read
    refused(raw_copy, tmp_path, raw_copy / "pipe.yaml", "not a regular file")


@pytest.mark.parametrize(("content", "words"), [
    (b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n", "Git LFS pointer"),
    (b"\x00\x01 not a topojson", "unreadable boundaries"),
])
def test_boundaries_that_are_not_boundaries_are_named(raw_copy, tmp_path, content, words):
    link = raw_copy / "boundaries" / "world-atlas-50m.topojson"
    link.unlink()
    link.write_bytes(content)
    refused(raw_copy, tmp_path, link, words)


def test_a_value_with_a_newline_cannot_forge_a_second_problem_line(raw_copy, tmp_path):
    forged = raw_copy / "forged.yaml"
    forged.write_text(NETWORK.replace("scope: regional",
                                      'scope: "regional\\nzz.yaml:net-x:scope: all is fine"'))
    result = build(raw_copy, tmp_path / "out")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith("zz.yaml") for line in lines), lines
    assert any(str(forged) in line and "\\nzz.yaml" in line for line in lines), lines
