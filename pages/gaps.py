"""Gap analysis: the 2012 report's recommendations against each organisation today."""

import streamlit as st

from atlas import compare, gaps, glossary, links, load, queries, widgets
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.widgets import urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
widgets.as_of_date()
st.title(t("The 2012 recommendations, checked against each organisation today"), anchor=False)
st.markdown(t("The Madrid conference (GPPAC/OAS report, 2012) asked regional organisations for "
              "consultative status with criteria, MoUs, CSO desks or liaison offices, regular "
              "consultations and shared early warning. Each cell says whether the data shows it."))
with st.expander(t("How each cell is decided")):
    st.markdown(t(gaps.HOW))

view = load.gap_analysis()  # the same for every visitor: computed once
matrix, checkable = view.matrix, view.checkable
st.markdown(t("{unknown} of {total} recommendations to regional organisations call for things the "
              "dataset does not record (joint training, norms in charters, field involvement...): "
              "they are marked unknown and left out of the chart.", unknown=view.n_unknown,
              total=matrix.rec_id.nunique()))
widgets.chart(view.summary, "gaps-summary")

st.subheader(t("Recommendations we can check, by organisation"), anchor=False)
st.dataframe(view.grid.map(glossary.labeller(t, "verdict")), width="stretch")

st.subheader(t("The evidence for one cell"), anchor=False)
recs = list(dict.fromkeys(checkable.rec_id))
rec, bad = links.parse_choice(st.query_params.get("rec"), recs, recs[0] if recs else None,
                              N_("recommendation"))
widgets.friendly(bad)
rigo, bad = links.parse_choice(st.query_params.get("rigo"), atlas.rigos.rigo_id,
                               compare.default_selection(atlas, None)[0], N_("organisation"))
widgets.friendly(bad)
texts = matrix.drop_duplicates("rec_id").set_index("rec_id").recommendation
left, right = st.columns(2)
rec = urlstate.bound(left.selectbox, "rec", rec, key="gaps-rec", label=t("Recommendation"),
                     options=recs, valid=recs, format_func=lambda r: texts[r][:90])
acronyms = queries.acronyms(atlas)
rigo = urlstate.bound(right.selectbox, "rigo", rigo, key="gaps-rigo", label=t("Organisation"),
                      options=list(acronyms), valid=list(acronyms), format_func=acronyms.get)
found = matrix[(matrix.rec_id == rec) & (matrix.rigo_id == rigo)].iloc[0]
evidence = for_markdown(found.evidence) or t("No channel of this kind is recorded.")
st.markdown(f"**{for_markdown(found.acronym)}: {glossary.label(t, 'verdict', found.verdict)}.** "
            f"{evidence}")
widgets.table(queries.record_sources(atlas, found)[["source_id", "title", "url"]])
widgets.sources_footer(atlas, cited=view.cited)
