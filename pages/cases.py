"""Cases: documented episodes of CSOs engaging (or failing to engage) regional organisations, each
with its sources; filters, a table and downloads."""

import streamlit as st

from atlas import casebook, glossary, links, load, queries, widgets
from atlas.widgets import engagement, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
st.title(t("What happened when CSOs used a channel"), anchor=False)
st.markdown(t("Documented cases of civil society engaging regional organisations, or failing to: who "
              "acted, what they did, what came of it as the sources report it, and the sources."))

acronyms = queries.acronyms(atlas)
filters = atlas.derived("case_filters", casebook.filters)
picked = {}
for param, choices, _kind, what, _label in filters:
    picked[param], bad = links.parse_choice(st.query_params.get(param), choices, None, what)
    widgets.friendly(bad)
columns = st.columns(len(filters))
for column, (param, choices, kind, _what, label) in zip(columns, filters, strict=True):
    words = (lambda r: acronyms.get(r, r)) if kind == "organisation" else glossary.labeller(t, kind)
    picked[param] = urlstate.optional(column.selectbox, param, picked[param], key=f"cases-{param}",
                                      label=t(label), options=choices, everything=t("All"),
                                      format_func=words)

view = load.cases(widgets.today(), picked["region"], picked["rigo"], picked["type"], picked["theme"],
                  picked["outcome"])  # computed once per choice
st.markdown(t.n("{count} case fits these choices.", "{count} cases fit these choices.",
                len(view.cases)))
if view.cases.empty:
    st.info(t("No case fits these choices. Try fewer filters."))
else:
    widgets.table(view.table)
    widgets.offer(view.files, "cases")
    engagement.case_cards(atlas, view.cases, key="cases-cards")
widgets.sources_footer(atlas, cited=view.cited)
