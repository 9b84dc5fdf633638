"""Real databases for the storage tests: a fresh SQLite file per test, and one throwaway
PostgreSQL server per test session (deploy.postgres), emptied between tests. Never a mock.

Without PostgreSQL binaries the PostgreSQL cases are skipped, or fail when
ATLAS_REQUIRE_POSTGRES=1 (as `make test` sets it, after `make postgres` installed them).
"""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from atlas.suggestions import db
from deploy import postgres

BACKENDS = ("sqlite", "postgresql")


def no_postgres() -> None:
    """Skip a PostgreSQL case, or fail it when ATLAS_REQUIRE_POSTGRES=1 (`make test`)."""
    message = ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
               "run `make postgres` (Debian's postgresql package)")
    if os.environ.get("ATLAS_REQUIRE_POSTGRES") == "1":
        pytest.fail(message + "; ATLAS_REQUIRE_POSTGRES=1 requires it.", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url():
    if postgres.binaries() is None:
        no_postgres()
    with postgres.cluster() as url:
        yield url


def empty_postgres(url: str) -> sa.Engine:
    engine = db.engine(url)
    db.migrate(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "TRUNCATE suggestion_events, suggestion_contacts, suggestions RESTART IDENTITY")
    return engine


@pytest.fixture
def database_url(request, tmp_path) -> str:
    """The URL of an empty, migrated database of the test's backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'suggestions.sqlite'}"
        engine = db.engine(url)
        db.migrate(engine)
    else:
        url = request.getfixturevalue("postgres_url")
        engine = empty_postgres(url)
    engine.dispose()
    return url


@pytest.fixture
def fresh_url(request, tmp_path) -> str:
    """An empty database that was never migrated, of the test's backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh' / 'suggestions.sqlite'}"
    url = sa.make_url(request.getfixturevalue("postgres_url"))
    name = f"fresh_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def engine(database_url):
    bound = db.engine(database_url)
    yield bound
    bound.dispose()


def pytest_generate_tests(metafunc):
    for name in ("database_url", "fresh_url"):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, BACKENDS, indirect=True)
