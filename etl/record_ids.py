"""How a correction or a suggestion names one curated record, and whether that record exists.

Most tables have their own id (`channel_id`, `rigo_id`, ...). Two have none:
- a membership period is `RIGO/ISO3/START`: its organisation, one country, and its `start_date`
  (`YYYY-MM-DD`), or `before-2000` for a period with `since_before_2000: true`; `RIGO/ISO3` alone
  names that country's open period (the one without an `end_date`);
- a network's countries are `NETWORK/ISO3`.
"""

from __future__ import annotations

from dataclasses import dataclass

from etl.curated import Curated

ID_FIELDS = {
    "sources": "source_id",
    "rigos": "rigo_id",
    "channels": "channel_id",
    "networks": "network_id",
    "recommendations": "rec_id",
    "engagement_windows": "window_id",
    "cases": "case_id",
}
BEFORE_2000 = "before-2000"


@dataclass(frozen=True)
class MembershipId:
    rigo_id: str
    iso3: str
    start: str | None  # YYYY-MM-DD, BEFORE_2000, or None for the open period

    def matches(self, period) -> bool:
        """True when `period` (a schema Membership, or a plain mapping of one) is this one."""
        get = period.get if isinstance(period, dict) else lambda k: getattr(period, k, None)
        codes = get("iso3")
        codes = [codes] if isinstance(codes, str) else list(codes or [])
        if get("rigo_id") != self.rigo_id or self.iso3 not in codes:
            return False
        if self.start is None:
            return get("end_date") is None
        if self.start == BEFORE_2000:
            return get("start_date") is None
        start = get("start_date")
        return start is not None and str(start) == self.start


def membership_id(record_id: str) -> MembershipId | None:
    """`RIGO/ISO3/START` or `RIGO/ISO3`, or None when the text is neither."""
    parts = record_id.split("/")
    if len(parts) not in (2, 3) or not all(parts):
        return None
    return MembershipId(parts[0], parts[1], parts[2] if len(parts) == 3 else None)


def exists(data: Curated, table: str, record_id: str) -> bool:
    """Whether `record_id` names a record of `table` in the curated data."""
    if table in ID_FIELDS:
        return any(getattr(r, ID_FIELDS[table]) == record_id for r in data.records(table))
    if table == "memberships":
        key = membership_id(record_id)
        return key is not None and sum(key.matches(m) for m in data.records("memberships")) == 1
    if table == "network_countries":
        network, _, code = record_id.partition("/")
        return any(n.network_id == network and code in group.countries
                   for n in data.records("networks") for group in n.countries)
    return False
