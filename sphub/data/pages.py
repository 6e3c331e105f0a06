"""The hand-written pages (docs/**/*.md) checked like the data: their front matter is read
with sphub's own YAML reader, and a page that would show readers its front matter, or a
literal `{{` or `{%`, is an error with file and line, found before anything is built.

A page's front matter is the block between a first line `---` and the next line `---`; it
holds only the keys the engines and sphub read (KEYS). A page's macros (`{{ about_links() }}`)
are rendered only when its front matter says `render_macros: true` (mkdocs.yml renders no
page by default, so that no text of the data is ever read as a template): anywhere else a
`{{` or `{%` outside code would be shown as it is. `translated_from`, the hash of the
English a translation was made from, belongs to translations only (`about.fr.md`) and is
the 12 characters `sphub translations --stamp` writes."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from sphub.data.errors import Problem, describe
from sphub.data.reader import MAX_FILE_BYTES, read_yaml
from sphub.data.translations import TRANSLATED_PAGE

# What the engines and sphub read in a page's front matter.
KEYS = {
    "title": "the page's title in the navigation and the browser's tab",
    "description": "the page's summary for search engines",
    "render_macros": "true when the page calls sphub's macros ({{ ... }})",
    "search": "search settings (exclude: true keeps the page out of the search)",
    "hide": "parts of the page to hide (navigation, toc, footer)",
    "translated_from": "in a translation: the hash of the English it was made from",
    "template": "the page's template",
    "icon": "the page's icon",
    "status": "the page's status badge",
    "subtitle": "the page's subtitle",
    "tags": "the page's tags",
}
HASH = re.compile(r"^[0-9a-f]{12}$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TEMPLATE = re.compile(r"\{\{|\{%")


def front_matter(text: str) -> tuple[str | None, int]:
    """The front matter's text and the number of lines it takes with its two `---` lines
    (None, 0 when the page has none; None, -1 when its closing line is missing)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    for n, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:n]) + "\n", n + 1
    return None, -1


def _literal_template(text: str, start: int) -> tuple[int, str] | None:
    """The first `{{` or `{%` outside code, from line `start` (0-based): (line, the line)."""
    lines = text.split("\n")
    fence = None
    for n in range(start, len(lines)):
        line = lines[n]
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if line.startswith(("    ", "\t")):  # an indented code block, or a list's lines
            stripped = line.strip()
            if not stripped.startswith(("-", "*", "+")) and not stripped[:1].isdigit():
                continue
        found = _TEMPLATE.search(_INLINE_CODE.sub("", line))
        if found:
            return n + 1, line.strip()
    return None


def page_problems(md: Path, name: str) -> list[Problem]:
    """Every problem of the hand-written page `md`, shown as `name` (docs/about.md)."""
    raw = md.read_bytes()[: MAX_FILE_BYTES + 1]
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Problem(name, line, "(file)", "UTF-8 text", "another encoding (save as UTF-8)")]
    front, size = front_matter(text)
    if size == -1:
        return [
            Problem(
                name,
                1,
                "(front matter)",
                "a line '---' closing the front matter that the first line '---' opens",
                "none: the page would show its front matter as text",
            )
        ]
    meta: dict = {}
    problems: list[Problem] = []
    if front is not None and front.strip():
        yf, found = read_yaml(name, front.encode("utf-8"))
        for problem in found:  # lines counted from the page's first line, not the block's
            path = "(front matter)" if problem.path == "(file)" else problem.path
            problems.append(Problem(name, problem.line + 1, path, problem.expected, problem.got))
        if found:
            return problems
        meta = yf.value
        translation = TRANSLATED_PAGE.search(md.name) is not None
        for key, value in meta.items():
            line = yf.line((key,)) + 1
            if key not in KEYS:
                close = difflib.get_close_matches(str(key), list(KEYS), n=1)
                known = f"did you mean '{close[0]}'?" if close else ", ".join(sorted(KEYS))
                problems.append(
                    Problem(name, line, str(key), f"a key of a page ({known})", f"'{key}'")
                )
            elif key == "render_macros" and not isinstance(value, bool):
                problems.append(Problem(name, line, key, "true or false", describe(value)))
            elif key == "translated_from" and not translation:
                problems.append(
                    Problem(
                        name,
                        line,
                        key,
                        "no `translated_from` in an English page (it is the hash of the "
                        "English a translation, such as page.fr.md, was made from)",
                        describe(value),
                    )
                )
            elif key == "translated_from" and not (isinstance(value, str) and HASH.match(value)):
                problems.append(
                    Problem(
                        name,
                        line,
                        key,
                        'the 12-character hash `sphub translations --stamp` writes, in quotes ("1b17006212f4")',
                        describe(value),
                    )
                )
    if meta.get("render_macros") is not True:
        found_at = _literal_template(text, max(size, 0))
        if found_at:
            line, shown = found_at
            problems.append(
                Problem(
                    name,
                    line,
                    "(page)",
                    "`render_macros: true` in the front matter of a page that calls macros "
                    "(else '{{' and '{%' are shown as they are; in code, put them between "
                    "backticks)",
                    describe(shown),
                )
            )
    return problems


def pages_problems(docs_dir: Path, shown_as: str = "docs") -> list[Problem]:
    """The problems of every hand-written page under `docs_dir`, sorted by file and line."""
    problems: list[Problem] = []
    for md in sorted(docs_dir.rglob("*.md")):
        if md.is_file() and not md.is_symlink():
            problems += page_problems(md, f"{shown_as}/{md.relative_to(docs_dir).as_posix()}")
    return sorted(problems)
