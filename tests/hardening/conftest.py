"""Servers and page checks for the hardening tests: a real Streamlit on loopback, read in Chromium."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
EXCEPTION = "[data-testid='stException']"
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"/|StreamlitAPIException")


def declared_pages() -> list[str]:
    """url_path of every page streamlit_app.py declares ('' for the default page)."""
    import ast

    tree = ast.parse((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    pages = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            words = {k.arg: k.value for k in node.keywords}
            default = isinstance(words.get("default"), ast.Constant) and words["default"].value
            path = words.get("url_path")
            pages.append("" if default else (path.value if isinstance(path, ast.Constant) else ""))
    return pages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(env: dict[str, str] | None = None, log: Path | None = None) -> Iterator[tuple[str, int]]:
    """A Streamlit server of streamlit_app.py on a free loopback port: yields (url, pid)."""
    port = _free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Streamlit server did not start (exit code {proc.poll()})")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def hardening_url() -> Iterator[str]:
    """The app on the published data."""
    with serve() as (url, _):
        yield url


def wait_until_run_ends(page, timeout: float = 30_000) -> None:
    """Wait for the script run that the navigation started to finish (and any rerun it asked for)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_selector("h1", timeout=timeout)
    page.wait_for_selector(READY, timeout=timeout)
    page.wait_for_timeout(100)
    page.wait_for_selector(READY, timeout=timeout)


def problems_on(page) -> list[str]:
    """What a visitor must never see: an exception box or traceback text."""
    found = []
    if page.locator(EXCEPTION).count():
        found.append("exception box: " + page.locator(EXCEPTION).first.inner_text()[:300])
    text = page.inner_text("body")
    if TRACEBACK.search(text):
        found.append("traceback text: " + TRACEBACK.search(text).group(0))
    return found


@pytest.fixture(scope="session")
def poisoned(tmp_path_factory) -> tuple[Path, list[str]]:
    """(processed folder, poisoned fields) of the dataset with payloads in every text field."""
    from tests.hardening.xss_data import build_poisoned

    return build_poisoned(tmp_path_factory.mktemp("xss"))


@pytest.fixture(scope="session")
def xss_url(poisoned) -> Iterator[str]:
    """The app reading the poisoned dataset through ATLAS_DATA_DIR."""
    with serve({"ATLAS_DATA_DIR": str(poisoned[0])}) as (url, _):
        yield url
