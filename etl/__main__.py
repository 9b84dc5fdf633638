"""Command line: `python -m etl build [--raw DIR] [--out DIR]` and `python -m etl check`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from etl.build import PROCESSED, RAW, build, differences
from etl.problems import BuildError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "compile data/raw into data/processed"),
                       ("check", "fail if data/processed is stale")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--raw", type=Path, default=RAW)
        cmd.add_argument("--out", type=Path, default=PROCESSED)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            counts = build(args.raw, args.out)
            print("built " + ", ".join(f"{n}={c}" for n, c in counts.items()) + f" into {args.out}")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            build(args.raw, Path(tmp) / "processed")
            stale = differences(args.out, Path(tmp) / "processed")
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
