"""The staging docs folder an engine builds from: a copy of the hand-written pages of docs/
beside every page made from data, as Markdown files any engine reads the same way.

Nothing here knows an engine. A page made from data that would take the place of a
hand-written page, or a redirect whose address is already a page, is a data problem in the
usual one-line form, found before anything is built."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sphub.data.errors import DataError, Problem
from sphub.data.translations import FALLBACK, page_state
from sphub.engines.languages import Language
from sphub.outputs import pdf
from sphub.outputs.redirects import Redirect, collisions, redirect_dest, redirects
from sphub.render.glossary import ABBREVIATIONS, abbreviations
from sphub.render.pages import Page, all_pages, written_kind
from sphub.render.renderer import Renderer
from sphub.render.urls import PAGE_FOLDERS, page_src

# Where the PDFs' download note goes on a guidance page: filled in after the engine ran, once
# the PDFs (rendered beside the pages) are known. An HTML comment passes through every engine.
PDF_LINKS = "<!-- sphub:pdf-links -->"


# A comment of a style sheet: `/* ... */` (the site's style sheets hold none inside a string).
_CSS_COMMENT = re.compile(r"/\*.*?\*/\n?", re.S)
# A script's comment lines: a line that is a `// ...` comment, or a `/* ... */` block that
# starts a line (the site's scripts have no text over several lines that such a line could be
# part of).
_JS_COMMENT = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:(?!\*/).)*\*/[ \t]*)\n", re.M | re.S)


def shipped_css(text: str) -> str:
    """A style sheet of docs/ as the site ships it: without its comments, which say why for
    those who edit it and are a third of what a first visit downloads of it."""
    return _CSS_COMMENT.sub("", text)


def shipped_js(text: str) -> str:
    """A script of docs/ as the site ships it: without its comment lines (comments after
    code on a line stay)."""
    return _JS_COMMENT.sub("", text)


SHIPPED = {".css": shipped_css, ".js": shipped_js}


@dataclass(frozen=True)
class Staged:
    """What was staged: the pages made from data, the redirects for old ids, and whether any
    staged file was written, touched or removed (if not, a dirty build has nothing to do)."""

    pages: list[Page]
    redirects: list[Redirect]
    changed: bool


_END = "---\n"  # the line that ends a front matter


def _front_matter(markdown: str) -> tuple[str, str]:
    """`markdown`'s front matter (with its `---` lines; "" when it has none) and its body."""
    body_at = 0
    if markdown.startswith("---\n"):
        end = markdown.find("\n" + _END, 4)
        body_at = end + 1 + len(_END) if end != -1 else 0
    return markdown[:body_at], markdown[body_at:]


def in_english(markdown: str) -> str:
    """`markdown` (a hand-written page shown in English on another language's site, for want
    of a translation) marked so: overrides/main.html gives its content `lang="en"`."""
    head, body = _front_matter(markdown)
    opening = head.removesuffix(_END) if head else "---\n"
    return f"{opening}sphub_in_english: true\n{_END}{body}"


def with_kind(markdown: str, kind: str) -> str:
    """`markdown` (a hand-written page) with `kind` as its tag, which search shows on its
    results as it shows an entry's ("Member"), unless its front matter names tags itself."""
    head, body = _front_matter(markdown)
    if any(line.startswith("tags:") for line in head.splitlines()):
        return markdown
    tags = f"tags: [{json.dumps(kind, ensure_ascii=False)}]\n"
    opening = head.removesuffix(_END) if head else "---\n"
    return f"{opening}{tags}{_END}{body}"


def with_source(markdown: str, source: str, staged: str) -> str:
    """`markdown` (a page's translation, staged under its English page's name `staged`) with
    the file it comes from (`about.fr.md`) in its front matter, so that its edit link names
    it (overrides/partials/actions.html; Zensical's page has no `file` to take `staged` from)."""
    head, body = _front_matter(markdown)
    opening = head.removesuffix(_END) if head else "---\n"
    names = f"source_file: {json.dumps(source, ensure_ascii=False)}\n"
    names += f"staged_file: {json.dumps(staged, ensure_ascii=False)}\n"
    return f"{opening}{names}{_END}{body}"


def with_note(markdown: str, note: str) -> str:
    """`markdown` (a hand-written page) with the HTML `note` at its top: after its front
    matter and its title (`# ...`, which must stay first: the engine takes the page's title
    from it)."""
    head, body = _front_matter(markdown)
    first, _, rest = body.lstrip("\n").partition("\n")
    if first.startswith("# "):
        return f"{head}{first}\n\n{note}\n\n{rest}"
    return f"{head}\n{note}\n\n{body}"


def _page_problems(renderer: Renderer, pages: Iterable[Page], docs: Path) -> list[Problem]:
    """A page made from data must never replace a hand-written one: an entry with the id of
    a section's own page ('index' is refused by the models) or of another written page."""
    site = renderer.site
    problems = []
    by_src = {
        page_src(key, entry.id): entry
        for key in PAGE_FOLDERS
        for entry in site.collection(key).values()
    }
    for page in pages:
        if (docs / page.src).exists() and page.src in by_src:
            problems.append(
                site.problem(
                    by_src[page.src],
                    ("id",),
                    "an id whose page is not a hand-written page",
                    f"'{by_src[page.src].id}' (docs/{page.src} is written by hand)",
                )
            )
    return problems


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it holds it already: an unchanged file keeps its time,
    so an engine's dirty rebuild (the preview) skips its page."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def stage(
    renderer: Renderer,
    docs: Path,
    folder: Path,
    with_pdf_links: bool,
    pages: list[Page] | None = None,
    language: Language | None = None,
) -> Staged:
    """Fill `folder` with docs/ and the pages made from data (`pages`, or every page of
    `renderer`'s site); only files that changed are written, files no longer made removed.
    The hand-written pages are those of `language` (default: the source's): a page's
    translation where there is one, else the page with a note saying it is in English.

    Raises:
        DataError: a page or redirect would take the place of a hand-written page.
    """
    pages = all_pages(renderer) if pages is None else pages
    problems = _page_problems(renderer, pages, docs)
    directory_urls = renderer.directory_urls
    taken = {redirect_dest(p.src, directory_urls) for p in pages}
    language = language or Language(renderer.language, (renderer.language,))
    written = language.hand_written(docs)
    for src, path in written.items():
        taken.add(redirect_dest(src, directory_urls) if path.suffix == ".md" else src)
    found = redirects(renderer, directory_urls)
    problems += collisions(renderer.site, found, taken)
    if problems:
        raise DataError(problems)
    wanted: set[Path] = set()
    # Beside the docs, not among them: Python-Markdown reads it as every page's last lines, so
    # when it changes, every hand-written page is built again (its time is touched).
    new_terms = write_if_changed(
        folder.parent / ABBREVIATIONS, abbreviations(renderer.site, renderer.gettext)
    )
    changed = new_terms
    for src, path in written.items():
        target = folder / src
        wanted.add(target)
        note = state = None
        if path.suffix == ".md" and language.prefix:
            translated = path if path != docs / src else None
            state = page_state(docs / src, translated)
            if state:
                note = renderer.render("translation_note.html", src, state=state)
        if path.suffix == ".md":
            text = with_kind(path.read_text(encoding="utf-8"), renderer.gettext(written_kind(src)))
            text = in_english(text) if state == FALLBACK else text
            text = with_note(text, note) if note else text
            if path != docs / src:
                text = with_source(text, path.relative_to(docs).as_posix(), src)
            links = f"\n\n{PDF_LINKS}\n" if with_pdf_links and pdf.is_guidance(src) else ""
            if write_if_changed(target, text + links):
                changed = True
            elif new_terms:
                os.utime(target)
        elif not target.is_file() or target.stat().st_mtime < path.stat().st_mtime:
            changed = True
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in SHIPPED and "vendor" not in path.parts:  # others' files as they are
                text = SHIPPED[path.suffix](path.read_text(encoding="utf-8"))
                target.write_text(text, encoding="utf-8")
            else:
                shutil.copy2(path, target)
    for page in pages:
        target = folder / page.src
        wanted.add(target)
        links = f"\n{PDF_LINKS}" if with_pdf_links and pdf.is_guidance(page.src) else ""
        changed |= write_if_changed(target, page.markdown(links))
    for stale in [p for p in folder.rglob("*") if p.is_file() and p not in wanted]:
        stale.unlink()
        changed = True
    return Staged(pages, found, changed)
