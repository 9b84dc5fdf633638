"""In Chromium: hostile links to every page give the default view, a short message, and no traceback."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.hardening.conftest import ROOT, declared_pages, problems_on, wait_until_run_ends

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MESSAGE = re.compile(r"We don't know|We can't use")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
TEMPLATE = "${alert(document.cookie)}"
BACKTICK = "`alert(1)`"
LONG = "K" * 5000


def q(**params: str) -> str:
    return "?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())


# (path, query string, a message is expected). Paths are url_paths from streamlit_app.py.
CASES: list[tuple[str, str, bool]] = [
    # home: / and /home (date)
    ("", q(date="2024-13-45"), True),
    ("", q(date=SCRIPT), True),
    ("", q(date="9" * 300), True),
    ("", "?date=2024-06-01&date=2999-01-01", True),
    ("", q(date=TEMPLATE), True),
    ("", q(foo=SCRIPT), False),
    ("home", q(date="\x00\x01"), True),
    ("home", q(date="２０２４-０６-０１"), True),
    ("home", q(date="2024-06-01T00:00"), True),
    ("", q(lang="xx"), True),
    ("", q(lang=SCRIPT), True),
    ("country", q(iso3="KEN", lang=TEMPLATE), True),
    ("rigo", q(id="au", lang="fr" * 400), True),
    # country (iso3, date)
    ("country", q(iso3="ZZZ"), True),
    ("country", q(iso3=SCRIPT), True),
    ("country", q(iso3=TEMPLATE), True),
    ("country", q(iso3=LONG), True),
    ("country", q(iso3="🇰🇪"), True),
    ("country", q(iso3="../../etc/passwd"), True),
    ("country", "?iso3=KEN&iso3=ZZZ", True),
    ("country", q(iso3="404"), True),
    ("country", q(iso3="KEN", date="1e309"), True),
    ("country", q(iso3="\u202eNEK"), True),
    # pathways (iso3, org, themes, years, funding, humanitarian, date)
    ("pathways", q(iso3="XXX"), True),
    ("pathways", q(org="government"), True),
    ("pathways", q(themes="peace_security," + SCRIPT), True),
    ("pathways", q(years="1e9"), True),
    ("pathways", q(years="-5"), True),
    ("pathways", q(years="١٢"), True),
    ("pathways", q(funding="150"), True),
    ("pathways", q(funding="NaN"), True),
    ("pathways", q(humanitarian="maybe"), True),
    ("pathways", q(org=TEMPLATE, themes="," * 2000), True),
    # rigo (id, date)
    ("rigo", q(id="nato"), True),
    ("rigo", q(id=IMG), True),
    ("rigo", q(id=BACKTICK), True),
    ("rigo", q(id="au", date="0000-00-00"), True),
    ("rigo", q(id="A" * 5000), True),
    ("rigo", "?id=au&id=..%2F..%2Fetc", True),
    # data (table, q, rigo, date)
    ("data", q(table="passwords"), True),
    ("data", q(table="../../manifest"), True),
    ("data", q(table=IMG), True),
    ("data", q(rigo=TEMPLATE), True),
    ("data", "?rigo=ecowas&rigo=zz", True),
    ("data", q(q=SCRIPT), False),
    ("data", q(q=LONG), False),
    # the organiser pages (read from streamlit_app.py when present)
    ("compare", q(region="Atlantis"), True),
    ("compare", q(rigos="au," + SCRIPT), True),
    ("compare", q(date="yesterday"), True),
    ("gaps", q(rec="zzz"), True),
    ("gaps", q(rigo=TEMPLATE), True),
    ("early-warning", q(region=IMG), True),
    ("networks", q(region="x" * 300), True),
    ("networks", q(theme=BACKTICK), True),
    ("networks", q(network="../etc"), True),
    ("planner", q(theme="x"), True),
    ("planner", q(regions="Africa," + SCRIPT), True),
    ("planner", q(format=SCRIPT), True),
    ("calendar", q(iso3=SCRIPT), True),
    ("calendar", q(rigo="../etc", theme=BACKTICK), True),
    ("calendar", q(region="x" * 300), True),
    ("cases", q(outcome=IMG), True),
    ("cases", q(rigo=TEMPLATE, type="x"), True),
    ("changes", q(iso3=SCRIPT), True),
    ("changes", q(rigo=IMG, **{"from": "9999-99-99"}), True),
    ("changes", q(to="0001-01-01"), True),
    ("suggest", q(table=SCRIPT, id="x"), True),
    ("suggest", q(table="channels", id=IMG, field=TEMPLATE), True),
    ("suggest", q(table="rigos", id=LONG, **{"from": "javascript:alert(1)"}), True),
    ("suggest", q(table="rigos", id="au", **{"from": "https://evil.example/"}), False),
]
# Path tricks one segment deep: Streamlit runs the main page (no message of ours), or redirects.
PATH_CASES: list[tuple[str, str, bool]] = [
    ("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "", False),
    ("nope", q(iso3="KEN"), False),
    ("country;x=1", "", False),
    ("COUNTRY", q(iso3="ZZZ"), False),
    ("country/", q(iso3="ZZZ"), True),
]
PAGES = declared_pages()
RUN = [c for c in CASES if c[0] in PAGES or c[0] == "home"] + PATH_CASES  # /home = default page


def _page_file(path: str) -> Path | None:
    source = (ROOT / "streamlit_app.py").read_text(encoding="utf-8")
    for args in re.findall(r"st\.Page\((.*)\),?\s*$", source, flags=re.M):  # one page a line
        is_it = ("default=True" in args) if path == "" else f'url_path="{path}"' in args
        if is_it:
            return ROOT / re.search(r'"([^"]+\.py)"', args).group(1)
    return None


KNOWN_HEADINGS = {"country": "Kenya", "rigo": "AU"}


def default_heading(path: str) -> str | None:
    """Text the page's default view has in its h1: a known default, else its static st.title."""
    path = path.rstrip("/")
    if path in KNOWN_HEADINGS:
        return KNOWN_HEADINGS[path]
    file = _page_file(path if path in PAGES else "")
    if file is None:
        return None
    found = re.search(r'st\.title\((?:t\()?"([^"{}]+)"\)', file.read_text(encoding="utf-8"))
    return found.group(1)[:30] if found else None


def test_every_declared_page_has_hostile_cases():
    covered = {c[0] for c in CASES}
    assert set(PAGES) <= covered, set(PAGES) - covered
    assert len(RUN) >= 50


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for the whole module (a new context per URL costs more than the URL itself)."""
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


@pytest.mark.parametrize(("path", "query", "message"), RUN,
                         ids=[f"{c[0][:16] or 'root'}-{i}" for i, c in enumerate(RUN)])
def test_hostile_url_gives_the_default_view_and_a_short_message(tab, hardening_url, path, query,
                                                                message):
    page, dialogs = tab, tab.dialogs
    dialogs.clear()
    page.goto(f"{hardening_url}/{path}{query}")
    wait_until_run_ends(page)
    assert problems_on(page) == []
    heading = default_heading(path)
    if heading:
        assert heading in page.locator("h1").first.inner_text()
    alerts = page.locator("[data-testid='stAlert']")
    texts = alerts.all_inner_texts()
    if message:
        said = [t for t in texts if MESSAGE.search(t)]
        assert said, texts
        assert all(len(t) < 400 for t in said), said
    assert alerts.locator("script, img, svg, iframe").count() == 0
    assert dialogs == []


# Streamlit refuses paths with encoded slashes or control characters: a bare 400, nothing else.
REFUSED = ["..%2F..%2Fetc%2Fpasswd", "country%00", "country/..%2F..%2Fetc/passwd"]


@pytest.mark.parametrize("path", REFUSED)
def test_path_trick_is_refused_by_the_server(tab, hardening_url, path):
    reply = tab.goto(f"{hardening_url}/{path}")
    assert reply is not None and reply.status in (400, 404)
    assert len(reply.text()) < 100 and problems_on(tab) == []


# Streamlit serves its page with relative asset links, so a path two segments deep loads no
# JavaScript and stays blank: streamlit#8013. Not a crash, and nothing leaks, but not the default
# view either; fixable only in Streamlit or a proxy. Strict: tells us when Streamlit fixes it.
STREAMLIT_BLANK = ["a/b", "country/KEN"]


@pytest.mark.xfail(strict=True, reason="streamlit#8013: nested paths load no JavaScript")
@pytest.mark.parametrize("path", STREAMLIT_BLANK)
def test_nested_path_shows_the_main_page(tab, hardening_url, path):
    tab.goto(f"{hardening_url}/{path}")
    tab.wait_for_selector("h1", timeout=5_000)


@pytest.mark.parametrize("path", STREAMLIT_BLANK)
def test_nested_path_leaks_nothing(tab, hardening_url, path):
    reply = tab.goto(f"{hardening_url}/{path}")
    assert reply is not None and reply.status == 200
    assert problems_on(tab) == [] and "root:" not in tab.content()
