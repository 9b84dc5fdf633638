"""A dataset with a script payload in every free-text field of every table, built by the real ETL."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import yaml
from pydantic import ValidationError

from etl.schema import RawFile

ROOT = Path(__file__).resolve().parents[2]
MIN_YAML = ROOT / "tests" / "fixtures" / "raw_min" / "min.yaml"
MARK = "window.__xss=1"
# Each piece runs MARK if it reaches a page unescaped: as HTML, as a Markdown link, inside a
# folium template literal or a <script> block, or as a spreadsheet formula (the leading sign).
PAYLOAD = (
    "{lead}<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1;alert(1)\">"
    "<svg onload=\"window.__xss=1\"></svg></script><script>window.__xss=1</script>"
    " ${{window.__xss=1}} `;window.__xss=1;` [click](javascript:window.__xss=1)"
    " <a href=\"javascript:window.__xss=1\">link</a> \\u003cscript\\u003e {{{{7*7}}}} ' \" & {field}"
    # Markdown that would load an outside image (logging visitors, breaking offline use) or show a
    # convincing link to somewhere else: images, links, autolinks, bare URLs, comments, a ')'.
    " ![pixel](http://evil.example/track.png) [Official form](https://evil.example/login)"
    " <https://evil.example/auto> https://evil.example/bare <!-- hidden --> (see https://evil.example/a)b)"
)
LEADS = "=+-@"
HOSTILE_URL = "https://example.org/\"><img/src=x/onerror=window.__xss=1>)![p](http://evil.example/u.png"
QUESTION = {"question_id": "q-xss", "text": "x", "summary": "x", "themes": ["peace_security"],
            "source_ids": ["test-source"]}


def _model(kind: str) -> type:
    return typing.get_args(RawFile.model_fields[kind].annotation)[0]


def _accepts(model: type, record: dict) -> bool:
    try:
        model.model_validate(record)
    except ValidationError:
        return False
    return True


def poisoned_records() -> tuple[dict, list[str]]:
    """The tiny dataset with every field that accepts free text (or a URL) set to a payload."""
    data = yaml.safe_load(MIN_YAML.read_text(encoding="utf-8"))
    if "questions" in RawFile.model_fields:
        data.setdefault("questions", [dict(QUESTION)])
    fields: list[str] = []
    n = 0
    for kind, records in data.items():
        model = _model(kind)
        for record in records:
            for name in model.model_fields:
                for value in (PAYLOAD.format(lead=LEADS[n % 4], field=f"{kind}.{name}"), HOSTILE_URL):
                    if _accepts(model, {**record, name: value}):
                        record[name] = value
                        fields.append(f"{kind}.{name}")
                        n += 1
                        break
    return data, sorted(set(fields))


def build_poisoned(folder: Path) -> tuple[Path, list[str]]:
    """Write the poisoned YAML, build it with `python -m etl build`, return (processed, fields)."""
    raw, out = folder / "raw", folder / "processed"
    (raw / "boundaries").mkdir(parents=True)
    (raw / "boundaries" / "world-atlas-50m.topojson").symlink_to(
        ROOT / "data" / "raw" / "boundaries" / "world-atlas-50m.topojson")
    data, fields = poisoned_records()
    (raw / "xss.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                  encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "etl", "build", "--raw", str(raw), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return out, fields
