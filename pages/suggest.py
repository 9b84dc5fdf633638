"""Suggest a correction: the record and what we publish now, a form, what happens next.

URL: suggest?table=…&id=…&field=…&from=…&lang=… (every parameter hostile: see atlas.suggesting).
A known record gets its own form; table=channels with no id, the missing-channel form; anything
else, a friendly word and the form for a correction to the page.
"""

import streamlit as st

from atlas import load, suggesting, widgets
from atlas.widgets import suggest

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
request = suggesting.read(atlas, st.query_params.to_dict())

st.title(t("Suggest a correction") if request.kind != "missing" else
         t("Suggest a missing channel"), anchor=False)
widgets.friendly(request.problem)
suggest.what_happens_next()
suggest.start()

if not suggest.acknowledged(request):  # once sent, the reference instead of the form
    form = {"record": suggest.record_form, "missing": suggest.missing_form,
            "page": suggest.page_form}[request.kind]
    form(atlas, request)
suggest.back_link(request)
