"""Small reusable Streamlit pieces: the as-of date, messages, provenance footnotes, downloads."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from atlas import exports, i18n, links, load, suggesting, texts
from atlas.charts import ChartView
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.tables import Atlas

LICENCE = N_("Data: CC BY 4.0 (Engagement Atlas); boundaries: Natural Earth, public domain.")


def translator() -> i18n.Translator:
    """The translator of this session's language (chosen by the frame)."""
    return i18n.translator(load.lang())


def require_frame() -> None:
    """Run pages only inside streamlit_app.py's navigation.

    Streamlit treats a folder named pages/ as automatic (v1) navigation until the entrypoint has
    called st.navigation once; a server whose first visitor opens a deep link would show the page
    without the frame. Turning v1 off and rerunning routes the same URL through st.navigation.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def today() -> dt.date:
    return dt.date.today()


def as_of_date() -> dt.date:
    """The page's date: from `?date=`, changeable in the sidebar, kept in the URL."""
    from atlas.widgets import urlstate

    t = translator()
    day, problem = links.parse_date(st.query_params.get_all("date"), today())
    if problem:
        st.warning(for_markdown(problem.text(t)))
        st.query_params.pop("date", None)
    urlstate.seed("as-of-date", day, "date")
    picked = st.sidebar.date_input(
        t("Show the situation on"), min_value=links.EARLIEST, max_value=today(), key="as-of-date",
        format="YYYY-MM-DD", help=t("Memberships change: pick a past date to see who belonged then."),
    )
    if picked != today():
        st.query_params["date"] = picked.isoformat()
    else:
        st.query_params.pop("date", None)
    urlstate.written("as-of-date", "date")
    return picked


LONG_TABLE = 50  # rows: a longer table scrolls instead of printing in full


def table(df: pd.DataFrame, suggest: list[str] | None = None) -> None:
    # every table of data goes through here: st.table reads its cells as Markdown
    """A short table printed in full (easy to read and to print); a long one scrolls, so a page
    stays quick however much data there is. `suggest`: each row's "Suggest a correction" link
    (relative URLs built by atlas.suggesting), shown as a last column."""
    from atlas.escape import for_page_href, table_for_markdown
    from atlas.glossary import headed

    t = translator()
    df = headed(t, df)
    column, label = t("Correction"), t(suggesting.LINK_LABEL)
    hrefs = [for_page_href(u) for u in suggest] if suggest is not None else None
    if len(df) > LONG_TABLE:
        config = {column: st.column_config.LinkColumn(column, display_text=label)} if hrefs else None
        st.dataframe(df.assign(**{column: hrefs}) if hrefs else df, hide_index=True,
                     width="stretch", column_config=config)
    else:
        shown = table_for_markdown(df)
        st.table(shown.assign(**{column: [f"[{label}]({h})" for h in hrefs]}) if hrefs else shown)


def matrix(df: pd.DataFrame) -> None:
    """A small matrix (labelled rows and columns) as a printed table, every text escaped."""
    from atlas.escape import table_for_markdown

    t = translator()
    if len(df.columns) > 2:  # a phone shows two or three columns; say that the rest is there
        shape = abs(hash((tuple(map(str, df.columns)), tuple(map(str, df.index)))))
        st.container(key=f"phone-hint-{shape}").markdown(
            t("Scroll the table sideways to see every column →"))
    st.table(table_for_markdown(df))


def friendly(message: links.Message | None) -> None:
    if message:
        st.info(for_markdown(message.text(translator())))


def sources_footer(atlas: Atlas, *frames: pd.DataFrame, cited: pd.DataFrame | None = None) -> None:
    """The sources of what is on screen, the as-of date and the licence.

    The list is built only when the expander is opened: a page can cite hundreds of sources, and
    sending them at every load and rerun would cost more than the rest of the page.
    """
    from atlas.queries import sources_for

    t = i18n.of(atlas)
    cited = sources_for(atlas, *frames) if cited is None else cited
    st.divider()
    footer = st.expander(t.n("Sources of this page ({count}) · data verified as of {date}",
                             "Sources of this page ({count}) · data verified as of {date}",
                             len(cited), date=t.date(atlas.as_of)),
                         key="sources-footer", on_change="rerun")
    back = here()
    if footer.open:
        footer.markdown(texts.sources_markdown(t, cited, back))
    st.markdown(t("Data verified as of {date}.", date=t.date(atlas.as_of)) + " " + t(LICENCE)
                + "  \n" + suggesting.record_link(t, "", "", back, PAGE_LINK))


PAGE_LINK = N_("Suggest a correction to this page")


def suggest_urls(table: str, rows: pd.DataFrame) -> list[str]:
    """Each row's link to the Suggest page (for `table(..., suggest=...)`)."""
    return suggesting.links_for(table, suggesting.record_ids(table, rows), translator().code, here())


def suggest_missing(rigo_id: str = "") -> None:
    """"Suggest a missing channel" (of an organisation, when given) as a Markdown link."""
    from atlas.escape import for_page_href

    t = translator()
    url = for_page_href(suggesting.missing_channel_link(t.code, here(), rigo_id))
    st.markdown("[" + t("Suggest a missing channel") + f"]({url})")


def suggest_record(table: str, record_id: str) -> None:
    """"Suggest a correction" for one record, as a small Markdown link."""
    st.markdown(":small[" + suggesting.record_link(translator(), table, record_id, here()) + "]")


def here() -> str:
    """This page's relative address with its state (a suggest link's `from`), or '' when the
    browser's address is unknown."""
    from urllib.parse import urlsplit

    if not st.context.url:
        return ""
    path = urlsplit(st.context.url).path.rstrip("/").rsplit("/", 1)[-1] or "home"
    return suggesting.safe_return(links.page_link(path, st.query_params.to_dict()))


# Downloads are ready bytes, not callables: a deferred download needs a round trip at click
# time, which was lost under load (tests timed out waiting for it). Views come with their files
# prebuilt (cached by plain keys); other tables get theirs cached by content (hashed).
@st.cache_data(show_spinner=False, max_entries=64)
def _files(df: pd.DataFrame, sources: pd.DataFrame, as_of: str) -> exports.Downloads:
    return exports.downloads(df, sources, as_of)


def offer(files: exports.Downloads, stem: str) -> None:
    """CSV and Excel download buttons for prebuilt files."""
    t = translator()
    left, right = st.columns(2)
    left.download_button(t("Download CSV"), files.csv, file_name=f"{stem}.csv", mime="text/csv",
                         key=f"csv-{stem}")
    if files.xlsx is None:
        right.markdown(t("Excel is offered for tables up to {cells} cells; this one is larger: use "
                         "the CSV.", cells=t.number(exports.EXCEL_MAX_CELLS)))
        return
    right.download_button(
        t("Download Excel"), files.xlsx, file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx-{stem}",
    )


def download_buttons(df: pd.DataFrame, sources: pd.DataFrame, as_of: str, stem: str) -> None:
    """CSV and Excel downloads of `df` with its citations."""
    offer(_files(df, sources, as_of), stem)


TITLE_LINE = 42  # characters: a title fits a phone's 390 px on lines this long


def _wrap_titles(spec: dict) -> dict:
    """Long chart titles on several lines (Vega cuts a title wider than the chart)."""
    import textwrap

    for part in (spec, *spec.get("layer", [])):
        title = part.get("title")
        if isinstance(title, str) and len(title) > TITLE_LINE:
            lines = textwrap.wrap(title, TITLE_LINE, max_lines=3, placeholder=" …")
            part["title"] = {"text": lines, "anchor": "start"}
    return spec


def _spec(view: ChartView) -> dict:
    """The chart as Streamlit sends it (Vega-Lite with Arrow datasets), converted once per cached
    view: converting and validating an Altair chart costs ~10 ms, at every rerun otherwise."""
    spec = view.__dict__.get("_vega_spec")
    if spec is None:
        from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

        spec = _wrap_titles(_convert_altair_to_vega_lite_spec(view.figure))
        object.__setattr__(view, "_vega_spec", spec)  # the view is frozen, its cache is not
    return spec


def chart(view: ChartView, stem: str) -> None:
    """An Altair chart at its own height, then its table and downloads in an expander."""
    height = getattr(view.figure, "height", None)
    height = height if isinstance(height, int) else 300
    t = translator()
    title = getattr(view.figure, "title", None)
    title = title if isinstance(title, str) else ""
    # Vega gives the chart's SVG this description as its accessible name (role graphics-document);
    # the numbers themselves are in the table right below, which says which chart it belongs to.
    described = t("Chart: {title}. The numbers are in the table below it.", title=title)
    # a top-level copy: Streamlit moves the datasets out of the spec it is given
    st.vega_lite_chart(spec={**_spec(view), "description": described}, width="stretch",
                       height=height + 150)
    # an expander's label is Markdown, and a title may carry data text (an acronym, a name)
    with st.expander(t("The numbers behind this chart: {title}", title=for_markdown(title))
                     if title else t("The numbers behind this chart")):
        from atlas.glossary import headed

        st.dataframe(headed(translator(), view.table), hide_index=True, width="stretch")
        offer(view.files, stem)


def light_link(iso3: str | None = None) -> None:
    """"Slow connection?": the static page of this country (or the index), in this language."""
    from atlas import light

    t = translator()
    url = light.page_url(t.code, iso3)
    st.markdown(t("Slow connection? [Open the light page]({url}): text only, no scripts or maps.",
                  url=url) if iso3 else
                t("Slow connection? [Open the light pages]({url}): one page per country, text only.",
                  url=url))


def offline_packs() -> None:
    """The light pages of each language in one zip, to read with no connection."""
    from atlas import light

    t = translator()
    packs = " · ".join(f"[{name}]({light.pack_url(code)})" for code, name in i18n.NATIVE_NAMES.items())
    st.markdown(t("**Offline pack**: every country's light page in one zip, to read without a "
                  "connection (about 2.5 MB): {packs}", packs=packs))
