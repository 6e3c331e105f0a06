"""The `sphub` command: `sphub validate` checks data/ and prints every problem, one a line."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

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


def build(args: argparse.Namespace) -> int:
    from sphub.build import BuildFailed, build as build_site

    config = Path(args.config_file)
    site_dir = Path(args.site_dir) if args.site_dir else config.parent / "site"
    try:
        load_site(config.parent / "data")
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    # A plain SIGTERM would end the process without cleaning up; handled like Ctrl-C, it
    # runs the build's clean-up.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        build_site(config, site_dir, quiet=not args.verbose)
    except BuildFailed as err:
        print(f"{err}; {site_dir} was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"Interrupted; {site_dir} was left as it was.", file=sys.stderr)
        return 130
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"Built {site_dir}/ ({pages} HTML pages).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphub", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data files and report every problem")
    check.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    check.set_defaults(run=validate)
    make = commands.add_parser(
        "build", help="build the site into a temporary folder and swap it in on success")
    make.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    make.add_argument("--site-dir", help="default: site/ beside the config file")
    make.add_argument("--verbose", action="store_true", help="show MkDocs' messages")
    make.set_defaults(run=build)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
