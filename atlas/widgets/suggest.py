"""The Suggest page's pieces: what happens next, the record and its current value, the three
forms (a record, a missing channel, a page), the submission and its acknowledgement.

Every value typed here goes to `atlas.suggestions` (which screens it); nothing is published.
"""

from __future__ import annotations

import time
import uuid

import streamlit as st

from atlas import glossary, suggesting
from atlas.escape import for_href, for_markdown
from atlas.i18n import N_, Translator
from atlas.suggesting import FIELD_LABELS, FIELDS, KINDS, WHOLE, Request
from atlas.tables import Atlas
from atlas.widgets import translator, urlstate

STARTED, TOKEN, SESSION = "suggest-started", "suggest-token", "suggest-session"
DONE, SENT = "suggest-done", "suggest-sent"
INPUTS = ("suggest-proposed", "suggest-evidence", "suggest-note", "suggest-email", "suggest-extra",
          "suggest-channel", "suggest-how")
LIMITS = {"proposed": 2000, "note": 4000, "url": 2000, "email": 254, "name": 200, "how": 1500}
# The honeypot is hidden from sight (not display:none, which some bots skip); its label tells anyone
# who reaches it with a screen reader or the keyboard to leave it empty.
# Web and e-mail addresses read left to right, in Arabic too.
# (Clipped in place, not moved far to one side: an element 10,000 px off to the left makes an
# Arabic page, laid out right to left, scroll sideways.)
HONEYPOT_CSS = """<style>.st-key-suggest-trap {position: absolute !important; width: 1px;
height: 1px; overflow: hidden; clip-path: inset(50%); opacity: 0; pointer-events: none;}
.st-key-suggest-evidence input, .st-key-suggest-email input {direction: ltr; text-align: left;}
</style>"""
WHAT_NEXT = N_("**What happens next:** a maintainer checks each suggestion against its evidence, "
               "usually within two weeks. The data never changes by itself: an accepted "
               "correction is published with its evidence as a source, and listed among the "
               "corrections.")
EMAIL_HELP = N_("Optional, only to ask you about this suggestion. It is never published or shown, "
                "and it is deleted on request: quote your reference.")


def what_happens_next() -> None:
    st.markdown(translator()(WHAT_NEXT))


def _begin() -> None:
    """The form's start time and this suggestion's idempotency key (kept across reruns)."""
    state = st.session_state
    state.setdefault(STARTED, time.time())
    state.setdefault(TOKEN, uuid.uuid4().hex)
    state.setdefault(SESSION, uuid.uuid4().hex)


def _done_key(request: Request) -> str:
    record = request.record
    return f"{request.kind}:{record.table if record else ''}:{record.record_id if record else ''}"


def acknowledged(request: Request) -> bool:
    """Show the acknowledgement of a suggestion just sent for this request; False if none."""
    reference = st.session_state.get(DONE, {}).get(_done_key(request))
    if not reference:
        return False
    t = translator()
    st.success(t("Thank you. Your suggestion is received. Its reference is **{reference}**: keep "
                 "it to ask about the suggestion or to have your e-mail deleted.",
                 reference=for_markdown(reference)))
    st.button(t("Suggest another correction"), on_click=_another, args=(request,))
    return True


def _another(request: Request) -> None:
    st.session_state.get(DONE, {}).pop(_done_key(request), None)
    for key in (*INPUTS, STARTED, TOKEN):
        st.session_state.pop(key, None)


def back_link(request: Request) -> None:
    if request.came_from:
        t = translator()
        st.markdown("[" + t("← Back to the page you came from") + f"]({request.came_from})")


def _shown(t: Translator, table: str, name: str, value: str) -> str:
    """A current value as the page shows it: codes in words, every text escaped."""
    kind = suggesting.CODED.get((table, name))
    if name in ("url", "website") and for_href(value):  # a bare URL would be autolinked escaped
        return f"[{for_markdown(value)}]({for_href(value)})"
    return for_markdown(glossary.label(t, kind, value) if kind else value)


def record_box(t: Translator, request: Request) -> str:
    """The record and the current value of the chosen field; returns the chosen field."""
    record = request.record
    assert record is not None
    options = [WHOLE, *[f for f in FIELDS[record.table] if f in record.values]]
    urlstate.seed("suggest-field", request.field, "field", valid=options)
    box = st.container(border=True)
    box.markdown(f"**{t.label(t(KINDS[record.table]))}** {for_markdown(record.title)}")
    picked = box.selectbox(t("What is wrong?"), options, key="suggest-field",
                           format_func=lambda f: t(FIELD_LABELS.get(str(f), str(f))))
    urlstate.written("suggest-field", "field")
    # Right to left, a value gets a paragraph of its own: each paragraph takes the direction of
    # its first letter, and a Latin value after an Arabic label would read backwards.
    gap = "\n\n" if t.rtl else " "
    if picked == WHOLE:
        lines = [f"**{t.label(t(FIELD_LABELS.get(f, f)))}**{gap}{_shown(t, record.table, f, v)}"
                 for f, v in record.values.items() if v]
    else:
        lines = [_shown(t, record.table, picked, record.current(picked)) or t("(empty)")]
    box.markdown("**" + t("What we publish now:") + "**\n\n" + "\n\n".join(lines))
    return picked


def _sent() -> None:
    st.session_state[SENT] = True


def _submit(t: Translator) -> bool:
    """The form's button; True once per click. The click is kept by a callback (which runs
    before the script), so a rerun of the frame cannot lose it."""
    st.form_submit_button(t("Send the suggestion"), type="primary", on_click=_sent)
    return bool(st.session_state.pop(SENT, False))


def _tail(t: Translator) -> tuple[str, str, str, str]:
    """The evidence, note, e-mail and honeypot inputs every form ends with."""
    evidence = st.text_input(t("Evidence: the address of a public page that shows it (required)"),
                             key="suggest-evidence", max_chars=LIMITS["url"],
                             placeholder="https://")
    note = st.text_area(t("Note (optional): anything that helps us check"), key="suggest-note",
                        max_chars=LIMITS["note"])
    email = st.text_input(t("Your e-mail (optional)"), key="suggest-email",
                          max_chars=LIMITS["email"])
    st.markdown(t(EMAIL_HELP))  # plain text, not a faint caption: it is a promise
    trap = st.container(key="suggest-trap").text_input(
        t("Leave this field empty"), key="suggest-extra", max_chars=200)
    return evidence, note, email, trap


def record_form(atlas: Atlas, request: Request) -> None:
    t = translator()
    record = request.record
    assert record is not None
    picked = record_box(t, request)
    with st.form("suggest-form", enter_to_submit=False):
        proposed = st.text_area(t("What should it say?"), key="suggest-proposed",
                                max_chars=LIMITS["proposed"])
        evidence, note, email, trap = _tail(t)
        sent = _submit(t)
    if sent:
        _send(t, request, table=record.table, rid=record.record_id, field=picked,
              current=record.current(picked), proposed=proposed,
              extra=(evidence, note, email, trap))


def missing_form(atlas: Atlas, request: Request) -> None:
    t = translator()
    rigos = atlas.rigos.sort_values("acronym")
    names = dict(zip(rigos.rigo_id, rigos.acronym + ": " + rigos["name"], strict=True))
    options = ["", *names]
    st.session_state.setdefault("suggest-rigo", request.rigo)
    with st.form("suggest-form", enter_to_submit=False):
        rigo = st.selectbox(t("Organisation"), options, key="suggest-rigo",
                            format_func=lambda r: names.get(r) or t("Another one (name it in the "
                                                                     "note)"))
        name = st.text_input(t("Name of the channel"), key="suggest-channel",
                             max_chars=LIMITS["name"])
        how = st.text_area(t("How it works: who can take part, and how to apply"),
                           key="suggest-how", max_chars=LIMITS["how"])
        evidence, note, email, trap = _tail(t)
        sent = _submit(t)
    if sent:
        text = suggesting.missing_channel_text(rigo, name, how) if name or how else ""
        _send(t, request, table="channels", rid="", field=WHOLE, current="", proposed=text,
              extra=(evidence, note, email, trap))


def page_form(atlas: Atlas, request: Request) -> None:
    t = translator()
    with st.form("suggest-form", enter_to_submit=False):
        table = st.selectbox(t("What is it about?"), list(KINDS), key="suggest-kind",
                             format_func=lambda k: t(KINDS[k]))
        proposed = st.text_area(t("What is wrong, and what should it say? Name the record."),
                                key="suggest-proposed", max_chars=LIMITS["proposed"])
        evidence, note, email, trap = _tail(t)
        sent = _submit(t)
    if sent:
        _send(t, request, table=table, rid="", field=WHOLE, current="", proposed=proposed,
              extra=(evidence, note, email, trap))


def _send(t: Translator, request: Request, *, table: str, rid: str, field: str, current: str,
          proposed: str, extra: tuple[str, str, str, str]) -> None:
    """Hand the suggestion to the store; a refusal is shown, a receipt acknowledged."""
    from urllib.parse import urljoin

    from sqlalchemy.exc import SQLAlchemyError

    from atlas.suggestions import connect, screen, store

    evidence, note, email, trap = extra
    state = st.session_state
    # the store keeps only a full web address: the page's, made from the browser's and `from`
    page_url = urljoin(st.context.url or "", request.came_from) if request.came_from else ""
    draft = screen.Draft(
        table=table, record_id=rid, field=field, current_value=current, proposed_value=proposed,
        evidence_url=evidence.strip(), note=note, lang=t.code, page_url=page_url,
        contact_email=email.strip(), honeypot=trap, started_at=float(state[STARTED]),
        session_id=str(state[SESSION]), token=str(state[TOKEN]))
    try:
        receipt = store.submit(connect.connection(), draft)
    except store.Refused as refused:
        st.error(for_markdown(t(refused.msgid)))
        return
    except SQLAlchemyError:
        st.error(t("We could not save your suggestion just now. Please try again in a few "
                   "minutes; nothing was lost on your side."))
        return
    state.setdefault(DONE, {})[_done_key(request)] = receipt.reference
    st.rerun()


def start() -> None:
    """Before a form: the honeypot's style, the start time, the keys."""
    st.html(HONEYPOT_CSS)
    _begin()
