"""How long ago a record was verified, in words, and the mark for more than twelve months."""

from __future__ import annotations

import datetime as dt

import pytest

from atlas import freshness, i18n

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(("verified", "words"), [
    ("2026-12-02", "verified today"),
    ("2026-12-01", "verified 1 day ago"),
    ("2026-11-22", "verified 10 days ago"),
    ("2026-10-15", "verified 1 month ago"),
    ("2026-09-02", "verified 3 months ago"),
    ("2025-12-02", "verified 12 months ago"),
    ("2024-11-30", "verified 2 years ago"),
    ("2019-01-01", "verified 7 years ago"),
])
def test_the_age_is_written_in_words(verified, words):
    assert freshness.verified_ago(i18n.translator("en"), verified, TODAY) == words


@pytest.mark.parametrize(("verified", "stale"), [
    ("2026-11-22", False),
    ("2025-12-03", False),  # eleven months and some days
    ("2025-12-02", False),  # exactly twelve months: not more
    ("2025-12-01", True),   # twelve months and a day
    ("2020-06-30", True),
    ("", False),            # no date: nothing to say
    ("not a date", False),
])
def test_more_than_twelve_months_is_stale(verified, stale):
    assert freshness.is_stale(verified, TODAY) is stale


def test_a_leap_day_is_a_year_old_after_the_next_february():
    assert not freshness.is_stale("2024-02-29", dt.date(2025, 2, 28))
    assert freshness.is_stale("2024-02-29", dt.date(2025, 3, 1))


def test_the_card_line_marks_only_stale_records():
    t = i18n.translator("en")
    fresh = freshness.freshness_markdown(t, "2026-09-02", TODAY)
    stale = freshness.freshness_markdown(t, "2024-11-30", TODAY)
    assert fresh == ":gray[verified 3 months ago]"
    assert "Not verified for over a year" in stale and stale.startswith(":orange[")
    assert freshness.freshness_markdown(t, "", TODAY) == ""


@pytest.mark.parametrize(("code", "words"), [
    ("fr", "vérifié il y a 3 mois"), ("es", "verificado hace 3 meses"),
    ("pt", "verificado há 3 meses"), ("ar", "تم التحقق قبل 3 أشهر"),
])
def test_the_age_is_translated_with_plural_forms(code, words):
    assert freshness.verified_ago(i18n.translator(code), "2026-09-02", TODAY) == words
