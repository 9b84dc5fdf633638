"""Calendar: the engagement windows of the next twelve months, by country, organisation, region and
theme; dated only where a source announces the date."""

import streamlit as st

from atlas import glossary, links, load, profiles, queries, widgets
from atlas.i18n import N_
from atlas.widgets import engagement, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
st.title(t("Engagement calendar"), anchor=False)
st.markdown(t("When CSOs can act on a regional organisation's channels in the next twelve months. A "
              "date is shown only where a source announces it; otherwise the window's usual timing "
              "is shown and marked “next date not yet announced”."))

countries = profiles.known_countries(atlas)
rigo_ids = list(atlas.rigos.sort_values("acronym").rigo_id)
regions = sorted(atlas.rigos.region.unique())
themes = queries.channel_themes(atlas)
acronyms = queries.acronyms(atlas)
picks = {}
for param, choices, what in (("iso3", countries, N_("country code")), ("rigo", rigo_ids, N_("organisation")),
                             ("region", regions, N_("region")), ("theme", themes, N_("theme"))):
    picks[param], bad = links.parse_choice(st.query_params.get(param), choices, None, what)
    widgets.friendly(bad)
a, b, c, d = st.columns(4)
iso3 = urlstate.optional(a.selectbox, "iso3", picks["iso3"], key="calendar-country", label=t("Country"),
                         options=countries, everything=t("All countries"),
                         format_func=lambda c: profiles.country_label(atlas, c))
rigo = urlstate.optional(b.selectbox, "rigo", picks["rigo"], key="calendar-rigo",
                         label=t("Organisation"), options=rigo_ids, everything=t("All organisations"),
                         format_func=lambda r: acronyms.get(r, r))
region = urlstate.optional(c.selectbox, "region", picks["region"], key="calendar-region",
                           label=t("Region"), options=regions, everything=t("All regions"),
                           format_func=glossary.labeller(t, "region"))
theme = urlstate.optional(d.selectbox, "theme", picks["theme"], key="calendar-theme", label=t("Theme"),
                          options=themes, everything=t("All themes"),
                          format_func=glossary.labeller(t, "theme"))

view = load.calendar(widgets.today(), iso3, rigo, region, theme)  # computed once per choice
engagement.add_to_calendar(*(("country", iso3) if iso3 else ("rigo", rigo) if rigo else ()))
if view.windows.empty:
    st.info(t("No engagement window fits these choices. Try fewer filters."))
elif view.chart is None:
    st.info(t("None of these windows has an announced date or a usual month in the next twelve "
              "months: see their usual timing below."))
else:
    widgets.chart(view.chart, "calendar")

st.header(t("Windows"), anchor=False)
st.markdown(t.n("{count} window fits these choices.", "{count} windows fit these choices.",
                len(view.windows)))
if len(view.windows):
    widgets.table(view.table)
    widgets.offer(view.files, "engagement-windows")
    engagement.window_cards(atlas, view.windows, key="calendar-cards")
widgets.sources_footer(atlas, cited=view.cited)
