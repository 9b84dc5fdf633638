"""The table contract: names, columns and keys of data/processed, shared by etl/ and atlas/."""

from __future__ import annotations

from dataclasses import dataclass

REGIONS = (
    "Africa",
    "Americas",
    "Asia-Pacific",
    "Europe",
    "Middle East & North Africa",
    "Cross-regional",
)
SCOPES = ("continental", "sub-regional", "cross-regional")
MEMBERSHIP_STATUSES = ("member", "suspended", "associate", "observer", "candidate")
CHANNEL_TYPES = (
    "consultative_or_observer_status",
    "registry_or_accreditation",
    "advisory_organ",
    "dialogue_forum",
    "mou_partnership",
    "early_warning_partnership",
    "liaison_office",
    "complaint_mechanism",
    "funding_programme",
    "summit_participation",
    "other",
)
SPACES = ("institutional", "invited", "created", "joint")
PARTICIPATION_LEVELS = ("information", "consultation", "dialogue", "partnership")
POLICY_STAGES = ("agenda_setting", "drafting", "decision", "implementation", "monitoring")
ELIGIBILITY = ("any", "national", "regional_or_international", "member_state_based", "by_invitation")
SELECTION_BY = ("open_registration", "secretariat", "member_states", "election", "csos_themselves")
THEMES = (
    "peace_security",
    "early_warning",
    "mediation",
    "human_rights",
    "governance_elections",
    "development",
    "humanitarian",
    "gender",
    "youth",
    "labour",
    "business",
    "environment",
    "migration",
    "health",
    "culture",
    "trade",
)
EW_ROLES = ("data_collection", "analysis", "warning", "response")
CHANNEL_STATUSES = ("active", "dormant", "proposed", "ended")
CONFIDENCE = ("verified", "unverified")
ORG_KINDS = ("national", "regional_network", "international")
MANDATES = ("humanitarian", "human_rights", "research", "labour", "business", "youth", "women")
NETWORK_SCOPES = ("global", "regional", "national")
LINK_RELATIONS = ("mou", "member_of_organ", "accredited", "partner", "convenes")
# mirror: a copy of a document on a third-party host (docslib, studylib, scribd, ...);
# encyclopedia: Wikipedia or a copy of it. Both are kept only where no primary page is stored.
SOURCE_KINDS = ("seed", "official", "secondary", "mirror", "encyclopedia")
# The source documents the project started from (../shared/seeds): a source may cite one by name.
SEED_FILES = ("000_37d5b6639f802da6.txt", "001_3561aaefb2759c7e.txt", "002_5606807d6d86e2c4.txt",
              "003_75de20a09053a3a6.txt", "004_89a83ff11ac869ae.txt")
# What a context note is about: background a user can find, not a channel or a membership.
CONTEXT_TOPICS = ("un_system", "prevention_mechanism", "rigo_background", "network_background",
                  "report_aims")
REC_ADDRESSEES = ("rigos", "rigos_and_un", "csos", "rigos_and_csos", "all_actors")
REC_INSTRUMENTS = (
    "consultative_status",
    "mou_or_formal_partnership",
    "cso_desk_or_liaison_office",
    "regular_consultations",
    "joint_training",
    "early_warning_sharing",
    "field_involvement",
    "private_sector_involvement",
    "inter_rigo_exchange",
    "norm_embedding",
    "network_building",
    "cso_capacity",
    "mediation_support",
    "influence_member_states",
    "follow_up_process",
)


@dataclass(frozen=True)
class Table:
    """One published CSV: its file name, ordered columns, key and list-valued columns."""

    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    list_columns: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


PROVENANCE = ("source_ids", "last_verified")

SOURCES = Table(
    "sources",
    ("source_id", "title", "publisher", "year", "url", "accessed", "kind"),
    ("source_id",),
)
RIGOS = Table(
    "rigos",
    ("rigo_id", "acronym", "name", "region", "scope", "hq_city", "hq_iso3", "hq_lat", "hq_lon",
     "founded_year", "website", "predecessor", "predecessor_until", "observer_since",
     "associate_since", *PROVENANCE),
    ("rigo_id",),
    ("source_ids",),
)
MEMBERSHIPS = Table(
    "memberships",
    ("rigo_id", "iso3", "status", "start_date", "end_date", "note", *PROVENANCE),
    ("rigo_id", "iso3", "start_date", "status"),
    ("source_ids",),
)
CHANNELS = Table(
    "channels",
    ("channel_id", "rigo_id", "organ", "name", "channel_type", "space", "participation_level",
     "policy_stages", "eligibility", "eligibility_notes", "requirements", "selection_by",
     "open_to", "min_years_registered", "min_member_funding_share", "registered_in_member_state",
     "mandate_required", "limited_to_iso3", "themes", "ew_roles", "established_year", "status",
     "how_to_engage", "url", "practice_notes", *PROVENANCE, "confidence"),
    ("channel_id",),
    ("policy_stages", "open_to", "limited_to_iso3", "themes", "ew_roles", "source_ids"),
)
NETWORKS = Table(
    "networks",
    ("network_id", "name", "acronym", "scope", "region", "hq_city", "hq_iso3", "hq_lat", "hq_lon",
     "parent_network_id", "themes", "website", *PROVENANCE),
    ("network_id",),
    ("themes", "source_ids"),
)
NETWORK_LINKS = Table(
    "network_links",
    ("network_id", "rigo_id", "channel_id", "relation", "since_year", "note", "source_ids"),
    ("network_id", "rigo_id", "channel_id", "relation"),
    ("source_ids",),
)
# The countries where a network has members or national chapters, as of a year.
NETWORK_COUNTRIES = Table(
    "network_countries",
    ("network_id", "iso3", "as_of_year", "note", "source_ids"),
    ("network_id", "iso3"),
    ("source_ids",),
)
# Background from the seeds that is not a channel, a membership or a recommendation (the UN's
# mediation support, prevention mechanisms, dated facts about an organisation or a network).
CONTEXT = Table(
    "context",
    ("context_id", "topic", "title", "text", "year", "rigo_ids", "network_ids", "source_ids"),
    ("context_id",),
    ("rigo_ids", "network_ids", "source_ids"),
)
RECOMMENDATIONS = Table(
    "recommendations",
    ("rec_id", "section", "text", "addressed_to", "instrument", "source_ids"),
    ("rec_id",),
    ("source_ids",),
)
QUESTIONS = Table(
    "questions",
    ("question_id", "text", "summary", "themes", "source_ids"),
    ("question_id",),
    ("themes", "source_ids"),
)
# Translations of the texts a CSO reads to act, kept apart from the English records
# (data/raw/translations/<lang>/*.yaml). The published table is long: one row per text.
TRANSLATION_LANGS = ("fr", "es", "pt", "ar")
TRANSLATION_ORIGINS = ("official", "human", "machine")
TRANSLATABLE: dict[str, tuple[str, tuple[str, ...]]] = {  # table -> (id column, fields)
    "rigos": ("rigo_id", ("name", "acronym")),
    "channels": ("channel_id", ("name", "organ", "how_to_engage", "requirements",
                                "eligibility_notes", "practice_notes")),
    "networks": ("network_id", ("name", "acronym")),
    "recommendations": ("rec_id", ("text",)),
    "questions": ("question_id", ("text", "summary")),
    # last_held_place/next_place: a city, often with prose ("online (autumn session)").
    "engagement_windows": ("window_id", ("title", "what_happens", "who_may_take_part", "cso_action",
                                         "lead_time", "recurrence", "last_held_place", "next_place")),
    "cases": ("case_id", ("title", "actors", "action", "outcome")),
}
TRANSLATIONS = Table(
    "translations",
    ("table", "record_id", "field", "lang", "lang_tag", "text", "origin", "source_ids", "en_hash",
     "stale"),
    ("table", "record_id", "field", "lang"),
    ("source_ids",),
)
COUNTRIES = Table(
    "countries",
    ("iso3", "name", "region", "subregion"),
    ("iso3",),
)

# When to act and what happened before (issue 16): recurring windows and documented cases.
RECURRENCE_KINDS = ("monthly", "yearly", "twice_yearly", "every_n_years", "per_session", "irregular")
DATE_STATUSES = ("announced", "not_yet_announced")
OUTCOMES = ("positive", "partial", "none", "negative", "unknown")
ENGAGEMENT_WINDOWS = Table(
    "engagement_windows",
    ("window_id", "rigo_id", "channel_id", "title", "what_happens", "who_may_take_part",
     "cso_action", "lead_time", "recurrence", "recurrence_kind", "every_n_years", "usual_months",
     "themes", "held_dates", "last_held_start", "last_held_end", "last_held_place", "next_start",
     "next_end", "next_place", "date_status", *PROVENANCE, "confidence"),
    ("window_id",),
    ("usual_months", "themes", "held_dates", "source_ids"),
)
CASES = Table(
    "cases",
    ("case_id", "title", "date_from", "date_to", "countries", "rigo_id", "channel_id", "actors",
     "network_ids", "action", "outcome", "outcome_category", "themes", *PROVENANCE, "confidence"),
    ("case_id",),
    ("countries", "network_ids", "themes", "source_ids"),
)

# The log of reviewed changes (issue 13): data/raw/corrections.yaml, one row per change.
CORRECTIONS = Table(
    "corrections",
    ("correction_id", "date", "table", "record_id", "field", "change", "old", "new", "why",
     "suggestion", *PROVENANCE),
    ("correction_id",),
    ("source_ids",),
)

# What changed and when (issue 13), derived by etl/changes.py from the dated membership periods
# and the corrections log; `summary` is a short English sentence (the app writes its own).
CHANGE_KINDS = ("joined", "rejoined", "suspended", "reinstated", "left", "observer_admitted",
                "associate_admitted", "candidate_admitted", "observer_ended", "associate_ended",
                "candidacy_ended", "channel_added", "channel_changed", "channel_closed", "correction")
CHANGES = Table(
    "changes",
    ("change_id", "date", "kind", "table", "record_id", "rigo_id", "iso3", "day_unverified",
     "summary", "source_ids"),
    ("change_id",),
    ("source_ids",),
)

TABLES: tuple[Table, ...] = (
    SOURCES, RIGOS, MEMBERSHIPS, CHANNELS, NETWORKS, NETWORK_LINKS, RECOMMENDATIONS, QUESTIONS,
    COUNTRIES, TRANSLATIONS, ENGAGEMENT_WINDOWS, CASES, NETWORK_COUNTRIES, CONTEXT, CORRECTIONS,
    CHANGES,
)


def text_hash(english: str) -> str:
    """The short fingerprint of an English text that a translation records: when the English
    changes, the fingerprint no longer matches and the translation is stale."""
    import hashlib

    return hashlib.sha256(english.strip().encode("utf-8")).hexdigest()[:12]
GEOJSON_FILENAME = "countries.geojson"
MANIFEST_FILENAME = "manifest.json"
LIST_SEPARATOR = ";"
