"""Command line: `python -m etl build [--raw DIR] [--out DIR] [--static DIR]` and `python -m etl check`;
`python -m etl review ...` (suggested corrections, etl/review.py) and `python -m etl stale
[--older-than DAYS]` (records not verified lately, etl/stale.py).

Besides the published tables, both write or compare the home map's shapes, the iCalendar files
and the Atom feeds of changes in static/data/ (`--static`; by default static/data when --out is
the default, else nowhere for build).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from etl import calendars, catalog, feeds
from etl.build import PROCESSED, RAW, STATIC_DATA, build, differences
from etl.problems import BuildError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "compile data/raw into data/processed"),
                       ("check", "fail if data/processed is stale")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--raw", type=Path, default=RAW)
        cmd.add_argument("--out", type=Path, default=PROCESSED)
        cmd.add_argument("--static", type=Path, default=None,
                         help="folder of the map's static shapes (default: static/data when "
                              "--out is data/processed)")
    sub.add_parser("review", help="review suggested corrections (python -m etl review --help)")
    sub.add_parser("stale", help="records not verified lately (python -m etl stale --help)")
    return parser


def _static(args: argparse.Namespace) -> Path | None:
    if args.static is not None:
        return args.static
    return STATIC_DATA if args.out.resolve() == PROCESSED.resolve() else None


def _stale_static(committed: Path, rebuilt: Path) -> list[str]:
    """The shapes and every calendar and feed file that differ from a fresh build (or are
    missing/extra)."""
    names = {catalog.GEOJSON_FILENAME} | {
        str(p.relative_to(root)) for root in (committed, rebuilt)
        for folder in (calendars.FOLDER, feeds.FOLDER)
        for p in (root / folder).rglob("*") if p.is_file()}
    return sorted(str(committed / n) for n in names
                  if not (committed / n).is_file() or not (rebuilt / n).is_file()
                  or (committed / n).read_bytes() != (rebuilt / n).read_bytes())


def _delegated(name: str):
    """The commands with their own parser and module."""
    if name == "review":
        from etl import review

        return review.main
    if name == "stale":
        from etl import stale

        return stale.main
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _delegated(argv[0]) if argv else None
    if command is not None:
        return command(argv[1:])
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            counts = build(args.raw, args.out, _static(args),
                           warn=lambda p: print(f"warning: {p}", file=sys.stderr))
            print("built " + ", ".join(f"{n}={c}" for n, c in counts.items()) + f" into {args.out}")
            return 0
        static = _static(args)
        with tempfile.TemporaryDirectory() as tmp:
            build(args.raw, Path(tmp) / "processed", Path(tmp) / "static")
            stale = differences(args.out, Path(tmp) / "processed")
            if static is not None:
                stale += _stale_static(static, Path(tmp) / "static")
        if stale:
            print(f"{args.out} is stale; run `make data`. Differs: {', '.join(stale)}")
            return 1
        print(f"{args.out} is up to date")
        return 0
    except BuildError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    except Exception as exc:  # a crash must still name itself in one line, not a traceback
        print(f"-:-:-: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
