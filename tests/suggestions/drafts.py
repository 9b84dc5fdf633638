"""Drafts for the suggestion tests."""

from __future__ import annotations

import time

from atlas.suggestions import screen


def draft(**changes) -> screen.Draft:
    """A good draft, filled in 30 seconds ago; `changes` override any field."""
    values = dict(table="channels", record_id="au-ecosocc", field="how_to_engage",
                  current_value="Apply to the secretariat.", proposed_value="Apply online.",
                  evidence_url="https://au.int/en/ecosocc", note="The page changed in November.",
                  lang="fr", page_url="https://atlas.example.org/country?iso3=KEN",
                  contact_email="", honeypot="", started_at=time.time() - 30, session_id="s-1",
                  token="")
    values.update(changes)
    return screen.Draft(**values)
