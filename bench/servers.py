"""Processes the benchmarks measure: Streamlit servers and a static file server, all on loopback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from deploy.serve import free_port, stop, wait_until_up  # the same servers as production

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@contextlib.contextmanager
def streamlit(script: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """Serve `script` (a path relative to the project root) with the project's .streamlit config.

    The project root is the working directory, so `/app/static/...` is the project's static/.
    Yields (base URL, server pid).
    """
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", HOST, "--server.headless", "true"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    url = f"http://{HOST}:{port}"
    try:
        wait_until_up(f"{url}/_stcore/health", proc)
        yield url, proc.pid
    finally:
        stop(proc)


@contextlib.contextmanager
def static_files(folder: Path) -> Iterator[str]:
    """`python -m http.server` over `folder`, bound to loopback. Yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", HOST, "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://{HOST}:{port}"
    try:
        wait_until_up(f"{url}/", proc)
        yield url
    finally:
        stop(proc)


def rss_bytes(pid: int) -> int:
    """Resident set size of a process (VmRSS in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")
