"""Session planner: a theme and regions in, contrasting cases, counterparts and questions out."""

import streamlit as st

from atlas import links, load, planner, queries, widgets
from atlas.escape import for_markdown
from atlas.widgets import profile, urlstate

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()
st.title("Plan a session")
st.caption("Pick a theme, regions and a format. The planner proposes a case with strong formal "
           "channels beside one with weak or no engagement, counterpart networks and discussion "
           "questions from the 2012 report. Everything is cited; the link shares the draft.")

themes = queries.channel_themes(atlas)
regions = sorted(atlas.rigos.region.unique())
theme, bad = links.parse_choice(st.query_params.get("theme"), themes, "early_warning", "theme")
widgets.friendly(bad)
chosen, bad = links.parse_list(st.query_params.get("regions"), regions, "region")
widgets.friendly(bad)
fmt, bad = links.parse_choice(st.query_params.get("format"), planner.FORMATS, "panel", "format")
widgets.friendly(bad)
a, b, c = st.columns([2, 3, 2])
theme = urlstate.bound(a.selectbox, "theme", theme, key="planner-theme", label="Theme",
                       options=themes, valid=themes, format_func=lambda t: t.replace("_", " "))
chosen = urlstate.bound(b.multiselect, "regions", chosen or ["Africa", "Americas"],
                        key="planner-regions", label="Regions", options=regions, valid=regions,
                        to_url=",".join)
fmt = urlstate.bound(c.radio, "format", fmt, key="planner-format", label="Format",
                     options=list(planner.FORMATS), valid=list(planner.FORMATS), horizontal=True)
params = {"theme": theme, "regions": ",".join(chosen), "format": fmt}

link = (st.context.url or "").split("?")[0]
view = load.session(theme, chosen, fmt, link)  # computed once per theme, regions and format
plan = view.plan
left, right = st.columns(2)
for column, title, cases in ((left, "Case A: strong formal channels", plan.strong),
                             (right, "Case B: weak or no engagement", plan.weak)):
    column.subheader(title)
    for case in cases.itertuples():
        with column.container(border=True):
            st.markdown(f"**{for_markdown(case.acronym)}** ({for_markdown(case.region)}): "
                        f"{for_markdown(case.example or 'no formal channel on this theme')}")
            st.caption(for_markdown(case.practice[:300]))
    if cases.empty:
        column.info("None in these regions for this theme.")

st.subheader("Counterpart networks")
if len(plan.networks):
    widgets.table(plan.networks[["name", "rigo_id", "relation"]])
else:
    st.info("No network linked to these organisations works on this theme in our data.")
st.subheader("Discussion questions (from the 2012 report)")
for q in plan.questions.itertuples():
    st.markdown(f"- **{for_markdown(q.text)}** {for_markdown(q.summary)}")

st.download_button("Briefing (Markdown)", view.markdown, file_name=f"session-{theme}.md",
                   mime="text/markdown")
st.download_button("Printable briefing (HTML)", view.html, file_name=f"session-{theme}.html",
                   mime="text/html")
profile.share_link(profile.date_params(params, day))
widgets.sources_footer(atlas, cited=view.cited)
