"""The plain baseline: the same pages as Markdown files, built by MkDocs + Material with no
macros plugin, so the bench's ratio measures only sphub's overhead (load, validate, render,
stage, the engine's process, the macros plugin, downloads and redirects)."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import yaml
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from sphub.data.load import load_site
from sphub.engines.build import renderer_for
from sphub.data.translations import TRANSLATED_PAGE
from sphub.engines.languages import languages_of
from sphub.engines.project import Project
from sphub.render.i18n import SOURCE, partial_strings
from sphub.render.macros import make_macros
from sphub.render.pages import all_pages


def write_plain_project(project: Path, out: Path) -> list[str]:
    """Write into `out` a MkDocs project with the pages `project` (a sphub project: mkdocs.yml,
    docs/, overrides/, data/) builds: the pages made from data as files (as `sphub build`
    stages them, without the PDF links: the bench builds with SPHUB_PDF=0), the hand-written
    pages with their macro calls replaced by what the macros return. Returns the source paths
    of the pages made from data."""
    # MkDocs' own loader: mkdocs.yml uses its tags (`!ENV` for the offline plugin).
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config["plugins"] if "search" in p or p == "search"]
    # The English build's settings, as sphub's own staging gives them (the theme's strings
    # for partials, the language switcher's links), and its pages only: no `x.fr.md`.
    config = languages_of((SOURCE,), None)[0].configure(
        config, partial_strings(project / "overrides")
    )
    if out.exists():
        shutil.rmtree(out)

    def translated(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if TRANSLATED_PAGE.search(name)]

    shutil.copytree(project / "docs", out / "docs", ignore=translated)
    if (project / "overrides").is_dir():
        shutil.copytree(project / "overrides", out / "overrides")
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )

    # As `sphub build` makes it: with the history of the data files (each page's "last
    # changed" line).
    renderer = renderer_for(
        Project.at(project / "mkdocs.yml"),
        load_site(project / "data"),
        config["use_directory_urls"],
    )
    current = {"src": ""}
    macros = make_macros(renderer, lambda: current["src"], config.get("extra") or {})
    # The macros plugin renders a page's Markdown as a Jinja template; so do we, once, here.
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    for md in sorted((out / "docs").rglob("*.md")):
        src = md.relative_to(out / "docs").as_posix()
        body, meta = get_data(md.read_text(encoding="utf-8"))
        if meta.pop("render_macros", False):
            current["src"] = src
            body = env.from_string(body).render(**macros)
        head = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
        md.write_text(head + body, encoding="utf-8")
    generated = []
    for page in all_pages(renderer):
        target = out / "docs" / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
        generated.append(page.src)
    return generated
