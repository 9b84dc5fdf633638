"""Through the production proxy (nginx, deploy/nginx.conf) and on a slow link: what a first visit
downloads, the loading line before any script, the mended links, the small icon font, and the
light pages a user on 400 kbit/s reads within seconds."""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
import zipfile

import pytest
from playwright.sync_api import expect

from atlas import light
from bench.firstload import first_load
from deploy import serve

pytestmark = pytest.mark.browser
HAVE_NGINX = os.path.exists(serve.NGINX) or shutil.which("nginx")


@pytest.fixture(scope="module")
def proxy_url(app_url):
    if not HAVE_NGINX:
        pytest.skip("nginx is not installed (make test installs it when run as root)")
    upstream = int(app_url.rsplit(":", 1)[1])
    with serve.nginx(serve.free_port(), upstream) as url:
        yield url


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_NoRedirect)
    return opener.open(request, timeout=20)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.parametrize(("path", "limit"), [("/", 1_500_000), ("/country?iso3=KEN", 2_000_000)])
def test_a_first_visit_through_the_proxy_is_small(browser, proxy_url, path, limit):
    visit = first_load(browser, proxy_url + path)
    assert visit.total <= limit, (visit.total, visit.by_type)
    assert visit.by_type.get("Font", 0) < 250_000  # the 4.6 KB icon subset, not 375 KB


def test_scripts_come_compressed_and_cached_for_a_year(proxy_url):
    with _get(proxy_url + "/", **{"Accept-Encoding": "gzip"}) as reply:
        assert reply.headers["Content-Encoding"] == "gzip"
    html = _get(proxy_url + "/").read().decode()
    script = html.split('src="./static/js/', 1)[1].split('"', 1)[0]
    with _get(f"{proxy_url}/static/js/{script}", **{"Accept-Encoding": "gzip"}) as reply:
        assert reply.headers["Content-Encoding"] == "gzip"
        assert "immutable" in reply.headers["Cache-Control"]


def test_the_first_bytes_say_loading_in_the_readers_language(proxy_url):
    html = _get(proxy_url + "/country?iso3=MLI", **{"Accept-Language": "fr-FR,fr;q=0.9"}).read()
    text = html.decode()
    assert "Chargement de l’Atlas" in text
    assert 'href="/app/static/light/fr/index.html"' in text


@pytest.mark.parametrize(("path", "target"), [("/rigo%3Fid=au", "/rigo?id=au"),
                                              ("/country/KEN?lang=fr", "/country?lang=fr")])
def test_broken_links_are_mended(proxy_url, path, target):
    with pytest.raises(urllib.error.HTTPError) as caught:
        _get(proxy_url + path)
    assert caught.value.code == 301
    assert caught.value.headers["Location"].endswith(target)


def test_another_host_name_is_refused(proxy_url):
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        _get(proxy_url + "/", Host="evil.example")


def test_every_icon_is_drawn_from_the_subset(page, proxy_url):
    page.goto(proxy_url + "/country?iso3=KEN")
    page.get_by_text("What do these words mean?").click()
    icons = page.locator("[data-testid='stIconMaterial']:visible")
    expect(icons.first).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1000)
    widths = icons.evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert widths and max(widths) <= 40, widths  # a missing icon shows its name in letters


@pytest.mark.parametrize(("lang", "iso3", "heading", "direction"), [
    ("en", "KEN", "Kenya", "ltr"), ("fr", "MLI", "Mali", "ltr"), ("ar", "EGY", "مصر", "rtl")])
def test_a_light_page_reads_in_seconds_on_a_slow_link(browser, proxy_url, lang, iso3, heading,
                                                      direction):
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400,
             "downloadThroughput": 50_000, "uploadThroughput": 25_000})
    page.goto(proxy_url + light.page_url(lang, iso3), wait_until="load", timeout=5_000)
    assert page.locator("script").count() == 0
    assert page.locator("html").get_attribute("dir") == direction
    expect(page.locator("h1")).to_contain_text(heading)
    context.close()


def test_the_country_page_links_its_light_page(page, app_url):
    page.goto(app_url + "/country?iso3=KEN&lang=fr")
    link = page.get_by_role("link", name="Ouvrez la page légère")
    expect(link).to_have_attribute("href", "/app/static/light/fr/KEN.html", timeout=30_000)
    with page.expect_popup() as opened:  # Streamlit opens Markdown links in a new tab
        link.click()
    light_page = opened.value
    expect(light_page.locator("h1")).to_contain_text("Kenya")
    light_page.get_by_role("link", name="العربية").click()
    expect(light_page.locator("html")).to_have_attribute("dir", "rtl")


def test_the_offline_pack_holds_every_page_of_its_language():
    with zipfile.ZipFile(light.OUT / "atlas-light-pt.zip") as pack:
        names = pack.namelist()
    assert "pt/index.html" in names
    assert len([n for n in names if n.endswith(".html")]) == len(list((light.OUT / "pt").glob("*.html")))
