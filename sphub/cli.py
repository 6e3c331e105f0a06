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


def bench_data(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sphub.bench.generate import write

    counts = write(Path(args.out), args.scale, args.seed)
    print(f"{args.out}/: " + ", ".join(f"{n} {key}" for key, n in counts.items()) + ".")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphub", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data files and report every problem")
    check.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    check.set_defaults(run=validate)
    bench = commands.add_parser("bench-data", help="write synthetic data for the benchmark")
    bench.add_argument("--scale", choices=["S", "M"], default="S",
                       help="S (about 150 members) or M (ten times S)")
    bench.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    bench.add_argument("--out", required=True, help="folder to write the data files into")
    bench.set_defaults(run=bench_data)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
