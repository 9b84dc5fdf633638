"""Build problems, each reported as `path:record_id:field: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    record_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.record_id}:{self.field}: {self.message}"


class BuildError(Exception):
    """Raised with every problem found; the build writes nothing when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
