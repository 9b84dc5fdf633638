"""What changed: memberships that began, were suspended or ended, and channels added, corrected or
closed, newest first, by country, organisation and dates; each links to its records, and the
Atom feed follows the same choice."""

import streamlit as st

from atlas import changes, links, load, profiles, queries, widgets
from atlas.i18n import N_
from atlas.widgets import cards, follow, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
today = widgets.today()
st.title(t("What changed"), anchor=False)
st.markdown(t("Memberships that began, were suspended or ended, and channels added, corrected or "
              "closed, newest first. Each change links to its records and cites its sources."))

countries = profiles.known_countries(atlas)
rigo_ids = list(atlas.rigos.sort_values("acronym").rigo_id)
acronyms = queries.acronyms(atlas)
picks, days = {}, {}
for param, choices, what in (("iso3", countries, N_("country code")),
                             ("rigo", rigo_ids, N_("organisation"))):
    picks[param], bad = links.parse_choice(st.query_params.get(param), choices, None, what)
    widgets.friendly(bad)
for param in ("from", "to"):
    days[param], bad = changes.parse_day(st.query_params.get_all(param), today)
    widgets.friendly(bad)

a, b, c, d = st.columns(4)
iso3 = urlstate.optional(a.selectbox, "iso3", picks["iso3"], key="changes-country",
                         label=t("Country"), options=countries, everything=t("All countries"),
                         format_func=lambda code: profiles.country_label(atlas, code))
rigo = urlstate.optional(b.selectbox, "rigo", picks["rigo"], key="changes-rigo",
                         label=t("Organisation"), options=rigo_ids, everything=t("All organisations"),
                         format_func=lambda r: acronyms.get(r, r))
start = urlstate.bound(c.date_input, "from", days["from"], key="changes-from", label=t("From"),
                       min_value=links.EARLIEST, max_value=today, format="YYYY-MM-DD",
                       to_url=lambda day: day.isoformat())
end = urlstate.bound(d.date_input, "to", days["to"], key="changes-to", label=t("To"),
                     min_value=links.EARLIEST, max_value=today, format="YYYY-MM-DD",
                     to_url=lambda day: day.isoformat())

view = load.changes_view(iso3, rigo, start, end)  # computed once per choice and language
if iso3:
    follow.feed_link("country", iso3, profiles.country_name(atlas, iso3))
else:
    follow.feed_link("rigo" if rigo else "", rigo or "")
st.markdown(t.n("{count} change fits these choices.", "{count} changes fit these choices.",
                len(view.rows)))
if view.rows.empty:
    st.info(t("No change fits these choices. Try fewer filters or a wider date range."))
cards.paged(view.lines, "changes-list", st.markdown)
widgets.sources_footer(atlas, cited=view.cited)
