"""Run Streamlit behind the compressing nginx proxy: `python -m deploy.serve [--port 8080]`.

The same pair the browser tests and `make bench` measure. Streamlit listens on loopback only;
nginx answers the public port for the host names in ATLAS_HOSTS (default: localhost).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("nginx.conf")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render(listen: int, upstream: int, hosts: str, prefix: Path) -> str:
    """nginx.conf with its ports, host names and writable prefix filled in."""
    text = Template(TEMPLATE.read_text(encoding="utf-8")).safe_substitute(
        LISTEN=listen, UPSTREAM=upstream, SERVER_NAMES=hosts, PREFIX=prefix)
    # nginx's own $variables stay; a ${NAME} left over is a value we forgot to fill in.
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    if "${" in body:
        raise ValueError("nginx.conf has a ${...} value that serve.render() does not fill in")
    return text


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60,
                  headers: dict[str, str] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}),
                                        timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def nginx(listen: int, upstream: int, hosts: str = "localhost 127.0.0.1") -> Iterator[str]:
    """nginx on `listen` in front of a server already on `upstream`: yields its URL."""
    with tempfile.TemporaryDirectory(prefix="atlas-nginx-") as tmp:
        prefix = Path(tmp)
        conf = prefix / "nginx.conf"
        conf.write_text(render(listen, upstream, hosts, prefix), encoding="utf-8")
        proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(conf)])
        url = f"http://127.0.0.1:{listen}"
        try:
            wait_until_up(f"{url}/_stcore/health", proc)
            yield url
        finally:
            stop(proc)


@contextlib.contextmanager
def streamlit(port: int, env: dict[str, str] | None = None) -> Iterator[str]:
    """streamlit_app.py on loopback `port`: yields its URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/_stcore/health", proc)
        yield url
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8080)))
    parser.add_argument("--upstream", type=int, default=8501)
    args = parser.parse_args()
    hosts = os.environ.get("ATLAS_HOSTS", "localhost 127.0.0.1")
    # SIGTERM (docker stop) unwinds like Ctrl-C, so both servers are stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with streamlit(args.upstream), nginx(args.port, args.upstream, hosts) as url:
        print(f"Engagement Atlas behind nginx: {url} (hosts: {hosts})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                signal.pause()


if __name__ == "__main__":
    main()
