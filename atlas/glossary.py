"""Plain-language labels of the dataset's codes and explanations of its terms, in the reader's
language (no Streamlit). Every code a user meets (a theme, a region, a status...) is shown through
`label(t, kind, code)`, never as `snake_case`.
"""

from __future__ import annotations

from atlas.i18n import N_, Translator

LABELS: dict[str, dict[str, str]] = {
    "channel_type": {
        "consultative_or_observer_status": N_("Observer or consultative status"),
        "registry_or_accreditation": N_("Registry or accreditation"),
        "advisory_organ": N_("Advisory body"),
        "dialogue_forum": N_("Dialogue forum"),
        "mou_partnership": N_("MoU / partnership"),
        "early_warning_partnership": N_("Early-warning partnership"),
        "liaison_office": N_("Liaison office"),
        "complaint_mechanism": N_("Complaint procedure"),
        "funding_programme": N_("Funding programme"),
        "summit_participation": N_("Summit participation"),
        "other": N_("Other"),
    },
    "space": {"institutional": N_("institutional space"), "invited": N_("invited space"),
              "created": N_("created space"), "joint": N_("joint space")},
    "level": {"information": N_("Information"), "consultation": N_("Consultation"),
              "dialogue": N_("Dialogue"), "partnership": N_("Partnership")},
    "theme": {
        "peace_security": N_("peace and security"), "early_warning": N_("early warning"),
        "mediation": N_("mediation"), "human_rights": N_("human rights"),
        "governance_elections": N_("governance and elections"), "development": N_("development"),
        "humanitarian": N_("humanitarian action"), "gender": N_("gender"), "youth": N_("youth"),
        "labour": N_("labour"), "business": N_("business"), "environment": N_("environment"),
        "migration": N_("migration"), "health": N_("health"), "culture": N_("culture"),
        "trade": N_("trade"),
    },
    "region": {
        "Africa": N_("Africa"), "Americas": N_("Americas"), "Asia-Pacific": N_("Asia-Pacific"),
        "Europe": N_("Europe"), "Middle East & North Africa": N_("Middle East & North Africa"),
        "Cross-regional": N_("Cross-regional"),
    },
    "scope": {"continental": N_("continental"), "sub-regional": N_("sub-regional"),
              "cross-regional": N_("cross-regional"), "global": N_("global"),
              "regional": N_("regional"), "national": N_("national")},
    "status": {"member": N_("member"), "suspended": N_("suspended"),
               "associate": N_("associate member"), "observer": N_("observer"),
               "candidate": N_("candidate"), "former": N_("former member")},
    "channel_status": {"active": N_("active"), "dormant": N_("dormant"), "proposed": N_("proposed"),
                       "ended": N_("ended")},
    "relation": {"mou": N_("MoU"), "member_of_organ": N_("member of an organ"),
                 "accredited": N_("accredited"), "partner": N_("partner"), "convenes": N_("convenes")},
    "kind": {"national": N_("national organisation"), "regional_network": N_("regional network"),
             "international": N_("international organisation")},
    "kinds": {"national": N_("national organisations"), "regional_network": N_("regional networks"),
              "international": N_("international organisations")},
    "ew_role": {"data_collection": N_("data collection"), "analysis": N_("analysis"),
                "warning": N_("warning"), "response": N_("response")},
    "stage": {"agenda_setting": N_("agenda setting"), "drafting": N_("drafting"),
              "decision": N_("decision"), "implementation": N_("implementation"),
              "monitoring": N_("monitoring")},
    "mandate": {"humanitarian": N_("humanitarian"), "human_rights": N_("human rights"),
                "research": N_("research"), "labour": N_("labour"), "business": N_("business"),
                "youth": N_("youth"), "women": N_("women's rights")},
    "format": {"panel": N_("panel"), "workshop": N_("workshop"), "roundtable": N_("roundtable")},
    "confidence": {"verified": N_("verified"), "unverified": N_("unverified")},
    "outcome": {"positive": N_("positive outcome"), "partial": N_("partial outcome"),
                "none": N_("no response or no result"), "negative": N_("setback for civil society"),
                "unknown": N_("outcome not reported")},
    "recurrence": {"monthly": N_("every month"), "yearly": N_("every year"),
                   "twice_yearly": N_("twice a year"), "every_n_years": N_("every few years"),
                   "per_session": N_("at each session"), "irregular": N_("irregularly")},
    "date_status": {"announced": N_("date announced by a source"),
                    "not_yet_announced": N_("usual timing; next date not yet announced")},
    "change_kind": {"joined": N_("joined"), "rejoined": N_("joined again"),
                    "suspended": N_("suspended"), "reinstated": N_("reinstated"), "left": N_("left"),
                    "observer_admitted": N_("observer admitted"),
                    "associate_admitted": N_("associate member admitted"),
                    "candidate_admitted": N_("candidate for membership"),
                    "observer_ended": N_("observer status ended"),
                    "associate_ended": N_("associate status ended"),
                    "candidacy_ended": N_("candidacy ended"), "channel_added": N_("new channel"),
                    "channel_changed": N_("channel corrected"), "channel_closed": N_("channel closed"),
                    "correction": N_("correction")},
    "verdict": {"in place": N_("in place"), "partial": N_("partial"), "absent": N_("absent"),
                "unknown": N_("unknown")},
}
SPACES = {
    "institutional": N_("Institutional space: a seat inside the organisation's own structures."),
    "invited": N_("Invited space: the organisation invites CSOs to its meetings or activities."),
    "created": N_("Created space: CSOs organise their own activities on the organisation's issues."),
    "joint": N_("Joint space: CSOs and the organisation run activities together."),
}
LEVELS = {
    "information": N_("Information: the organisation shares information with CSOs."),
    "consultation": N_("Consultation: the organisation asks CSOs for their views."),
    "dialogue": N_("Dialogue: regular two-way exchange on policy."),
    "partnership": N_("Partnership: shared responsibility for a task (Council of Europe Code of "
                      "Good Practice, 2009)."),
}
TERMS = {
    N_("Observer status"): N_("A recognised status that lets an organisation attend an "
                              "intergovernmental body's open sessions and sometimes speak or "
                              "submit documents."),
    N_("Early warning"): N_("Collecting and analysing information on risks of violent conflict, "
                            "and alerting those who can act. CSOs may collect data, analyse, warn "
                            "or respond."),
    "CEWERU": N_("Conflict Early Warning and Early Response Unit: the national unit of IGAD's "
                 "early-warning mechanism (CEWARN), where national CSOs and researchers take part."),
    N_("MoU"): N_("Memorandum of Understanding: a signed agreement between an organisation and a "
                  "CSO or network that sets out how they work together."),
    N_("Suspended member"): N_("A member state barred from taking part (usually after a coup). "
                               "Its civil society can usually still use the organisation's "
                               "channels."),
}


def label(t: Translator, kind: str, code: str) -> str:
    """The words for a code in the reader's language; an unknown code is shown as it is."""
    if not code:
        return ""
    known = LABELS[kind].get(code)
    return t(known) if known else t.data(code.replace("_", " "))


def labeller(t: Translator, kind: str):
    """`label` for one kind, for `format_func=` and `.map()`."""
    return lambda code: label(t, kind, code)


def channel_type(t: Translator, value: str) -> str:
    return label(t, "channel_type", value)


def glossary_markdown(t: Translator) -> str:
    lines = [f"- **{t(term) if term != 'CEWERU' else term}**: {t(text)}"
             for term, text in TERMS.items()]
    lines += [f"- {t(text)}" for text in SPACES.values()]
    lines += [f"- {t(text)}" for text in LEVELS.values()]
    return "\n".join(lines)


COLUMNS = {
    "acronym": N_("Organisation"), "rigo_id": N_("Organisation"), "organisation": N_("Organisation"),
    "name": N_("Name"), "country": N_("Country"), "status": N_("Status"), "region": N_("Region"),
    "start_date": N_("Start date"), "end_date": N_("End date"), "note": N_("Note"),
    "relation": N_("Relation"),
    "hq_city": N_("Based in"), "channel_id": N_("Channel"), "channel": N_("Channel"),
    "network": N_("Network"), "since_year": N_("Since"), "channels": N_("Channels"),
    "channel_type": N_("Channel type"), "space": N_("Space"),
    "participation_level": N_("Participation level"), "open_national": N_("Open to a national CSO"),
    "open_to_national": N_("Open to a national CSO"), "share": N_("Share"),
    "confidence": N_("Confidence"), "source_ids": N_("Sources"), "year": N_("Year"),
    "policy_stage": N_("Policy stage"), "role": N_("CSO role"), "verdict": N_("Verdict"),
    "recommendations": N_("Recommendations"), "source_id": N_("Source"), "title": N_("Title"),
    "url": N_("Link"), "publisher": N_("Publisher"), "data_collection": N_("data collection"),
    "analysis": N_("analysis"), "warning": N_("warning"), "response": N_("response"),
    "from": N_("From"), "to": N_("Until"), "iso3": N_("Code"), "rigos": N_("Organisations"),
    "n_rigos": N_("Number of organisations"), "n_channels": N_("Channels open to national CSOs"),
    "label": N_("Name"), "side": N_("Side"), "as_of_year": N_("As of"),
    "when": N_("When"), "cso_action": N_("What a CSO must do"), "lead_time": N_("By when"),
    "date_status": N_("Date"), "date_from": N_("When"), "outcome_category": N_("Outcome"),
    "window": N_("Window"), "month": N_("Month"), "start": N_("Start date"), "end": N_("End date"),
}


def headed(t: Translator, df):
    """`df` with its column names in the reader's language (data keys stay in exports)."""
    return df.rename(columns=lambda c: t(COLUMNS[c]) if c in COLUMNS else c)
