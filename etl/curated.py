"""The curated records of every raw file, each remembered with the file it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from etl.schema import KIND_KEYS, RawFile


@dataclass(frozen=True)
class Located:
    kind: str
    path: str
    record: Any

    @property
    def record_id(self) -> str:
        return str(getattr(self.record, KIND_KEYS[self.kind]))


@dataclass
class Curated:
    kinds: dict[str, list[Located]] = field(default_factory=lambda: {k: [] for k in KIND_KEYS})

    def add(self, path: str, raw: RawFile) -> None:
        for kind in KIND_KEYS:
            self.kinds[kind].extend(Located(kind, path, r) for r in getattr(raw, kind))

    def records(self, kind: str) -> list[Any]:
        return [item.record for item in self.kinds[kind]]

    def located(self, kind: str) -> Iterator[Located]:
        return iter(self.kinds[kind])
