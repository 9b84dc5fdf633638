"""Early-warning models side by side: the roles CSOs hold, and the warning-to-response gap."""

import streamlit as st

from atlas import compare, glossary, links, load, widgets
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.widgets import cards, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
widgets.as_of_date()
st.title(t("Early-warning models: who collects, analyses, warns and responds"),
         anchor=False)
st.markdown(t("The 2012 report asked to \"map out existing models of early warning and crucially "
              "the transition to early action\". Here is that map, from the data."))

regions = atlas.derived("early_warning_regions", lambda a: sorted(
    compare.early_warning_models(a).region.unique()))
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, N_("region"))
widgets.friendly(bad)
region = urlstate.optional(st.selectbox, "region", region, key="early-warning-region",
                           label=t("Region"), options=regions, everything=t("All regions"),
                           format_func=glossary.labeller(t, "region"))
view = load.early_warning(region)  # computed once per region

widgets.chart(view.roles, "early-warning-roles")

st.subheader(t("The models, side by side"), anchor=False)
widgets.table(view.table)

st.subheader(t("What the sources say about turning warning into action"), anchor=False)
cards.paged(list(view.models[view.models.practice_notes != ""].itertuples()), "early-warning-notes",
            lambda m: st.expander(for_markdown(f"{m.acronym}: {m.name}")).markdown(
                for_markdown(m.practice_notes)))
widgets.offer(view.files, "early-warning")
widgets.sources_footer(atlas, cited=view.cited)
