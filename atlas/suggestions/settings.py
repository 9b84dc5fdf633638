"""Where the suggestions database is: one answer for the app and the review CLI.

`ATLAS_DATABASE_URL`; else `[connections.suggestions] url` in `.streamlit/secrets.toml` (the
project's, then the user's, as Streamlit reads them); else a SQLite file outside the repository,
`ATLAS_SUGGESTIONS_DB` or ~/.local/share/engagement-atlas/suggestions.sqlite.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

URL_VARIABLE = "ATLAS_DATABASE_URL"
SQLITE_VARIABLE = "ATLAS_SUGGESTIONS_DB"
CONNECTION = "suggestions"
ROOT = Path(__file__).resolve().parents[2]


def default_sqlite_path() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "engagement-atlas" / "suggestions.sqlite"


def sqlite_path() -> Path:
    named = os.environ.get(SQLITE_VARIABLE, "").strip()
    return Path(named).expanduser().resolve() if named else default_sqlite_path()


def secrets_files() -> tuple[Path, ...]:
    """Streamlit's order of precedence: the project's secrets win over the user's."""
    return (ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")


def secrets_url() -> str | None:
    for path in secrets_files():
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        section = secrets.get("connections", {}).get(CONNECTION, {})
        url = section.get("url") if isinstance(section, dict) else None
        if isinstance(url, str) and url.strip():
            return url.strip()
    return None


def database_url() -> str:
    """The SQLAlchemy URL of the suggestions database."""
    named = os.environ.get(URL_VARIABLE, "").strip()
    return named or secrets_url() or f"sqlite:///{sqlite_path()}"
