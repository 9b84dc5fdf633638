"""Where the database is: the environment, then Streamlit secrets, then a SQLite file outside the
repository; the app's connection has the same pragmas and is migrated."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.suggestions import db, settings

PG = "postgresql://atlas:secret@db.example.org:5432/atlas"


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in (settings.URL_VARIABLE, settings.SQLITE_VARIABLE, "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(settings, "ROOT", tmp_path / "project")
    return tmp_path


def _secrets(folder: Path, url: str) -> None:
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    (folder / ".streamlit" / "secrets.toml").write_text(
        f'[connections.suggestions]\nurl = "{url}"\n', encoding="utf-8")


def test_default_is_a_sqlite_file_outside_the_repository(clean_env):
    url = settings.database_url()
    assert url == f"sqlite:///{clean_env / 'home/.local/share/engagement-atlas/suggestions.sqlite'}"
    assert not Path(url.removeprefix("sqlite:///")).is_relative_to(Path(__file__).parents[2])


def test_sqlite_path_from_the_environment(clean_env, monkeypatch):
    monkeypatch.setenv(settings.SQLITE_VARIABLE, str(clean_env / "data" / "s.sqlite"))
    assert settings.database_url() == f"sqlite:///{clean_env / 'data' / 's.sqlite'}"


def test_secrets_then_environment(clean_env, monkeypatch):
    _secrets(clean_env / "home", "postgresql://user-level/x")
    assert settings.database_url() == "postgresql://user-level/x"
    _secrets(clean_env / "project", PG)
    assert settings.database_url() == PG  # the project's secrets win, as in Streamlit
    monkeypatch.setenv(settings.URL_VARIABLE, "postgresql://from-env/y")
    assert settings.database_url() == "postgresql://from-env/y"


def test_broken_secrets_are_ignored(clean_env):
    (clean_env / "project" / ".streamlit").mkdir(parents=True)
    (clean_env / "project" / ".streamlit" / "secrets.toml").write_text("[connections\n")
    assert settings.database_url().startswith("sqlite:///")


def test_postgres_urls_use_psycopg_3():
    assert db.normalise_url(PG).drivername == "postgresql+psycopg"
    assert db.normalise_url("postgres://a@b/c").drivername == "postgresql+psycopg"
    assert db.engine_options(PG)["pool_pre_ping"] is True


def test_the_sqlite_folder_is_created(tmp_path):
    engine = db.engine(f"sqlite:///{tmp_path / 'deep' / 'er' / 's.sqlite'}")
    db.migrate(engine)
    engine.dispose()
    assert (tmp_path / "deep" / "er" / "s.sqlite").exists()


APP = """
import streamlit as st
from atlas.suggestions import connect, db
engine = connect.connection()
assert connect.connection() is engine
with engine.connect() as c:
    pragmas = [c.exec_driver_sql(f"PRAGMA {p}").scalar()
               for p in ("journal_mode", "busy_timeout", "foreign_keys")]
st.write(f"revision {db.current_revision(engine)}; pragmas {pragmas}")
"""


def test_the_apps_connection_is_migrated_with_the_same_pragmas(clean_env, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(settings.SQLITE_VARIABLE, str(clean_env / "app.sqlite"))
    at = AppTest.from_string(APP, default_timeout=60).run()
    assert not at.exception
    assert at.markdown[0].value == f"revision {db.head_revision()}; pragmas ['wal', 10000, 1]"


APP_PG = """
import streamlit as st
from atlas.suggestions import connect, db, store
engine = connect.connection()
st.write(f"{engine.dialect.name} {engine.dialect.driver} {db.current_revision(engine)}")
"""


def test_the_apps_connection_to_postgresql(clean_env, monkeypatch, postgres_url):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(settings.URL_VARIABLE, postgres_url.replace("+psycopg", ""))
    at = AppTest.from_string(APP_PG, default_timeout=60).run()
    assert not at.exception
    assert at.markdown[0].value == f"postgresql psycopg {db.head_revision()}"


def test_without_postgresql_make_test_fails_and_a_developer_skips(monkeypatch):
    from tests.suggestions.conftest import no_postgres

    monkeypatch.setenv("ATLAS_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="make postgres"):
        no_postgres()
    monkeypatch.delenv("ATLAS_REQUIRE_POSTGRES")
    with pytest.raises(pytest.skip.Exception, match="make postgres"):
        no_postgres()
