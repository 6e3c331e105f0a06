"""The `sphub` command: `sphub validate` checks data/ and prints every problem, one a line."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from sphub.data.errors import DataError, warning_line
from sphub.data.load import load_site
from sphub.engines.registry import ENGINES
from sphub.models import COLLECTIONS


def validate(args: argparse.Namespace) -> int:
    """Check the data and its layout (the commit check's yamllint rules), and the
    hand-written pages' front matter: every problem, all at once."""
    from sphub.data.layout import check_data
    from sphub.data.pages import pages_problems

    docs = Path(args.docs)
    pages = pages_problems(docs, args.docs.rstrip("/")) if docs.is_dir() else []
    try:
        site = check_data(Path(args.data), strict=args.strict)
    except DataError as err:
        print(DataError([*err.problems, *pages], err.unread).report(), file=sys.stderr)
        return 1
    if pages:
        print(DataError(pages).report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(site.collection(key))} {key}" for key in COLLECTIONS)
    print(f"{args.data}/ is valid: {counts}.")
    _print_warnings(site.warnings)
    _refresh_schemas(Path(args.data))
    return 0


def _refresh_schemas(data: Path) -> None:
    """The editor schemas beside data/ offer the ids of the entries: rewritten when an entry
    came or went, so that the editor completes the new id at once."""
    from sphub.data.schema import data_ids, write_schemas

    folder = data.parent / "schemas"
    if folder.is_dir():
        changed = write_schemas(folder, data_ids(data))
        if changed:
            names = ", ".join(f"schemas/{n}" for n in changed)
            print(f"Updated {names} (the ids your editor offers); commit them with the data.")


def fmt(args: argparse.Namespace) -> int:
    """Mend the layout of the data files (line endings, spaces) in place, and say what."""
    from sphub.data.layout import layout_problems, mend_files

    data = Path(args.data)
    for name, lines in mend_files(data):
        print(f"{args.data}/{name}: mended {lines} line{'s' if lines != 1 else ''}")
    left = layout_problems(data)
    if left:
        print(DataError(left).report().rsplit("\n", 1)[0], file=sys.stderr)
        print("These are left for you to fix by hand.", file=sys.stderr)
        return 1
    return 0


def _print_warnings(warnings: list) -> None:
    for warning in warnings:
        print(warning_line(warning), file=sys.stderr)
    if warnings:
        count = len(warnings)
        print(
            f"{count} warning{'s' if count != 1 else ''}; the site can still be built "
            "(`--strict` treats them as errors).",
            file=sys.stderr,
        )


def _stamp(args: argparse.Namespace, site, docs: Path) -> int:
    """Stamp the entries and pages named (files, or 'collection:id'), or all with --all;
    print each one stamped. Named nothing, list what could be stamped and stamp nothing: a
    stamp says a person checked the translation against the English."""
    from sphub.data import translations as tr

    waiting = tr.unstamped(Path(args.data), docs, site.translations, args.stamp)
    if not args.targets and not args.all:
        for one in waiting:
            print(f"  not stamped: {one}")
        print(
            f"{len(waiting)} translation{'s' if len(waiting) != 1 else ''} of {args.stamp} to "
            f"stamp. Stamp each once you have checked it against its English: `sphub "
            f"translations --stamp {args.stamp} FILE` (every entry of a file) or `... "
            f"COLLECTION:ID` (one entry); `--all` stamps every one.",
            file=sys.stderr,
        )
        return 1 if waiting else 0
    chosen = (
        waiting if args.all else [w for w in waiting if any(w.chosen_by(t) for t in args.targets)]
    )
    unknown = [t for t in args.targets if not any(w.chosen_by(t) for w in waiting)]
    for target in unknown:
        print(
            f"Nothing to stamp in {target!r}: it is up to date, or not a translation of "
            f"{args.stamp} that passes its checks.",
            file=sys.stderr,
        )
    tr.stamp(Path(args.data), docs, chosen)
    for one in chosen:
        print(f"stamped {one}")
    print(f"{len(chosen)} stamped.")
    return 1 if unknown else 0


def translations(args: argparse.Namespace) -> int:
    """What each language lacks; with --stamp, record that its translations are up to date."""
    from sphub.data import translations as tr

    try:
        site = load_site(args.data)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    docs = Path(args.docs)
    if args.stamp:
        if args.stamp not in site.languages[1:]:
            print(
                f"No translations in {args.data}/{tr.FOLDER}/{args.stamp}/ to stamp.",
                file=sys.stderr,
            )
            return 1
        return _stamp(args, site, docs)
    errors, warnings = tr.page_problems(docs, site.languages, args.docs)
    for line in tr.report(site, docs, args.docs):
        print(line)
    _print_warnings(warnings)
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


def schemas(args: argparse.Namespace) -> int:
    """Write schemas/ from the models (or, with --check, report what is out of date)."""
    from pathlib import Path

    from sphub.data.schema import (
        add_schema_lines,
        data_ids,
        missing_schema_lines,
        stale_schemas,
        write_schemas,
    )

    folder, data = Path(args.schemas), Path(args.data)
    ids = data_ids(data)
    if args.check:
        stale = [f"{args.schemas}/{n}" for n in stale_schemas(folder, ids)]
        stale += [f"{args.data}/{n} (first line)" for n in missing_schema_lines(data)]
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        if stale:
            print("Run `sphub schemas` to update them.", file=sys.stderr)
        return 1 if stale else 0
    changed = [f"{args.schemas}/{n}" for n in write_schemas(folder, ids)]
    changed += [f"{args.data}/{n}" for n in add_schema_lines(data)]
    print("Updated: " + ", ".join(changed) if changed else "Schemas are up to date.")
    return 0


def cms_config(args: argparse.Namespace) -> int:
    """Write the editor's configuration from the models (or, with --check, report whether
    it is out of date)."""
    from sphub.editor.config import CONFIG_FILE, is_stale, write_config
    from sphub.engines.project import Project

    from sphub.data.translations import languages

    project = Project.at(args.config_file)
    path, config = project.root / CONFIG_FILE, project.config()
    where = (
        config.raw.get("repo_url"),
        config.extra.get("editor_auth_url"),
        languages(project.data)[1:],
    )
    if args.check:
        if is_stale(path, *where):
            print(
                f"out of date: {CONFIG_FILE}\nRun `sphub cms-config` to update it.", file=sys.stderr
            )
            return 1
        return 0
    changed = write_config(path, *where)
    print(f"Updated: {CONFIG_FILE}" if changed else f"{CONFIG_FILE} is up to date.")
    return 0


def new(args: argparse.Namespace) -> int:
    from sphub.cli.scaffold import run_new

    interactive = not args.no_input and sys.stdin.isatty()
    return run_new(args.kind, args.fields, args.data, interactive)


def build(args: argparse.Namespace) -> int:
    import jinja2

    from sphub.engines.build import build as build_site
    from sphub.engines.engine import EngineFailed
    from sphub.engines.project import Project
    from sphub.outputs.pdf import PdfError
    from sphub.outputs.system import pdf_problem
    from sphub.render.renderer import template_error

    project = Project.at(args.config_file)
    site_dir = Path(args.site_dir) if args.site_dir else project.root / "site"
    with_pdf = args.pdf
    problem = pdf_problem() if with_pdf else None
    if problem:  # before any build work: one line that says what to install
        print(problem, file=sys.stderr)
        return 1
    # A plain SIGTERM would end the process without cleaning up; handled like Ctrl-C, it
    # runs the build's clean-up.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        built = build_site(project, site_dir, args.engine, with_pdf, args.verbose, args.strict)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    except PdfError as err:
        print(
            f"The PDF guide could not be built:\n{err}\n{site_dir} was left as it was.",
            file=sys.stderr,
        )
        return 1
    except EngineFailed as err:
        print(f"{err}; {site_dir} was left as it was.", file=sys.stderr)
        return 1
    except jinja2.TemplateError as err:
        print(
            f"A template could not be rendered: {template_error(err, project.root)}; "
            f"{site_dir} was left as it was.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print(f"Interrupted; {site_dir} was left as it was.", file=sys.stderr)
        return 130
    _print_warnings(built.warnings)
    for line in built.lines:
        print(line)
    print(f"Built {site_dir}/ ({built.pages} HTML pages) with {args.engine}.")
    return 0


class _EditorsLog(logging.Filter):
    """Leaves out MkDocs' warning about its 'dirty' build, printed on every rebuild of the
    preview: the preview rebuilds only what changed on purpose, and an editor can do
    nothing about it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def serve(args: argparse.Namespace) -> int:
    from sphub.engines.preview import serve as serve_site
    from sphub.engines.project import Project

    if not args.verbose:
        logging.getLogger("mkdocs.commands.build").addFilter(_EditorsLog())
    if args.edit:
        print(f"The editor: http://{args.dev_addr}/admin/ (the site: http://{args.dev_addr}/)")
    return serve_site(Project.at(args.config_file), args.dev_addr, args.verbose, args.edit)


def argv_asks_help(argv: list[str] | None, command: str) -> bool:
    """Whether the command line is `sphub COMMAND ... --help` (the list of every field is
    worked out from the models only then)."""
    args = sys.argv[1:] if argv is None else argv
    return command in args and ("--help" in args or "-h" in args)


def main(argv: list[str] | None = None) -> int:
    from sphub.cli.scaffold import options_help

    parser = argparse.ArgumentParser(prog="sphub", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data files and report every problem")
    check.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    check.add_argument("--docs", default="docs", help="folder of pages (default: docs)")
    check.add_argument(
        "--strict", action="store_true", help="treat warnings (unlikely dates) as errors"
    )
    check.set_defaults(run=validate)
    mend = commands.add_parser(
        "fmt", help="mend the layout of the data files: line endings, spaces at line ends"
    )
    mend.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    mend.set_defaults(run=fmt)
    words = commands.add_parser(
        "translations",
        help="what each language's translations lack or may have out of date",
        description="Lists, per language, the guidance entries and pages not translated, "
        "partly in English, or made from an older English. --stamp LANG FILE... records, in "
        "each translation named (a file, a page, or COLLECTION:ID for one entry), the English "
        "it now matches: run it once you have checked the translation against its English.",
    )
    words.add_argument(
        "--stamp", metavar="LANG", help="stamp the named translations of LANG as up to date"
    )
    words.add_argument(
        "targets",
        nargs="*",
        metavar="FILE|COLLECTION:ID",
        help="with --stamp: the translation files, pages or entries checked against their English",
    )
    words.add_argument("--all", action="store_true", help="with --stamp: stamp every one")
    words.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    words.add_argument("--docs", default="docs", help="folder of pages (default: docs)")
    words.set_defaults(run=translations)
    schema = commands.add_parser("schemas", help="write the JSON Schemas of the data files")
    schema.add_argument("--check", action="store_true", help="only report what is out of date")
    schema.add_argument("--schemas", default="schemas", help="folder of schemas")
    schema.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    schema.set_defaults(run=schemas)
    add = commands.add_parser(
        "new",
        help="add an entry: sphub new member|event|resource|... [--field VALUE ...]",
        description="Asks for each field (or takes --field VALUE flags, --place.city for a "
        "nested field, commas between several values), checks each answer as it is typed "
        "and the entry like the build does, and appends it to its data file. Without a "
        "terminal (or with --no-input), every required field must come from an option.",
        epilog=options_help() if argv_asks_help(argv, "new") else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("kind", help="member, event, resource... (or the file's name: members)")
    add.add_argument("--data", default="data", help="folder of YAML files (default: data)")
    add.add_argument("--no-input", action="store_true", help="ask nothing; use the flags only")
    add.set_defaults(run=new)
    make = commands.add_parser(
        "build", help="build the site into a temporary folder and swap it in on success"
    )
    make.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    make.add_argument("--site-dir", help="default: site/ beside the config file")
    make.add_argument(
        "--engine",
        choices=ENGINES,
        default=os.environ.get("ENGINE") or "mkdocs",
        help="the engine that builds the pages (default: mkdocs, or $ENGINE)",
    )
    make.add_argument("--verbose", action="store_true", help="show the engine's messages")
    make.add_argument(
        "--no-pdf",
        dest="pdf",
        action="store_false",
        # Settings are read here, once, and passed down as parameters.
        default=os.environ.get("SPHUB_PDF", "1") != "0",
        help="skip the PDF guide (default: render it, unless SPHUB_PDF=0)",
    )
    make.add_argument(
        "--strict", action="store_true", help="treat warnings (unlikely dates) as errors"
    )
    make.set_defaults(run=build)
    preview = commands.add_parser(
        "serve", help="preview the site on http://127.0.0.1:8000, rebuilt on every edit"
    )
    preview.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", help="default: 127.0.0.1:8000")
    preview.add_argument(
        "--verbose", action="store_true", help="show every message of MkDocs and its macros"
    )
    preview.add_argument(
        "--edit",
        action="store_true",
        help="also the browser editor at /admin/, saving into data/ after sphub's checks",
    )
    preview.set_defaults(run=serve)
    editor = commands.add_parser(
        "cms-config", help="write admin/config.yml, the browser editor's forms, from the models"
    )
    editor.add_argument("--check", action="store_true", help="only report whether it is stale")
    editor.add_argument("--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    editor.set_defaults(run=cms_config)
    # `sphub new` takes one flag per field of the model (--name, --place.city...).
    args, args.fields = parser.parse_known_args(argv)
    if args.fields and args.command != "new":
        parser.error("unrecognized arguments: " + " ".join(args.fields))
    try:
        return args.run(args)
    except BrokenPipeError:  # `sphub translations | head`: the reader has what it wanted
        sys.stderr.close()
        return 0
