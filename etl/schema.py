"""Pydantic models of the curated YAML in data/raw (one model per record kind, extra fields forbidden)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from etl import catalog as c
from etl.source_urls import no_climbing, not_a_search_page

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is not a lowercase slug (a-z, 0-9, '-' or '_')")
    return value


def _one_of(choices: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in choices:
            raise ValueError(f"'{value}' is not one of: {', '.join(choices)}")
        return value

    return AfterValidator(check)


def _iso_date_text(value: object) -> object:
    """Dates must be written YYYY-MM-DD: a bare number is not read as a Unix timestamp."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"'{value}' is not a date written YYYY-MM-DD")
    return value


def _plain_text(value: str) -> str:
    """Refuse control characters (a NUL or a terminal escape in a CSV cell or a message) and text
    that is empty in disguise (only zero-width or other invisible characters)."""
    bad = next((ch for ch in value if ch not in "\n\t" and unicodedata.category(ch) == "Cc"), None)
    if bad is not None:
        raise ValueError(f"control character U+{ord(bad):04X} in text")
    if value and not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value):
        raise ValueError("the text is only invisible characters")
    return value


def _not_in_future_year(value: int | None) -> int | None:
    if value is not None and value > dt.date.today().year:
        raise ValueError(f"{value} is in the future")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_text)]
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_plain_text)]
OptText = Annotated[str, Field(max_length=4000), AfterValidator(_plain_text)]
# A year something was set up: not in the future, and not before the first regional
# organisations of the modern kind (the Pan-American Union's forerunner dates from 1890).
PastYear = Annotated[int, Field(ge=1850), AfterValidator(_not_in_future_year)]

# A URL, or a seed file's name, or a file under data/raw: never a path that climbs out.
SourceUrl = Annotated[str, Field(pattern=r"^(https?://\S+|[0-9]{3}_[0-9a-f]{16}\.txt|"
                                         r"data/raw/\S+)$"), AfterValidator(no_climbing),
                     AfterValidator(not_a_search_page)]
SourceIds = Annotated[list[Slug], Field(min_length=1)]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Lat = Annotated[float, Field(ge=-90, le=90)]
Lon = Annotated[float, Field(ge=-180, le=180)]
Year = Annotated[int, Field(ge=1800, le=2100)]


Stages = Annotated[list[Annotated[str, _one_of(c.POLICY_STAGES)]], Field(default_factory=list)]
OrgKinds = Annotated[list[Annotated[str, _one_of(c.ORG_KINDS)]], Field(default_factory=list)]
EwRoles = Annotated[list[Annotated[str, _one_of(c.EW_ROLES)]], Field(default_factory=list)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=True)


class Provenanced(Record):
    source_ids: SourceIds
    last_verified: IsoDate

    @field_validator("last_verified")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"{value} is in the future")
        return value


class Source(Record):
    source_id: Slug
    title: Text
    publisher: OptText = ""
    year: Year | None = None
    url: SourceUrl
    accessed: IsoDate | None = None
    kind: Annotated[str, _one_of(c.SOURCE_KINDS)]

    @field_validator("accessed")
    @classmethod
    def _accessed_not_in_future(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value > dt.date.today():
            raise ValueError(f"{value} is in the future")
        return value

    @field_validator("url")
    @classmethod
    def _seed_is_known(cls, value: str) -> str:
        if re.fullmatch(r"[0-9]{3}_[0-9a-f]{16}\.txt", value) and value not in c.SEED_FILES:
            raise ValueError(f"'{value}' looks like a seed file but is not one of the seeds")
        return value


class Predecessor(Record):
    """The organisation this one replaced: a day before `until` belongs to it, not to the successor."""

    name: Text
    until: IsoDate  # the first day of the successor (the day the replacement took effect)
    source_ids: SourceIds


# The statuses an organisation may have created after its founding (the day is kept per status).
LATER_CATEGORIES = ("observer", "associate")


class Rigo(Provenanced):
    rigo_id: Slug
    acronym: Text
    name: Text
    region: Annotated[str, _one_of(c.REGIONS)]
    scope: Annotated[str, _one_of(c.SCOPES)]
    hq_city: Text
    hq_iso3: Iso3
    hq_lat: Lat
    hq_lon: Lon
    founded_year: PastYear
    website: Annotated[str, Field(pattern=r"^https?://\S+$")]
    predecessor: Predecessor | None = None
    categories: dict[Annotated[str, _one_of(LATER_CATEGORIES)], IsoDate] = Field(default_factory=dict)


class Membership(Provenanced):
    """One status period; `iso3` may list several countries that share it."""

    rigo_id: Slug
    iso3: Iso3 | Annotated[list[Iso3], Field(min_length=1)]
    status: Annotated[str, _one_of(c.MEMBERSHIP_STATUSES)]
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    # No start_date: the state held this status before 2000-01-01 (the day is not recorded).
    since_before_2000: bool = False
    note: OptText = ""

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValueError(f"end_date {self.end_date} is not after start_date {self.start_date}")
        if self.since_before_2000 and self.start_date:
            raise ValueError("since_before_2000 and a start_date: give one or the other")
        return self

    @property
    def countries(self) -> list[str]:
        return [self.iso3] if isinstance(self.iso3, str) else list(self.iso3)


class Channel(Provenanced):
    channel_id: Slug
    rigo_id: Slug
    organ: Text
    name: Text
    channel_type: Annotated[str, _one_of(c.CHANNEL_TYPES)]
    space: Annotated[str, _one_of(c.SPACES)]
    participation_level: Annotated[str, _one_of(c.PARTICIPATION_LEVELS)]
    policy_stages: Stages
    eligibility: Annotated[str, _one_of(c.ELIGIBILITY)]
    eligibility_notes: OptText = ""
    requirements: OptText = ""
    selection_by: Annotated[str, _one_of(c.SELECTION_BY)]
    open_to: OrgKinds
    min_years_registered: Annotated[int, Field(ge=0, le=50)] | None = None
    min_member_funding_share: Annotated[float, Field(ge=0, le=1)] | None = None
    registered_in_member_state: bool | None = None
    mandate_required: Annotated[str, _one_of(c.MANDATES)] | None = None
    limited_to_iso3: list[Iso3] = Field(default_factory=list)
    themes: Annotated[list[Annotated[str, _one_of(c.THEMES)]], Field(min_length=1)]
    ew_roles: EwRoles
    established_year: PastYear | None = None
    status: Annotated[str, _one_of(c.CHANNEL_STATUSES)]
    how_to_engage: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    practice_notes: OptText = ""
    confidence: Annotated[str, _one_of(c.CONFIDENCE)]


class NetworkCountries(Record):
    """Countries where a network has members or national chapters, as a source says in a year."""

    iso3: Iso3 | Annotated[list[Iso3], Field(min_length=1)]
    as_of_year: PastYear
    note: OptText = ""
    source_ids: SourceIds

    @property
    def countries(self) -> list[str]:
        return [self.iso3] if isinstance(self.iso3, str) else list(self.iso3)


class Network(Provenanced):
    network_id: Slug
    name: Text
    acronym: OptText = ""
    scope: Annotated[str, _one_of(c.NETWORK_SCOPES)]
    region: Annotated[str, _one_of(c.REGIONS)] | None = None
    hq_city: OptText = ""
    hq_iso3: Iso3 | None = None
    hq_lat: Lat | None = None
    hq_lon: Lon | None = None
    parent_network_id: Slug | None = None
    themes: Annotated[list[Annotated[str, _one_of(c.THEMES)]], Field(min_length=1)]
    website: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    countries: list[NetworkCountries] = Field(default_factory=list)


class NetworkLink(Record):
    network_id: Slug
    rigo_id: Slug
    channel_id: Slug | None = None
    relation: Annotated[str, _one_of(c.LINK_RELATIONS)]
    since_year: Year | None = None
    note: OptText = ""
    source_ids: SourceIds


class Recommendation(Record):
    rec_id: Slug
    section: Text
    text: Text
    addressed_to: Annotated[str, _one_of(c.REC_ADDRESSEES)]
    instrument: Annotated[str, _one_of(c.REC_INSTRUMENTS)]
    source_ids: SourceIds


class Question(Record):
    """A discussion question the seed report raises, for session planning."""

    question_id: Slug
    text: Text
    summary: OptText = ""
    themes: Annotated[list[Annotated[str, _one_of(c.THEMES)]], Field(min_length=1)]
    source_ids: SourceIds


class Context(Record):
    """Background from the seeds a user can find: not a channel, a membership or a recommendation
    (e.g. the UN's Mediation Support Unit: global, so never an organisation of the atlas)."""

    context_id: Slug
    topic: Annotated[str, _one_of(c.CONTEXT_TOPICS)]
    title: Text
    text: Text
    year: PastYear | None = None
    rigo_ids: list[Slug] = Field(default_factory=list)
    network_ids: list[Slug] = Field(default_factory=list)
    source_ids: SourceIds


class Translation(Record):
    """One field of one record in another language; its language is its folder's name."""

    table: Annotated[str, _one_of(tuple(c.TRANSLATABLE))]
    id: Slug
    field: Slug
    text: Text
    origin: Annotated[str, _one_of(c.TRANSLATION_ORIGINS)]
    en_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]
    source_ids: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _official_is_cited(self) -> Translation:
        if self.origin == "official" and not self.source_ids:
            raise ValueError("an official translation names its source (source_ids)")
        return self


def _past_partial_date(value: object) -> str:
    """A day, month or year as precise as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD): a
    real date, and not after today (a window 'held' or a case that has not happened is invented)."""
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ValueError(f"'{value}' is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    try:
        first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"'{text}' is not a possible date") from None
    if first > dt.date.today():
        raise ValueError(f"{text} is in the future")
    return text


PastDate = Annotated[str, BeforeValidator(_past_partial_date)]


def _before(later: str, earlier: str) -> bool:
    """True when `later` is before `earlier`, compared at the coarser of the two precisions."""
    n = min(len(later), len(earlier))
    return later[:n] < earlier[:n]
Months = list[Annotated[int, Field(ge=1, le=12)]]


class Held(Record):
    """One time a window was held, dated as precisely as its source dates it."""

    start: PastDate
    end: PastDate | None = None
    place: OptText = ""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _in_order(self) -> Held:
        if self.end is not None and _before(self.end, self.start):
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Announced(Record):
    """The next date of a window, only as a cited source announces it: never inferred."""

    start: IsoDate
    end: IsoDate | None = None
    place: OptText = ""
    source_ids: SourceIds

    @model_validator(mode="after")
    def _in_order(self) -> Announced:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Window(Provenanced):
    """A recurring or dated moment when CSOs can act on a channel (issue 16)."""

    window_id: Slug
    rigo_id: Slug
    channel_id: Slug | None = None
    title: Text
    what_happens: Text
    who_may_take_part: Text
    cso_action: Text
    lead_time: OptText = ""
    recurrence: Text
    recurrence_kind: Annotated[str, _one_of(c.RECURRENCE_KINDS)]
    every_n_years: Annotated[int, Field(ge=2, le=10)] | None = None
    usual_months: Months = Field(default_factory=list)
    themes: Annotated[list[Annotated[str, _one_of(c.THEMES)]], Field(min_length=1)]
    held: list[Held] = Field(default_factory=list)
    next: Announced | None = None
    confidence: Annotated[str, _one_of(c.CONFIDENCE)]

    @model_validator(mode="after")
    def _consistent(self) -> Window:
        if (self.recurrence_kind == "every_n_years") != (self.every_n_years is not None):
            raise ValueError("every_n_years is given exactly when recurrence_kind is every_n_years")
        if self.next and self.held and self.next.start.isoformat() <= max(h.start for h in self.held):
            raise ValueError(f"next date {self.next.start} is not after the last held date")
        return self


class Case(Provenanced):
    """A documented episode of CSOs engaging (or failing to engage) a regional organisation."""

    case_id: Slug
    title: Text
    date_from: PastDate
    date_to: PastDate | None = None
    countries: list[Iso3] = Field(default_factory=list)
    rigo_id: Slug
    channel_id: Slug | None = None
    actors: Text
    network_ids: list[Slug] = Field(default_factory=list)
    action: Text
    outcome: Text
    outcome_category: Annotated[str, _one_of(c.OUTCOMES)]
    themes: Annotated[list[Annotated[str, _one_of(c.THEMES)]], Field(min_length=1)]
    confidence: Annotated[str, _one_of(c.CONFIDENCE)]

    @model_validator(mode="after")
    def _in_order(self) -> Case:
        if self.date_to is not None and _before(self.date_to, self.date_from):
            raise ValueError(f"date_to {self.date_to} is before date_from {self.date_from}")
        return self


# What a correction may name (the suggestion store's tables): table -> the columns a field may be.
CORRECTABLE: dict[str, tuple[str, ...]] = {t.name: t.columns for t in (
    c.CHANNELS, c.MEMBERSHIPS, c.NETWORKS, c.NETWORK_COUNTRIES, c.RIGOS, c.SOURCES,
    c.ENGAGEMENT_WINDOWS, c.CASES, c.RECOMMENDATIONS)}
CHANGES = ("added", "changed", "closed")
# A suggestion's reference (atlas.suggestions.store), e.g. S-7K3Q9XWD.
Reference = Annotated[str, Field(pattern=r"^[A-Z]-[0-9A-Z]{4,32}$")]


class Correction(Provenanced):
    """One reviewed change of the data (data/raw/corrections.yaml): what, why, on what evidence."""

    correction_id: Slug
    date: IsoDate  # the day the change was merged
    table: Annotated[str, _one_of(tuple(CORRECTABLE))]
    record_id: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_plain_text)]
    field: Annotated[str, Field(min_length=1, max_length=80)]
    change: Annotated[str, _one_of(CHANGES)]
    old: OptText | None = None
    new: OptText | None = None
    why: Text
    suggestion: Reference | None = None

    @field_validator("date")
    @classmethod
    def _date_not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"{value} is in the future")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Correction:
        columns = CORRECTABLE.get(self.table, ())
        if self.field != "*" and columns and self.field not in columns:
            raise ValueError(f"'{self.field}' is not a field of {self.table} (or '*' for the "
                             f"whole record)")
        if self.change == "added" and self.old is not None:
            raise ValueError("an added record has no old value")
        return self


class RawFile(Record):
    """A curated YAML file: any of these lists, each optional."""

    sources: list[Source] = Field(default_factory=list)
    rigos: list[Rigo] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    networks: list[Network] = Field(default_factory=list)
    network_links: list[NetworkLink] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    translations: list[Translation] = Field(default_factory=list)
    engagement_windows: list[Window] = Field(default_factory=list)
    cases: list[Case] = Field(default_factory=list)
    context: list[Context] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)


KIND_KEYS: dict[str, str] = {
    "sources": "source_id",
    "rigos": "rigo_id",
    "memberships": "rigo_id",
    "channels": "channel_id",
    "networks": "network_id",
    "network_links": "network_id",
    "recommendations": "rec_id",
    "questions": "question_id",
    "translations": "id",
    "engagement_windows": "window_id",
    "cases": "case_id",
    "context": "context_id",
    "corrections": "correction_id",
}
Kind = Literal[
    "sources", "rigos", "memberships", "channels", "networks", "network_links", "recommendations",
    "questions", "translations", "engagement_windows", "cases", "context", "corrections",
]
