"""The 2012 recommendations as a gap analysis: for each RIGO, is the called-for instrument there?

Each instrument maps to the channel types that would be evidence of it. A cell is:
  in place  - an active, verified channel of that kind exists;
  partial   - only dormant, proposed or unverified ones do;
  absent    - none is recorded;
  unknown   - the dataset does not record this kind of instrument, so we cannot say.
"""

from __future__ import annotations

import pandas as pd

from atlas.i18n import N_
from atlas.tables import Atlas

HOW = N_("Each instrument maps to the channel types that would be evidence of it. A cell is:\n\n"
         "- **in place**: an active, verified channel of that kind exists;\n"
         "- **partial**: only dormant, proposed or unverified ones do;\n"
         "- **absent**: none is recorded;\n"
         "- **unknown**: the dataset does not record this kind of instrument, so we cannot say.")
IN_PLACE, PARTIAL, ABSENT, UNKNOWN = "in place", "partial", "absent", "unknown"
CELL_ORDER = (IN_PLACE, PARTIAL, ABSENT, UNKNOWN)
CELL_COLOURS = {IN_PLACE: "#009E73", PARTIAL: "#E69F00", ABSENT: "#D55E00", UNKNOWN: "#BBBBBB"}
EVIDENCE = {
    "consultative_status": {"consultative_or_observer_status", "registry_or_accreditation"},
    "mou_or_formal_partnership": {"mou_partnership"},
    "cso_desk_or_liaison_office": {"liaison_office"},
    "regular_consultations": {"dialogue_forum", "advisory_organ", "summit_participation"},
    "early_warning_sharing": {"early_warning_partnership"},
}
FOR_RIGOS = ("rigos", "rigos_and_un", "rigos_and_csos")


def rigo_recommendations(atlas: Atlas) -> pd.DataFrame:
    """Recommendations addressed to regional organisations (alone or with others)."""
    recs = atlas.recommendations
    return recs[recs.addressed_to.isin(FOR_RIGOS)].reset_index(drop=True)


def cell(channels: pd.DataFrame, instrument: str) -> tuple[str, pd.DataFrame]:
    """The verdict for one organisation's channels and the channels that are its evidence."""
    kinds = EVIDENCE.get(instrument)
    if kinds is None:
        return UNKNOWN, channels.iloc[0:0]
    found = channels[channels.channel_type.isin(kinds)]
    strong = found[(found.status == "active") & (found.confidence == "verified")]
    if not strong.empty:
        return IN_PLACE, strong
    if not found.empty:
        return PARTIAL, found
    return ABSENT, found


def gap_matrix(atlas: Atlas, rigo_ids: list[str] | None = None) -> pd.DataFrame:
    """Long form: one row per recommendation × organisation with verdict and evidence ids."""
    recs = rigo_recommendations(atlas)
    rigos = atlas.rigos if not rigo_ids else atlas.rigos[atlas.rigos.rigo_id.isin(rigo_ids)]
    rows = []
    for rigo in rigos.itertuples():
        mine = atlas.channels[atlas.channels.rigo_id == rigo.rigo_id]
        for rec in recs.itertuples():
            verdict, evidence = cell(mine, rec.instrument)
            rows.append({
                "rec_id": rec.rec_id, "recommendation": rec.text, "instrument": rec.instrument,
                "rigo_id": rigo.rigo_id, "acronym": rigo.acronym, "verdict": verdict,
                "evidence": "; ".join(evidence.name), "evidence_ids": tuple(evidence.channel_id),
                "source_ids": tuple(dict.fromkeys(s for ids in evidence.source_ids for s in ids))
                or tuple(rec.source_ids),
            })
    return pd.DataFrame(rows)


def grid(matrix: pd.DataFrame) -> pd.DataFrame:
    """Recommendation × organisation, each cell its verdict."""
    return matrix.pivot_table(index="recommendation", columns="acronym", values="verdict",
                              aggfunc="first").fillna("")


def summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per organisation: how many recommendations fall in each verdict."""
    counts = matrix.groupby(["acronym", "verdict"]).size().rename("recommendations").reset_index()
    return counts


def gap_title(matrix: pd.DataFrame, t=None) -> str:
    """A chart title that states the finding."""
    from atlas import i18n

    t = t or i18n.translator()
    known = matrix[matrix.verdict != UNKNOWN]
    if known.empty:
        return t("No recommendation can be checked against the data")
    share = (known.verdict == IN_PLACE).groupby(known.acronym).mean()
    best, worst = share.idxmax(), share.idxmin()
    return t("{best} has the most recommended instruments in place; {worst} the fewest ({high} "
             "against {low} of those we can check)", best=best, worst=worst,
             high=t.percent(share[best]), low=t.percent(share[worst]))
