"""The light edition: a static HTML page per country and language, no scripts, for slow links.

`python -m atlas.light` writes them under static/light/ (served at /app/static/light/), with an
index per language, a language chooser and one zip per language (the offline pack). They show
the situation on the data's as-of date, from the same queries and briefing as the country page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import hashlib
import json
import shutil
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from atlas import briefing, i18n, pathways, profiles, queries
from atlas.escape import for_html as e
from atlas.i18n.data import localise
from atlas.tables import Atlas, data_dir, read_atlas

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "light"
URL = "/app/static/light"
STAMP = "stamp.json"
CSS = ("body{font-family:sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 .8rem;"
       "line-height:1.5;color:#111}li{margin:.3rem 0}a{color:#0b4f9c}nav a{margin-inline-end:.8rem}")


def page_url(code: str, iso3: str | None = None) -> str:
    """Where the light page of `iso3` (or the language's index) is served."""
    return f"{URL}/{code}/{iso3 or 'index'}.html"


def pack_url(code: str) -> str:
    return f"{URL}/atlas-light-{code}.zip"


def _page(t: i18n.Translator, title: str, body: str) -> str:
    return (f"<!doctype html><html lang='{t.locale.language}' dir='{t.direction}'><head>"
            "<meta charset='utf-8'><meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>{body}</body></html>")


def _languages(iso3: str | None) -> str:
    """Links to the same page in the other languages, each named in its own language."""
    name = f"{iso3}.html" if iso3 else "index.html"
    return " ".join(f"<a href='../{code}/{name}' hreflang='{code}' lang='{code}'>{e(native)}</a>"
                    for code, native in i18n.NATIVE_NAMES.items())


def country_header(t: i18n.Translator, iso3: str, online: bool) -> str:
    words = {"full": e(t("Interactive page")), "nav": e(t("Light pages")),
             "all": e(t("All countries"))}
    full = (f"<a href='/country?iso3={iso3}&amp;lang={t.code}'>{words['full']}</a>"
            if online else "")
    return (f"<nav aria-label='{words['nav']}'><a href='index.html'>{words['all']}</a>{full}<br>"
            f"{_languages(iso3)}</nav>")


def country_page(atlas: Atlas, iso3: str, online: bool = True) -> str:
    """One country's light page: memberships, channels in bands, networks and sources."""
    t = i18n.of(atlas)
    day = dt.date.fromisoformat(atlas.as_of)
    name = profiles.country_name(atlas, iso3)
    current = profiles.current_memberships(atlas, iso3, day)
    paths = pathways.pathways(atlas, iso3, day, pathways.Profile(kind="national"))
    summary = profiles.summary_sentence(current, int((paths.band == pathways.OPEN).sum()),
                                        int((paths.band == pathways.CONDITIONAL).sum()), t)
    nets = profiles.networks_for(atlas, iso3, list(current.rigo_id))
    cited = queries.sources_for(atlas, current, paths, nets)
    return briefing.country_briefing(name, day.isoformat(), atlas.as_of, summary, current, paths,
                                     nets, cited, t, header=country_header(t, iso3, online))


def index_page(atlas: Atlas, online: bool = True) -> str:
    """Every country of one language, sorted by its name in that language."""
    t = i18n.of(atlas)
    title = t("Engagement Atlas: light pages")
    words = {"title": e(title), "pack": e(t("Download every page (zip)")),
             "intro": e(t("One page per country, without scripts or maps, for slow connections. "
                          "Situation on {date}.", date=t.date(atlas.as_of)))}
    items = "".join(f"<li><a href='{c}.html'>{e(profiles.country_name(atlas, c))}</a></li>"
                    for c in profiles.known_countries(atlas))
    pack = f"<p><a href='../atlas-light-{t.code}.zip'>{words['pack']}</a></p>" if online else ""
    body = (f"<nav>{_languages(None)}</nav><h1>{words['title']}</h1><p>{words['intro']}</p>"
            f"{pack}<ul>{items}</ul>")
    return _page(t, title, body)


def chooser_page() -> str:
    """static/light/index.html: the languages, each named in its own language."""
    items = "".join(f"<li><a href='{code}/index.html' lang='{code}'>{e(native)}</a></li>"
                    for code, native in i18n.NATIVE_NAMES.items())
    return _page(i18n.translator(), "Engagement Atlas", f"<h1>Engagement Atlas</h1><ul>{items}</ul>")


def fingerprint(folder: Path) -> str:
    """What the pages depend on: the published data, the catalogues and this code."""
    parts = [folder / "manifest.json", Path(__file__), Path(briefing.__file__),
             *sorted((ROOT / "atlas" / "i18n" / "locales").rglob("*.mo"))]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


def _write_language(args: tuple[Path, Path, str, tuple[str, ...] | None]) -> int:
    """One language's pages, index and zip (run in its own process: 2 cores, 2 languages at once)."""
    out, folder, code, only = args
    atlas = localise(read_atlas(folder), code)
    (out / code).mkdir(parents=True, exist_ok=True)
    codes = [c for c in profiles.known_countries(atlas) if only is None or c in only]
    with zipfile.ZipFile(out / f"atlas-light-{code}.zip", "w", zipfile.ZIP_DEFLATED) as pack:
        for iso3 in codes:
            page = country_page(atlas, iso3)
            (out / code / f"{iso3}.html").write_text(page, encoding="utf-8")
            t = i18n.of(atlas)  # offline: the same page without the link to the interactive app
            pack.writestr(f"{code}/{iso3}.html", page.replace(
                country_header(t, iso3, online=True), country_header(t, iso3, online=False)))
        (out / code / "index.html").write_text(index_page(atlas), encoding="utf-8")
        pack.writestr(f"{code}/index.html", index_page(atlas, online=False))
    return len(codes)


def write_all(out: Path = OUT, folder: Path | None = None, workers: int = 2,
              only: tuple[str, ...] | None = None) -> int:
    """Write every light page, index and pack; returns the number of country pages (0 when
    another process is writing them: the app starts one, `make` another)."""
    folder = folder or data_dir()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_name(out.name + ".lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0
        return _write_all(out, folder, workers, only)


def _write_all(out: Path, folder: Path, workers: int, only: tuple[str, ...] | None) -> int:
    new, old = out.with_name(out.name + ".new"), out.with_name(out.name + ".old")
    for stale in (new, old):
        shutil.rmtree(stale, ignore_errors=True)
    new.mkdir(parents=True)
    jobs = [(new, folder, code, only) for code in i18n.LANGS]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        count = sum(pool.map(_write_language, jobs))
    (new / "index.html").write_text(chooser_page(), encoding="utf-8")
    (new / STAMP).write_text(json.dumps({"fingerprint": fingerprint(folder)}), encoding="utf-8")
    if out.exists():  # swapped whole: a reader never meets half of the old and half of the new
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return count


def up_to_date(out: Path = OUT, folder: Path | None = None) -> bool:
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("fingerprint") == fingerprint(folder or data_dir())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--if-needed", action="store_true", help="skip when already up to date")
    args = parser.parse_args()
    if args.if_needed and up_to_date(args.out):
        print(f"light pages: up to date in {args.out}")
        return
    print(f"light pages: {write_all(args.out)} written to {args.out}")


if __name__ == "__main__":
    main()
