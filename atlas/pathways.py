"""Which channels an organisation can use: three bands (open now, open if…, closed because…).

Every reason is built from the channel's own data fields, so the dataset, not page code, decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from atlas import i18n
from atlas.eras import existing_on
from atlas.glossary import label
from atlas.i18n import N_, Translator
from atlas.queries import BELONGING
from atlas.tables import Atlas

Row = Any  # a row of the channels table: a Series, or a named tuple from itertuples (faster)
OPEN, CONDITIONAL, CLOSED = "open", "conditional", "closed"
BAND_LABELS = {
    OPEN: N_("Open now"),
    CONDITIONAL: N_("Open if…"),
    CLOSED: N_("Not open because…"),
}
ELIGIBILITY_FOR_KIND = {
    "any": {"national", "regional_network", "international"},
    "national": {"national"},
    "member_state_based": {"national", "regional_network"},
    "regional_or_international": {"regional_network", "international"},
    "by_invitation": set(),
}


@dataclass(frozen=True)
class Profile:
    """What the user tells us about their organisation; None means 'not said'."""

    kind: str = "national"
    themes: tuple[str, ...] = ()
    years_registered: int | None = None
    humanitarian: bool | None = None
    member_funding_share: float | None = None


@dataclass
class Verdict:
    band: str = OPEN
    reasons: list[str] = field(default_factory=list)

    def close(self, reason: str) -> None:
        self.band = CLOSED
        self.reasons.append(reason)

    def condition(self, reason: str) -> None:
        if self.band == OPEN:
            self.band = CONDITIONAL
        if self.band == CONDITIONAL:
            self.reasons.append(reason)


def _number(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _who_may_apply(ch: Row, profile: Profile, verdict: Verdict, t: Translator) -> None:
    kinds = set(ch.open_to) or ELIGIBILITY_FOR_KIND.get(ch.eligibility, set())
    if ch.eligibility == "by_invitation" and not ch.open_to:
        verdict.condition(t("by invitation only"))
    elif profile.kind not in kinds:
        allowed = (t(" or ").join(label(t, "kinds", k) for k in sorted(kinds))
                   or t("invited organisations"))
        verdict.close(t("for {allowed} only", allowed=allowed))


def _stated_criteria(ch: Row, profile: Profile, verdict: Verdict, t: Translator) -> None:
    years = _number(ch.min_years_registered)
    if years is not None:
        if profile.years_registered is None:
            verdict.condition(t("registered for at least {years} years", years=f"{years:g}"))
        elif profile.years_registered < years:
            verdict.close(t("needs {years} years of registration (you have {have})",
                            years=f"{years:g}", have=profile.years_registered))
    share = _number(ch.min_member_funding_share)
    if share is not None:
        need = t("at least {share} of funds from members", share=t.percent(share))
        if profile.member_funding_share is None:
            verdict.condition(need)
        elif profile.member_funding_share < share:
            verdict.close(t("needs {need} (you have {have})", need=need,
                            have=t.percent(profile.member_funding_share)))
    if ch.mandate_required == "humanitarian" and profile.humanitarian is False:
        verdict.close(t("for humanitarian organisations only"))
    elif ch.mandate_required and not (ch.mandate_required == "humanitarian" and profile.humanitarian):
        verdict.condition(t("your mandate must be: {mandate}",
                            mandate=label(t, "mandate", ch.mandate_required)))
    if ch.registered_in_member_state == "true" and profile.kind != "national":
        verdict.condition(t("registered in a member state"))


def _country(ch: Row, iso3: str, status: str | None, verdict: Verdict, t: Translator) -> None:
    if status is not None and status not in BELONGING:
        verdict.close(t("your country's status in this organisation is only: {status}",
                        status=label(t, "status", status)))
    if ch.limited_to_iso3 and iso3 not in ch.limited_to_iso3:
        verdict.close(t("open only to organisations from {countries}",
                        countries=", ".join(ch.limited_to_iso3)))


def assess(ch: Row, profile: Profile, iso3: str, country_status: str | None,
           t: Translator | None = None) -> Verdict:
    """The band of one channel for one organisation from `iso3`, whose status there is given;
    the reasons in the language of `t` (English by default)."""
    t = t or i18n.translator()
    verdict = Verdict()
    if ch.status != "active":
        verdict.close(t("the channel is {status}", status=label(t, "channel_status", ch.status)))
    _country(ch, iso3, country_status, verdict, t)
    _who_may_apply(ch, profile, verdict, t)
    _stated_criteria(ch, profile, verdict, t)
    if ch.requirements:
        verdict.condition(t("you meet the stated requirements"))
    return verdict


def country_statuses(atlas: Atlas, iso3: str, date: dt.date) -> dict[str, str]:
    """rigo_id -> the country's status there at `date`, in organisations that existed then (no
    channel of the AU is offered before 9 July 2002: the OAU's are not in the atlas)."""
    held = existing_on(atlas, date)
    held = held[held.iso3 == iso3]
    return dict(zip(held.rigo_id, held.status, strict=True))


def pathways(atlas: Atlas, iso3: str, date: dt.date, profile: Profile) -> pd.DataFrame:
    """Channels of the organisations the country is in at `date`, with band, reasons and rank."""
    statuses = country_statuses(atlas, iso3, date)
    channels = atlas.channels[atlas.channels.rigo_id.isin(statuses)].copy()
    t = i18n.of(atlas)
    verdicts = [assess(ch, profile, iso3, statuses[ch.rigo_id], t)
                for ch in channels.itertuples(index=False)]
    channels["band"] = [v.band for v in verdicts]
    channels["reasons"] = [t("; ").join(v.reasons) for v in verdicts]
    wanted = set(profile.themes)
    channels["theme_match"] = channels.themes.map(lambda t: len(wanted & set(t)))
    order = {OPEN: 0, CONDITIONAL: 1, CLOSED: 2}
    channels["band_order"] = channels.band.map(order)
    channels = channels.sort_values(["band_order", "theme_match", "rigo_id", "name"],
                                    ascending=[True, False, True, True])
    return channels.drop(columns="band_order").reset_index(drop=True)
