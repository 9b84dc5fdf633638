"""Plain-language labels and explanations of the dataset's vocabulary, shown where terms appear."""

from __future__ import annotations

CHANNEL_TYPES = {
    "consultative_or_observer_status": "Observer or consultative status",
    "registry_or_accreditation": "Registry or accreditation",
    "advisory_organ": "Advisory body",
    "dialogue_forum": "Dialogue forum",
    "mou_partnership": "MoU / partnership",
    "early_warning_partnership": "Early-warning partnership",
    "liaison_office": "Liaison office",
    "complaint_mechanism": "Complaint procedure",
    "funding_programme": "Funding programme",
    "summit_participation": "Summit participation",
    "other": "Other",
}
SPACES = {
    "institutional": "Institutional space: a seat inside the organisation's own structures.",
    "invited": "Invited space: the organisation invites CSOs to its meetings or activities.",
    "created": "Created space: CSOs organise their own activities on the organisation's issues.",
    "joint": "Joint space: CSOs and the organisation run activities together.",
}
LEVELS = {
    "information": "Information: the organisation shares information with CSOs.",
    "consultation": "Consultation: the organisation asks CSOs for their views.",
    "dialogue": "Dialogue: regular two-way exchange on policy.",
    "partnership": "Partnership: shared responsibility for a task (Council of Europe Code of "
                   "Good Practice, 2009).",
}
TERMS = {
    "Observer status": "A recognised status that lets an organisation attend an intergovernmental "
                       "body's open sessions and sometimes speak or submit documents.",
    "Early warning": "Collecting and analysing information on risks of violent conflict, and "
                     "alerting those who can act. CSOs may collect data, analyse, warn or respond.",
    "CEWERU": "Conflict Early Warning and Early Response Unit: the national unit of IGAD's "
              "early-warning mechanism (CEWARN), where national CSOs and researchers take part.",
    "MoU": "Memorandum of Understanding: a signed agreement between an organisation and a CSO "
           "or network that sets out how they work together.",
    "Suspended member": "A member state barred from taking part (usually after a coup). Its "
                        "civil society can usually still use the organisation's channels.",
}


def channel_type(value: str) -> str:
    return CHANNEL_TYPES.get(value, value.replace("_", " "))


def space(value: str) -> str:
    return f"{value} space" if value else ""


def level(value: str) -> str:
    return value.capitalize() if value else ""


def glossary_markdown() -> str:
    lines = [f"- **{term}**: {text}" for term, text in TERMS.items()]
    lines += [f"- {text}" for text in SPACES.values()]
    lines += [f"- {text}" for text in LEVELS.values()]
    return "\n".join(lines)
