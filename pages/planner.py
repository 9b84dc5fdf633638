"""Session planner: a theme and regions in, contrasting cases, counterparts and questions out."""

import streamlit as st

from atlas import glossary, links, load, planner, queries, widgets
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.widgets import engagement, profile, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()
st.title(t("Plan a session"), anchor=False)
st.markdown(t("Pick a theme, regions and a format. The planner proposes a case with strong formal "
              "channels beside one with weak or no engagement, counterpart networks and discussion "
              "questions from the 2012 report. Everything is cited; the link shares the draft."))

themes = queries.channel_themes(atlas)
regions = sorted(atlas.rigos.region.unique())
theme, bad = links.parse_choice(st.query_params.get("theme"), themes, "early_warning", N_("theme"))
widgets.friendly(bad)
chosen, bad = links.parse_list(st.query_params.get("regions"), regions, N_("region"))
widgets.friendly(bad)
fmt, bad = links.parse_choice(st.query_params.get("format"), planner.FORMATS, "panel", N_("format"))
widgets.friendly(bad)
a, b, c = st.columns([2, 3, 2])
theme = urlstate.bound(a.selectbox, "theme", theme, key="planner-theme", label=t("Theme"),
                       options=themes, valid=themes, format_func=glossary.labeller(t, "theme"))
chosen = urlstate.bound(b.multiselect, "regions", chosen or ["Africa", "Americas"],
                        key="planner-regions", label=t("Regions"), options=regions, valid=regions,
                        to_url=",".join, format_func=glossary.labeller(t, "region"),
                        placeholder=t("Choose regions"))
fmt = urlstate.bound(c.radio, "format", fmt, key="planner-format", label=t("Format"),
                     options=list(planner.FORMATS), valid=list(planner.FORMATS), horizontal=True,
                     format_func=glossary.labeller(t, "format"))
params = {"theme": theme, "regions": ",".join(chosen), "format": fmt}

link = profile.share_url(profile.date_params(params, day))  # the briefing links back, language kept
view = load.session(theme, chosen, fmt, link)  # computed once per theme, regions and format
plan = view.plan
left, right = st.columns(2)
no_channel = t("no formal channel on this theme")
for column, title, cases in ((left, t("Case A: strong formal channels"), plan.strong),
                             (right, t("Case B: weak or no engagement"), plan.weak)):
    column.subheader(title, anchor=False)
    for case in cases.itertuples():
        with column.container(border=True):
            st.markdown(f"**{for_markdown(case.acronym)}** "
                        f"({for_markdown(glossary.label(t, 'region', case.region))}): "
                        f"{for_markdown(case.example) or no_channel}")
            st.markdown(for_markdown(case.practice[:300]))
    if cases.empty:
        column.info(t("None in these regions for this theme."))

st.subheader(t("Counterpart networks"), anchor=False)
if len(plan.networks):
    widgets.table(plan.networks[["name", "rigo_id", "relation"]].rename(
        columns={"name": "network"}).assign(
        relation=plan.networks.relation.map(glossary.labeller(t, "relation"))))
else:
    st.info(t("No network linked to these organisations works on this theme in our data."))
st.subheader(t("Cases from practice"), anchor=False)
if len(plan.cases):
    engagement.case_cards(atlas, plan.cases, key="planner-cases")
else:
    st.info(t("No documented case on this theme in these regions yet."))
st.subheader(t("Discussion questions (from the 2012 report)"), anchor=False)
for q in plan.questions.itertuples():
    st.markdown(f"- **{for_markdown(q.text)}** {for_markdown(q.summary)}")

st.download_button(t("Briefing (Markdown)"), view.markdown, file_name=f"session-{theme}.md",
                   mime="text/markdown")
st.download_button(t("Printable briefing (HTML)"), view.html, file_name=f"session-{theme}.html",
                   mime="text/html")
profile.share_link(profile.date_params(params, day))
widgets.sources_footer(atlas, cited=view.cited)
