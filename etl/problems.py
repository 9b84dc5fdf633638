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
        """One line, whatever the values hold: control characters are written escaped, so a
        value with a newline cannot print a second, valid-looking problem line."""
        return ":".join(_shown(part) for part in (self.path, self.record_id, self.field)) + \
            ": " + _shown(self.message)


def _shown(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in str(text))


class BuildError(Exception):
    """Raised with every problem found; the build writes nothing when it is raised."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
