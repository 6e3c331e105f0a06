"""The layout of the data files (line endings, spaces, indentation), checked with the
project's `.yamllint`, the same rules the commit check and the git host run, so that
`sphub validate` passes exactly when they do; `sphub fmt` mends what can be mended without
a choice (line endings, spaces at the ends of lines and before a colon, the last newline).

Layout is not meaning: the build reads a file with trailing spaces the same, so only
`sphub validate` (and `make validate`) reports these, not the build or the preview."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from yamllint import decoder, linter
from yamllint.config import YamlLintConfig

from sphub.data.errors import DataError, Problem
from sphub.data.load import load_site
from sphub.data.reader import read_shared
from sphub.models import COLLECTIONS

# What to do, per yamllint rule, in an editor's words; yamllint's own words follow in `got`.
_FIX = {
    "new-lines": "lines ending with LF (Unix), not CRLF (Windows): run `sphub fmt`, or set your "
    "editor's line endings to LF",
    "trailing-spaces": "no spaces at the end of a line: run `sphub fmt`",
    "new-line-at-end-of-file": "a line break after the last line: run `sphub fmt`",
    "colons": "'field: value', with no space before the colon and one after it",
    "commas": "', ' between values: no space before a comma, one after it",
    "brackets": "[a, b] with no spaces just inside the brackets",
    "braces": "{a: 1} with no spaces just inside the braces",
    "hyphens": "one space after the '-' of a list item",
    "indentation": "indentation by two spaces per level, like the lines around it",
    "empty-lines": "at most two empty lines in a row, and none at the end of the file",
    "comments": "a space after '#' in a comment, and one before it after a value",
    "comments-indentation": "a comment indented like the line below it",
    "truthy": "true or false for a yes/no value",
}


def _config(root: Path) -> YamlLintConfig | None:
    """The project's yamllint rules; None for a folder outside a project (no commit check
    to agree with)."""
    path = root / ".yamllint"
    if not path.is_file():
        return None
    text = decoder.auto_decode(path.read_bytes())
    return _rules(text) if _self_contained(text) else YamlLintConfig(file=str(path))


# The same rules are the same object, so that a file's layout under them is found once per
# process (`_lint`): checking data again (the tests' golden cases check the same small files
# once per case) lints only the files that changed.
@functools.lru_cache(maxsize=4)
def _rules(text: str) -> YamlLintConfig:
    return YamlLintConfig(content=text)


@functools.lru_cache(maxsize=4)  # read once, as `_rules` is: every check asks again
def _self_contained(text: str) -> bool:
    """Whether rules are all in `text`: they extend only yamllint's own and read no list of
    files to ignore (another file could change while `text` does not)."""
    try:
        conf = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return (
        isinstance(conf, dict)
        and "ignore-from-file" not in conf
        and conf.get("extends") in (None, "default", "relaxed")
    )


def _lint(text: str, config: YamlLintConfig, name: str) -> tuple:
    """What yamllint finds in `text` (the file `name`) under `config`; kept for a file of
    up to a megabyte (the largest shipped file has 16 kB)."""
    if len(text) > 1024 * 1024:
        return tuple(linter.run(text, config, name))
    return _linted(text, config, name)


@functools.lru_cache(maxsize=256)
def _linted(text: str, config: YamlLintConfig, name: str) -> tuple:
    return tuple(linter.run(text, config, name))


def _readable(name: str, raw: bytes, key: str) -> bool:
    """Whether the reader reads the file. yamllint parses only what it reads: yamllint's own
    parser takes minutes over a file the reader refuses at once (94 s for nesting 60,000
    brackets deep, seconds for a line of megabytes), and the reader's problem is the one to
    report."""
    yf, _ = read_shared(name, raw, key)  # read as the loader reads it, and read once
    return yf.value is not None


def layout_problems(
    data_dir: Path, shown_as: str = "data", config_root: Path | None = None
) -> list[Problem]:
    """The layout errors yamllint reports in the data files the reader reads, as problems
    (its warnings, such as long lines, are hints the commit check lets pass, and are left
    out). The rules are those of `.yamllint` in `config_root` (default: the folder above
    `data_dir`)."""
    config = _config(config_root or data_dir.resolve().parent)
    if config is None:
        return []
    problems = []
    for collection in COLLECTIONS.values():
        path = data_dir / collection.file
        name = f"{shown_as}/{collection.file}"
        if not path.is_file() or path.is_symlink():
            continue  # reported by the loader
        raw = path.read_bytes()
        if not _readable(name, raw, collection.key):
            continue  # reported by the loader
        for found in _lint(raw.decode("utf-8"), config, name):
            # None: a syntax error; a key twice: both the reader's to report, in its words.
            if found.level != "error" or found.rule in (None, "key-duplicates"):
                continue
            expected = _FIX.get(found.rule, "the layout the commit check asks for")
            got = f"{found.desc} at column {found.column} (yamllint: {found.rule})"
            problems.append(Problem(name, found.line, "(file)", expected, got))
    return problems


def mended(text: str, config: YamlLintConfig | None = None, lint: bool = True) -> str:
    """`text` with CRLF and CR line endings as LF, no spaces at the ends of lines, one line
    break at the end, and (with `lint`: only for a file the reader reads) no spaces before a
    key's colon, where yamllint finds them: never inside a text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    if lint:
        for found in _lint(text, config or _rules("extends: default"), "x.yml"):
            if found.rule == "colons" and found.desc == "too many spaces before colon":
                line = lines[found.line - 1]
                colon = line.find(":", found.column - 1)
                if colon > 0:
                    lines[found.line - 1] = line[:colon].rstrip(" ") + line[colon:]
        text = "\n".join(lines)
    return text.rstrip("\n") + "\n" if text.strip() else text


def mend_files(data_dir: Path) -> list[tuple[str, int]]:
    """Mend every data file in place; returns (file name, lines changed) for each changed."""
    config = _config(data_dir.resolve().parent)
    changed = []
    for collection in COLLECTIONS.values():
        path = data_dir / collection.file
        if not path.is_file() or path.is_symlink():
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        new = mended(text, config, lint=_readable(collection.file, raw, collection.key))
        if new.encode("utf-8") != raw:
            before = text.replace("\r\n", "\n").split("\n")
            after = new.split("\n")
            lines = sum(1 for a, b in zip(before, after) if a != b) + abs(len(before) - len(after))
            changed.append((collection.file, max(lines, 1)))
            path.write_bytes(new.encode("utf-8"))
    return changed


def check_data(
    data_dir: Path, shown_as: str = "data", strict: bool = False, config_root: Path | None = None
):
    """What `sphub validate` checks: the data (`load_site`) and the layout of its files.

    The layout of a file that could not be read is left out: its syntax error comes first,
    and yamllint would only repeat it in other words.

    Returns:
        The validated `Site`.

    Raises:
        DataError: with every problem of both.
    """
    layout = [p for p in layout_problems(data_dir, shown_as, config_root)]
    try:
        site = load_site(data_dir, shown_as, strict)
    except DataError as err:
        kept = [p for p in layout if p.file not in err.unread]
        raise DataError(err.problems + kept, err.unread) from None
    if layout:
        raise DataError(layout)
    return site
