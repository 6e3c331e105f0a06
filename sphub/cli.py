"""The `sphub` command: `sphub validate` checks data/ and prints every problem, one a line."""

from __future__ import annotations

import argparse
import sys

from sphub.errors import DataError
from sphub.load import load_site
from sphub.models import COLLECTIONS


def validate(args: argparse.Namespace) -> int:
    try:
        site = load_site(args.data)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(site.collection(key))} {key}" for key in COLLECTIONS)
    print(f"{args.data}/ is valid: {counts}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphub", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data files and report every problem")
    check.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    check.set_defaults(run=validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
