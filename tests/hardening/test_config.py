"""The hosting configuration: every option is one this Streamlit knows, and the safe values hold."""

from __future__ import annotations

import re
import tomllib

from streamlit import config

from tests.hardening.conftest import ROOT

SETTINGS = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
OPTIONS = {f"{section}.{key}": value for section, keys in SETTINGS.items() for key, value in keys.items()}


def test_every_option_name_is_valid_for_the_installed_streamlit():
    known = set(config._config_options_template)
    assert set(OPTIONS) - known == set()
    deprecated = {k for k in OPTIONS if config._config_options_template[k].deprecated}
    assert deprecated == set()


def test_hosting_settings_are_safe():
    assert OPTIONS["server.enableXsrfProtection"] is True
    assert OPTIONS["server.enableCORS"] is True
    assert OPTIONS["global.developmentMode"] is False
    assert OPTIONS["browser.gatherUsageStats"] is False
    assert OPTIONS["client.showErrorDetails"] == "none"
    assert OPTIONS["client.disableDataExport"] is True
    assert OPTIONS["server.runOnSave"] is False
    assert OPTIONS.get("server.enableAgentApi", False) is False


def test_upload_limit_is_small_because_nothing_is_uploaded():
    uploads = [p for p in [*ROOT.glob("pages/*.py"), *ROOT.glob("atlas/**/*.py"), ROOT / "streamlit_app.py"]
               if re.search(r"\b(file_uploader|camera_input|audio_input|chat_input)\(", p.read_text())]
    assert uploads == [] and OPTIONS["server.maxUploadSize"] <= 1


def test_dockerfile_serves_the_app_behind_the_proxy_with_a_healthcheck():
    docker = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert docker.startswith("FROM python:3.11-slim") or "\nFROM python:3.11-slim" in docker
    assert "requirements.lock" in docker and "EXPOSE 8080" in docker and "nginx-light" in docker
    assert "/_stcore/health" in docker and "deploy.serve" in docker and "atlas.light" in docker
    commands = [line for line in docker.splitlines() if line.startswith(("RUN", "CMD"))]
    assert not any("chromium" in line.lower() or "playwright install" in line for line in commands)
