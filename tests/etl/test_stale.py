"""`python -m etl stale`: records not verified for a while, oldest first, then the most used."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from etl.__main__ import main


@pytest.fixture
def processed(min_processed, tmp_path):
    """The tiny dataset with some records verified long ago."""
    out = tmp_path / "processed"
    shutil.copytree(min_processed, out)
    for name, key, dates in (("channels", "channel_id", {"alpha-forum": "2024-03-01",
                                                         "beta-registry": "2024-03-01",
                                                         "alpha-council": "2026-06-01"}),
                             ("rigos", "rigo_id", {"alpha": "2023-01-01"})):
        df = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        df["last_verified"] = [dates.get(i, v) for i, v in zip(df[key], df.last_verified, strict=True)]
        df.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    return out


def rows(text: str) -> list[list[str]]:
    return [line.split() for line in text.splitlines()[1:-1]]


def test_stale_lists_the_oldest_first_and_on_a_tie_the_most_used(processed, capsys):
    assert main(["stale", "--data", str(processed), "--today", "2026-12-02"]) == 0
    shown = capsys.readouterr().out
    assert shown.splitlines()[0].split() == ["table", "id", "last_verified", "days", "used"]
    found = rows(shown)
    assert [r[:2] for r in found] == [["rigos", "alpha"], ["channels", "alpha-forum"],
                                      ["channels", "beta-registry"]]
    assert found[0][2:4] == ["2023-01-01", "1431"]
    assert int(found[1][4]) > int(found[2][4])  # alpha has more current members than beta
    assert "3 record(s) not verified for more than 365 days." in shown


def test_older_than_widens_the_list(processed, capsys):
    main(["stale", "--data", str(processed), "--today", "2026-12-02", "--older-than", "180"])
    found = [r[:2] for r in rows(capsys.readouterr().out)]
    assert found[-1] == ["channels", "alpha-council"]  # 184 days: the most recent of them
    assert ["memberships", "alpha/KEN/2000-01-01"] in found and len(found) > 4


def test_nothing_stale_says_so(min_processed, capsys):
    assert main(["stale", "--data", str(min_processed), "--today", "2026-01-02"]) == 0
    assert capsys.readouterr().out.strip() == "No record was last verified more than 365 days ago."
