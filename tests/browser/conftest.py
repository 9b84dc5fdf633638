"""A real Streamlit server on loopback for the browser tests, started once per session."""

from __future__ import annotations

import pytest

from tests.hardening.conftest import serve


@pytest.fixture(scope="session")
def app_url():
    """The real app, served once per session on a free loopback port."""
    with serve() as (url, _pid):
        yield url


@pytest.fixture
def offsite(page):
    """Every request the page makes that leaves loopback (the app must work offline)."""
    seen: list[str] = []
    local = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:", "ws://127.0.0.1")
    page.on("request", lambda req: None if req.url.startswith(local) else seen.append(req.url))
    return seen
