"""The engagement calendar: the next twelve months of windows, their timing in words (no Streamlit).

A window's next date is shown only where a cited source announces it (`next_start`); otherwise
its usual months are shown as such ("usually in June; next date not yet announced"), never as a
date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from babel.dates import format_skeleton, get_month_names
from babel.lists import format_list

from atlas import glossary, i18n, links, suggesting, texts
from atlas.escape import for_markdown
from atlas.i18n import N_, Translator
from atlas.queries import BELONGING, membership_on
from atlas.tables import Atlas

ICS_URL = "/app/static/data/calendar"
ICS_DIR = Path(__file__).resolve().parents[1] / "static" / "data" / "calendar"
ANNOUNCED, USUAL = "announced", "not_yet_announced"  # the date_status codes


def months_ahead(today: dt.date, n: int = 12) -> list[dt.date]:
    """The first day of this month and of the n - 1 months after it."""
    return [dt.date(today.year + (today.month - 1 + i) // 12, (today.month - 1 + i) % 12 + 1, 1)
            for i in range(n)]


def _month_end(first: dt.date) -> dt.date:
    return months_ahead(first, 2)[1] - dt.timedelta(days=1)


def _day(value: str) -> dt.date | None:
    """A full YYYY-MM-DD date, or None (a year or a month is not a day)."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def day_words(t: Translator, value: str) -> str:
    """A date as precise as the sources give it, in words: a day, a month ("September 2025") or
    a year."""
    if len(value) == 7:
        return format_skeleton("yMMMM", dt.date.fromisoformat(value + "-01"), locale=t.locale)
    return t.date(value) if _day(value) else t.data(value)


def _announced(w, today: dt.date, horizon: dt.date) -> dict | None:
    start = _day(w.next_start)
    if start is None:
        return None
    end = _day(w.next_end) or start
    if end < today or start > horizon:
        return None
    return {"window_id": w.window_id, "month": start.replace(day=1), "date_status": ANNOUNCED,
            "start": start, "end": end}


def upcoming(windows: pd.DataFrame, today: dt.date, n: int = 12) -> pd.DataFrame:
    """One row per window and month of the next `n` months: its announced date, or a usual month
    (the whole month, `date_status` not_yet_announced) when no source announces a date in it and
    it was not already held that month. Windows with neither are not in it."""
    months = months_ahead(today, n)
    horizon = _month_end(months[-1])
    rows = []
    for w in windows.itertuples(index=False):
        announced = _announced(w, today, horizon)
        rows += [announced] if announced else []
        taken = {announced["month"]} if announced else set()
        held, usual = {h[:7] for h in w.held_dates}, {int(m) for m in w.usual_months}
        rows += [{"window_id": w.window_id, "month": m, "date_status": USUAL, "start": m,
                  "end": _month_end(m)}
                 for m in months if m.month in usual and m not in taken
                 and m.isoformat()[:7] not in held]
    out = pd.DataFrame(rows, columns=["window_id", "month", "date_status", "start", "end"])
    return out.sort_values(["month", "start", "window_id"]).reset_index(drop=True)


def recurrence_words(t: Translator, kind: str, every: str = "") -> str:
    if kind == "every_n_years" and str(every).isdigit():
        return t.n("every {count} year", "every {count} years", int(every))
    return glossary.label(t, "recurrence", kind)


def month_names(t: Translator, months) -> str:
    names = get_month_names("wide", locale=t.locale)
    return format_list([names[m] for m in sorted({int(m) for m in months})], locale=t.locale)


def timing(t: Translator, w) -> str:
    """When the window is, in words: its announced date, else its usual timing, marked as such."""
    if _day(w.next_start):
        when = t.date(w.next_start) + (" – " + t.date(w.next_end) if _day(w.next_end) else "")
        return t("Next: {when} (date announced).", when=when)
    if len(w.usual_months):
        return t("Usually in {months}; next date not yet announced.",
                 months=month_names(t, w.usual_months))
    return t("Held {recurrence}; next date not yet announced.",
             recurrence=recurrence_words(t, w.recurrence_kind, w.every_n_years))


def rigos_of_country(atlas: Atlas, iso3: str, day: dt.date) -> list[str]:
    """The organisations in which the country belongs (member, suspended, associate) on `day`."""
    held = membership_on(atlas.memberships, day)
    return sorted(set(held[(held.iso3 == iso3) & held.status.isin(BELONGING)].rigo_id))


def with_region(atlas: Atlas, df: pd.DataFrame) -> pd.DataFrame:
    """`df` (windows or cases) with its organisation's acronym and region."""
    return df.merge(atlas.rigos[["rigo_id", "acronym", "region"]], on="rigo_id", how="left")


def select(atlas: Atlas, df: pd.DataFrame, day: dt.date, iso3: str | None = None,
           rigo_id: str | None = None, region: str | None = None, theme: str | None = None
           ) -> pd.DataFrame:
    """Windows (or cases) of a country's organisations, an organisation, a region and a theme."""
    out = with_region(atlas, df)
    if iso3:
        out = out[out.rigo_id.isin(rigos_of_country(atlas, iso3, day))]
    if rigo_id:
        out = out[out.rigo_id == rigo_id]
    if region:
        out = out[out.region == region]
    if theme:
        out = out[out.themes.map(lambda ts: theme in ts).astype(bool)]  # an empty mask stays a mask
    return out.reset_index(drop=True)


def table(t: Translator, windows: pd.DataFrame) -> pd.DataFrame:
    """The windows as the page lists them: organisation, window, timing (which says whether the
    date is announced), what to do and by when."""
    return pd.DataFrame({
        "acronym": windows.acronym, "title": windows.title.map(t.data),
        "when": [timing(t, w) for w in windows.itertuples(index=False)],
        "cso_action": windows.cso_action.map(t.data), "lead_time": windows.lead_time.map(t.data)})


def ics_url(kind: str = "", code: str = "") -> str | None:
    """The .ics file of everything (no kind), an organisation ("rigo") or a country ("country"),
    or None when the ETL wrote none for it."""
    name = f"{kind}/{code}.ics" if kind else "all.ics"
    return f"{ICS_URL}/{name}" if (ICS_DIR / name).is_file() else None


def ordered(windows: pd.DataFrame) -> pd.DataFrame:
    """Announced dates first (soonest first), then by organisation and title."""
    return windows.assign(_k=windows.next_start.replace("", "9999")).sort_values(
        ["_k", "acronym", "title"]).drop(columns="_k").reset_index(drop=True)


# The texts a window card shows, with the labels their English originals are shown under.
CARD_FIELDS = (("title", N_("Window")), ("what_happens", N_("What happens")),
               ("who_may_take_part", N_("Who may take part")),
               ("cso_action", N_("What a CSO must do")), ("lead_time", N_("By when")),
               ("last_held_place", N_("Where it was last held")))


def card(atlas: Atlas, w, lang: str = "", came_from: str = "") -> texts.Card:
    """One window as a card: its Markdown, marked when a text is a machine translation (or in
    English while its translation is updated), with the English originals to show on request."""
    note, original = texts.translation_note(atlas, w.window_id, "engagement_windows", CARD_FIELDS)
    return texts.Card(for_markdown(w.acronym), markdown(atlas, w, lang, note, came_from), "", original,
                      last_verified=str(w.last_verified))


def markdown(atlas: Atlas, w, lang: str = "", note: str = "", came_from: str = "") -> str:
    """One window as Markdown: title and organisation, when, what happens, who, what to do and by
    when, a link to its organisation's page (where its channel card is) and its sources."""
    t = i18n.of(atlas)
    mark = "orange" if w.date_status == ANNOUNCED else "blue"
    page = links.page_link("rigo", {"id": w.rigo_id, "lang": lang})
    # The timing on a coloured background that wraps (a badge does not: on a phone it would hide
    # "next date not yet announced" behind an ellipsis).
    lines = [f"**{texts.line(t, for_markdown(t.data(w.title)))}**  \n"
             + texts.line(t, f"[{for_markdown(w.acronym)}]({page})",
                          f":{mark}-background[{for_markdown(timing(t, w))}]"),
             for_markdown(t.data(w.what_happens)),
             texts.labelled(t, t("Who may take part"), for_markdown(t.data(w.who_may_take_part))),
             texts.labelled(t, t("What a CSO must do"), for_markdown(t.data(w.cso_action)))]
    if w.lead_time:
        lines.append(texts.labelled(t, t("By when"), for_markdown(t.data(w.lead_time))))
    if w.last_held_start:
        lines.append(t("Last held: {when}", when=for_markdown(day_words(t, w.last_held_start)))
                     + (f" ({for_markdown(t.data(w.last_held_place))})" if w.last_held_place else ""))
    lines.append(":gray[" + t("Last verified {date}", date=for_markdown(t.date(w.last_verified)))
                 + " · " + t("Sources:") + " " + texts.sources_line(atlas, w.source_ids) + " · "
                 + suggesting.record_link(t, "engagement_windows", w.window_id, came_from) + "]")
    if note:
        lines.append(texts.mark_line(note))
    return "\n\n".join(lines)
