"""Membership history since 2000: dated facts, and no period before its organisation or state."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.queries import membership_on
from etl.build import RAW, read_curated
from etl.history import STATE_BEGINS

ROOT = Path(__file__).resolve().parents[2]

# (country, organisation, day, status or None), each checked against the page in its comment.
FACTS = [
    # Joins
    # coe accession list, nz.ecotaf.net/2054-council-of-europe.html
    ("ARM", "coe", "2001-01-24", None), ("ARM", "coe", "2001-01-25", "member"),
    ("BIH", "coe", "2002-04-24", "member"),  # same list
    ("MCO", "coe", "2004-10-04", None), ("MCO", "coe", "2004-10-05", "member"),  # same list
    ("MNE", "coe", "2007-05-11", "member"),  # cvce.eu (Montenegro joins the Council of Europe)
    ("POL", "eu", "2004-04-30", None), ("POL", "eu", "2004-05-01", "member"),  # europa.eu countries page
    ("ROU", "eu", "2007-01-01", "member"), ("HRV", "eu", "2013-06-30", None),  # europa.eu countries page
    ("HRV", "eu", "2013-07-01", "member"),  # europa.eu countries page
    ("MNE", "osce", "2006-06-22", "member"),  # mvp.gov.me (Relations of Montenegro and OSCE)
    # bmeia.gv.at 2012 announcement
    ("MNG", "osce", "2012-11-20", None), ("MNG", "osce", "2012-11-21", "member"),
    # oas.org press release E-048/05
    ("KOR", "idb", "2005-03-15", None), ("KOR", "idb", "2005-03-16", "member"),
    # paanluelwel.com (Reuters, 28 July 2011)
    ("SSD", "au", "2011-07-01", None), ("SSD", "au", "2011-07-28", "member"),
    ("SSD", "igad", "2011-11-25", "member"),  # sudantribune.com/?p=40298
    ("HTI", "caricom", "2002-07-02", "member"),  # jis.gov.jm/information/caricom
    ("AFG", "saarc", "2007-04-03", "member"),  # indianexpress.com (Afghanistan joined SAARC in 2007)
    ("KEN", "eac", "2000-07-07", "member"), ("RWA", "eac", "2007-07-01", "member"),  # eac.int/treaty
    ("MDG", "sadc", "2005-08-18", "member"),  # sardc.net (SADC summit expands membership, 2005)
    ("VEN", "mercosur", "2012-07-31", "member"),  # elimpulso.com (Venezuela's accession, 31 July 2012)
    ("DOM", "sica", "2013-06-27", "member"),  # channel5belize / SICA factbook entry
    # Founding members of organisations created after 2000
    # Constitutive Treaty, Brasília, 23 May 2008
    ("BRA", "unasur", "2008-05-22", None), ("BRA", "unasur", "2008-05-23", "member"),
    # UN letter on the Caracas summit, 2011
    ("MEX", "celac", "2011-12-02", None), ("MEX", "celac", "2011-12-03", "member"),
    # Associates and observers
    # ambito.com (Peru received as Associated State, Montevideo, 16 December 2003)
    ("PER", "mercosur", "2003-12-15", None), ("PER", "mercosur", "2003-12-16", "associate"),
    ("VEN", "mercosur", "2005-01-01", "associate"),  # rebelion.org (Ouro Preto summit, December 2004)
    ("COL", "mercosur", "2004-12-17", "associate"),  # rebelion.org (Ouro Preto summit, December 2004)
    ("GUY", "mercosur", "2013-07-12", "associate"),  # g1.globo.com (Montevideo summit, 12 July 2013)
    ("ARG", "can", "2005-07-07", "associate"),  # liquisearch.com/andean_community_of_nations/membership
    ("CHL", "can", "2006-09-20", "associate"),  # dinero.com (Chile associate member, 2006)
    # sputnikglobe.com/20050718/40928576.html
    ("RUS", "oic", "2005-06-29", None), ("RUS", "oic", "2005-06-30", "observer"),
    # hindustantimes.com (China, Japan invited to the 14th Summit)
    ("CHN", "saarc", "2007-04-03", "observer"),
    ("AUS", "saarc", "2010-04-28", "observer"),  # twocircles.net/?p=198785 (IANS, April 2010)
    ("TLS", "pif", "2003-01-01", "observer"),  # preventionweb.net (Timor-Leste Special Observer since 2002)
    ("TKL", "pif", "2014-08-07", "associate"),  # tokelau.org.nz bulletin, August 2014
    # Suspensions and readmissions
    # news.bbc.co.uk 4297183 and 4588281
    ("TGO", "au", "2005-03-01", "suspended"), ("TGO", "au", "2005-06-01", "member"),
    # theguardian.com 2009; dw.com 2014
    ("MDG", "au", "2009-03-20", "suspended"), ("MDG", "au", "2014-01-27", "member"),
    # voanews.com 2012; africanews.it PSC 442
    ("MLI", "au", "2012-03-23", "suspended"), ("EGY", "au", "2013-07-05", "suspended"),
    # OAS charter page; en.academic.ru
    ("HND", "oas", "2009-07-04", "suspended"), ("HND", "oas", "2011-06-01", "member"),
    ("CUB", "oas", "2009-06-03", "member"),  # oas.org press release GA-12-09 (1962 resolution lifted)
    # naharnet.com; aljazeera.com 2011
    ("LBY", "las", "2011-03-01", "suspended"), ("LBY", "las", "2011-08-27", "member"),
    # lbcgroup.tv; in.reuters.com 2012
    ("SYR", "las", "2011-11-16", "suspended"), ("SYR", "oic", "2012-08-16", "suspended"),
    # infobae.com 2013
    ("PRY", "mercosur", "2012-06-29", "suspended"), ("PRY", "mercosur", "2013-08-15", "member"),
    # abc.net.au 2014-10-24
    ("FJI", "pif", "2009-05-02", "suspended"), ("FJI", "pif", "2014-10-24", "member"),
    # rfi.fr; electionguide.org
    ("GIN", "ecowas", "2009-01-10", "suspended"), ("NER", "ecowas", "2009-10-20", "suspended"),
    # Exits
    ("TZA", "comesa", "2000-09-01", "member"), ("TZA", "comesa", "2000-09-02", None),  # tzaffairs.org 1999
    ("MRT", "ecowas", "2000-12-26", None),  # thenewhumanitarian.org 1999 (Nouakchott quits ECOWAS)
    ("NAM", "comesa", "2004-05-02", None),  # edocr.com COMESA profile
    # mfa.gov.sc 2020; nation.sc 2008
    ("SYC", "sadc", "2005-01-01", None), ("SYC", "sadc", "2008-08-16", "member"),
    ("VEN", "can", "2006-04-22", None),  # andina.vlex.com Decision 642
    ("ERI", "igad", "2007-04-21", "suspended"),  # stesfamariam.com (Eritrea's IGAD suspension notice)
]


@pytest.mark.parametrize(("iso3", "rigo", "day", "expected"), FACTS,
                         ids=[f"{i}-{r}-{d}" for i, r, d, _ in FACTS])
def test_dated_fact(real_atlas, iso3, rigo, day, expected):
    held = membership_on(real_atlas.memberships, dt.date.fromisoformat(day))
    rows = held[(held.iso3 == iso3) & (held.rigo_id == rigo)]
    assert list(rows.status) == ([expected] if expected else [])


def test_the_table_is_long_enough():
    assert len(FACTS) >= 40
    assert all("2000" <= day < "2015" for _, _, day, _ in FACTS)


def test_no_row_open_before_its_organisation(real_atlas):
    """A row starts in or after the founding year; an undated row ('before 2000') only in an
    organisation that existed then, or that names the predecessor it continues."""
    rigos = real_atlas.rigos.set_index("rigo_id")
    for row in real_atlas.memberships.itertuples():
        rigo = rigos.loc[row.rigo_id]
        if rigo.predecessor:
            continue
        start = row.start_date or "1999-12-31"
        assert int(start[:4]) >= int(rigo.founded_year), row


def test_every_row_that_starts_after_2000_has_a_start_date():
    """An undated row says since_before_2000 (checked on the raw records: the published table
    cannot tell a forgotten date from a deliberate one)."""
    data, _ = read_curated(RAW)
    for m in data.records("memberships"):
        assert m.start_date is not None or m.since_before_2000, m
        assert m.start_date is not None or not set(m.countries) & set(STATE_BEGINS), m


def test_no_observer_or_associate_before_its_category(real_atlas):
    rigos = real_atlas.rigos.set_index("rigo_id")
    for row in real_atlas.memberships.itertuples():
        created = rigos.at[row.rigo_id, f"{row.status}_since"] if row.status in (
            "observer", "associate") else ""
        assert not created or (row.start_date and row.start_date >= created), row


def test_predecessors_say_what_came_before(real_atlas):
    before = real_atlas.rigos.set_index("rigo_id")
    assert before.at["au", "predecessor_until"] == "2002-07-09"
    assert before.at["igad", "predecessor"].startswith("Intergovernmental Authority on Drought")
    assert before.at["osce", "predecessor_until"] == "1995-01-01"


def test_a_predecessor_allows_an_earlier_start(raw_copy, tmp_path):
    """The same pre-founding row that the bad-input case rejects builds once the organisation
    names the predecessor it began in."""
    rigo = (raw_copy / "min.yaml").read_text().replace(
        "    founded_year: 2000\n    website: https://example.org/alpha\n",
        "    founded_year: 2000\n    website: https://example.org/alpha\n    predecessor:\n"
        "      name: Old Alpha\n      until: 2002-07-09\n      source_ids: [test-source]\n")
    (raw_copy / "min.yaml").write_text(rigo)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "bad" / "dates_start_before_founding.yaml",
                    raw_copy / "zz_ok.yaml")
    result = subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(raw_copy),
                             "--out", str(tmp_path / "out")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
