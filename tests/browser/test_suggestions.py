"""In Chromium, against real app servers and real databases (issue 13): a correction suggested
through the form, accepted by `etl review` and seen on the rebuilt page and in the feed; two
servers sharing one PostgreSQL; an app server killed with SIGKILL in the middle of a submission.

The app reads a copy of data/processed (ATLAS_DATA_DIR) and `etl review accept` writes into a copy
of data/raw, data/processed and static/data: the repository's data is never modified.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from playwright.sync_api import Page, expect

from deploy import postgres
from deploy.serve import free_port, wait_until_up
from tests.suggestions.conftest import no_postgres

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
REFERENCE = re.compile(r"Its reference is (S-[0-9A-Z]{8})")
FILL_SECONDS = 4.5  # atlas.suggestions.screen.MIN_FILL_SECONDS is 4: quicker is stored as spam
LOAD = 90_000  # ms: a server's first page reads the whole dataset, on a small shared machine
EVIDENCE = "https://example.org/evidence"
FORM = "/suggest?table=channels&id=au-cido&field=%2A&from=%2Fcountry%3Fiso3%3DKEN"


@contextlib.contextmanager
def app(env: dict[str, str], log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run streamlit_app.py` on a free loopback port, in a process group of its own
    (so that it can be killed whole without touching pytest): yields (url, process)."""
    port = free_port()
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.port",
             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "ATLAS_LIGHT_BACKGROUND": "0", **env})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/_stcore/health", proc, timeout=60)
        yield url, proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def sqlite_env(path: Path, data: Path | None = None) -> dict[str, str]:
    env = {"ATLAS_DATABASE_URL": f"sqlite:///{path}"}
    return {**env, "ATLAS_DATA_DIR": str(data)} if data else env


def review(database: str, *args: str, timeout: float = 300) -> str:
    """`python -m etl review --database URL ...`: its output (the command must succeed)."""
    done = subprocess.run([sys.executable, "-m", "etl", "review", "--database", database, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def listed(database: str) -> dict[str, str]:
    """reference -> state, as `etl review list` shows them."""
    lines = review(database, "list").splitlines()
    return {line.split()[0]: line.split()[1] for line in lines if line.startswith("S-")}


def open_forms(*tabs: tuple[Page, str]) -> list[float]:
    """The Suggest page of a channel in each (tab, server URL), loading side by side; returns
    when each form's clock had started (a moment after the server started it)."""
    for page, url in tabs:
        page.goto(url + FORM, wait_until="commit")
    return [loaded(page) for page, _ in tabs]


def loaded(page: Page) -> float:
    """Wait for a form page to be drawn; returns when its clock had started."""
    expect(page.get_by_role("button", name="Send the suggestion")).to_be_visible(timeout=LOAD)
    page.wait_for_selector(READY, timeout=LOAD)
    return time.monotonic()


def fill(page: Page, value: str, field: str = "") -> None:
    """Type the correction and its evidence (of the whole record, or of `field` when named)."""
    if field:
        page.get_by_role("combobox", name="What is wrong?").click()
        page.get_by_role("option", name=field).click()
        # the rerun drew the field's value alone (the whole record lists every field by name)
        expect(page.get_by_text("Name:", exact=True)).to_have_count(0)
        page.wait_for_selector(READY)
    page.get_by_label("What should it say?").fill(value)
    page.get_by_label("Evidence", exact=False).fill(EVIDENCE)


def send(page: Page, opened: float) -> None:
    """Press Send once the form has been open longer than the minimum time to fill it."""
    time.sleep(max(0.0, opened + FILL_SECONDS - time.monotonic()))
    page.get_by_role("button", name="Send the suggestion").click()


def reference_shown(page: Page) -> str:
    box = page.get_by_text("Its reference is", exact=False)
    expect(box).to_be_visible(timeout=LOAD)
    found = REFERENCE.search(box.inner_text())
    assert found, box.inner_text()
    return found.group(1)


def submit(page: Page, url: str, value: str) -> str:
    (opened,) = open_forms((page, url))
    fill(page, value)
    send(page, opened)
    return reference_shown(page)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """data/raw, data/processed and static/data copied under tmp_path (same layout)."""
    for part in (("data", "raw"), ("data", "processed"), ("static", "data")):
        shutil.copytree(ROOT.joinpath(*part), tmp_path.joinpath("copy", *part), symlinks=True)
    return tmp_path / "copy"


def test_suggest_accept_and_see_it_on_the_rebuilt_page_and_in_the_feed(page, project_copy,
                                                                       tmp_path):
    processed = project_copy / "data" / "processed"
    database = tmp_path / "suggestions.sqlite"
    url_db = f"sqlite:///{database}"
    new_value = "Write to CIDO's civil society desk (browser test " + tmp_path.name[-6:] + ")."
    with app(sqlite_env(database, processed), tmp_path / "app.log") as (url, _):
        page.goto(f"{url}/country?iso3=KEN")
        link = page.locator("a[href*='table=channels&id=au-cido&']").first
        expect(link).to_have_text("Suggest a correction", timeout=LOAD)
        with page.context.expect_page() as popup:  # the link opens the form in a new tab
            link.click()
        form = popup.value
        opened = loaded(form)
        expect(form.get_by_text("CIDO, the AU Commission's liaison office", exact=False).first
               ).to_be_visible()
        expect(form.get_by_role("link", name="https://www.au.int/en/cido")).to_be_visible()
        fill(form, new_value, "How to engage")
        send(form, opened)
        reference = reference_shown(form)
    assert listed(url_db) == {reference: "received"}

    said = review(url_db, "--raw", str(project_copy / "data" / "raw"), "--out", str(processed),
                  "--static", str(project_copy / "static" / "data"), "accept", reference,
                  "--reviewer", "test")
    assert f"{reference} merged as" in said
    assert listed(url_db) == {reference: "merged"}

    with app(sqlite_env(database, processed), tmp_path / "app2.log") as (url, _):
        page.goto(f"{url}/country?iso3=KEN")
        card = page.locator("[data-testid='stVerticalBlock']").filter(
            has=page.locator("a[href*='table=channels&id=au-cido&']")).last
        expect(card).to_contain_text(new_value, timeout=LOAD)
        expect(card).not_to_contain_text("register your organisation's interest")

    correction = re.search(r"merged as (c-[0-9-]+)", said)
    assert correction, said
    feed = feedparser.parse(project_copy / "static" / "data" / "feeds" / "country" / "KEN.atom")
    assert not feed.bozo, feed.get("bozo_exception")
    entries = [e for e in feed.entries if e.id.endswith(f"correction:{correction.group(1)}")]
    assert len(entries) == 1, [e.id for e in feed.entries[:10]]
    assert "CIDO" in entries[0].title and "how to engage corrected" in entries[0].title
    assert f"Source: {EVIDENCE}" in entries[0].summary
    assert entries[0].link.endswith("/rigo?id=au")
    assert reference not in (ROOT / "data" / "raw" / "corrections.yaml").read_text()


def written(database: Path) -> tuple[int, int]:
    """The SQLite write-ahead log's size and time: they change when a transaction is written."""
    wal = database.with_name(database.name + "-wal")
    info = wal.stat() if wal.exists() else None
    return (info.st_size, info.st_mtime_ns) if info else (0, 0)


def wait_for_write(database: Path, before: tuple[int, int], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while written(database) == before and time.monotonic() < deadline:
        time.sleep(0.001)


@pytest.fixture(scope="module")
def shared_postgres() -> Iterator[str]:
    if postgres.binaries() is None:
        no_postgres()
    with postgres.cluster() as url:
        yield url


def test_two_servers_share_one_postgresql(page, shared_postgres, tmp_path):
    env = {"ATLAS_DATABASE_URL": shared_postgres}
    with app(env, tmp_path / "a.log") as (url_a, _), app(env, tmp_path / "b.log") as (url_b, _):
        assert url_a != url_b
        other = page.context.new_page()
        opened = open_forms((page, url_a), (other, url_b))
        fill(page, "Suggested through server A.")
        fill(other, "Suggested through server B.")
        send(page, opened[0])
        send(other, opened[1])
        shown = {reference_shown(page), reference_shown(other)}
        other.close()
    assert len(shown) == 2
    states = listed(shared_postgres)
    assert {ref: states.get(ref) for ref in shown} == dict.fromkeys(shown, "received")


def test_kill_9_mid_submission_loses_no_acknowledged_suggestion(page, tmp_path):
    database = tmp_path / "suggestions.sqlite"
    url_db = f"sqlite:///{database}"
    shown: list[str] = []
    with app(sqlite_env(database), tmp_path / "a.log") as (url, proc):
        tabs = [page, page.context.new_page(), page.context.new_page()]
        opened = open_forms(*((tab, url) for tab in tabs))
        for n, tab in enumerate(tabs):
            fill(tab, f"Acknowledged before the kill, number {n}.")
        for tab, start in zip(tabs, opened, strict=True):
            send(tab, start)
        shown += [reference_shown(tab) for tab in tabs]
        last = tabs[0]
        last.get_by_role("button", name="Suggest another correction").click()
        start = loaded(last)
        fill(last, "In flight when the server is killed.")
        before = written(database)
        send(last, start)
        wait_for_write(database, before)  # the server is writing it (or has just written it)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=20)
        assert proc.returncode == -signal.SIGKILL
        for tab in tabs[1:]:
            tab.close()
    assert len(set(shown)) == 3

    with app(sqlite_env(database), tmp_path / "b.log") as (url, _):
        shown.append(submit(page, url, "Sent after the restart."))
    states = listed(url_db)
    assert {ref: states.get(ref) for ref in shown} == dict.fromkeys(shown, "received")
    assert len(states) in (len(shown), len(shown) + 1)  # the one in flight: stored once or not
    with contextlib.closing(sqlite3.connect(database)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = db.execute("SELECT count(*) FROM suggestions").fetchone()[0]
        firsts = db.execute("SELECT count(*) FROM suggestion_events WHERE from_state IS NULL")
        assert firsts.fetchone()[0] == rows == len(states)  # no suggestion without its event
