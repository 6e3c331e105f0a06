"""Zensical, Material's successor from its makers: it reads mkdocs.yml, renders with its own
templates (Material's look is its `classic` variant) and runs mkdocs-macros' modules through
its own macros extension. What it cannot do is said in one line each (`differences`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sphub.engines.engine import Engine
from sphub.engines.project import Project
from sphub.engines.session import Session
from sphub.engines.staging import PDF_LINKS
from sphub.outputs.redirects import redirect_dest
from sphub.render.markup import FINISHED, FINISHED_END
from sphub.render.pages import Page

# Search options Zensical keeps; it drops the others without a word.
_SEARCH_OPTIONS = ("enabled", "separator")


class Zensical(Engine):
    name = "zensical"
    differences = (
        "search ignores `pipeline` (stop words are kept in the index)",
        "Material's offline plugin does not run: sphub writes the search index as a script "
        "(search.js) for pages opened from disk",
        "no anchor (`#...`) of a link is left unchecked: Zensical checks them all",
    )

    def staged_config(self, project: Project, docs: Path, site: Path) -> dict:
        config = super().staged_config(project, docs, site)
        config["theme"] = {**config["theme"], "variant": "classic"}  # Material's look
        plugins = []
        for plugin in config.get("plugins", []):
            name, options = next(iter(plugin.items())) if isinstance(plugin, dict) else (plugin, {})
            if name == "search":
                options = {k: v for k, v in (options or {}).items() if k in _SEARCH_OPTIONS}
            if name != "offline":
                plugins.append({name: options})
        config["plugins"] = plugins
        return config

    def session_for(self, session: Session) -> Session:
        # The macros' links, in hand-written pages, are written as Zensical reads them.
        return replace(session, links_from_source=True)

    def after_build(
        self, pages: list[Page], docs: Path, site: Path, directory_urls: bool, project: Project
    ) -> None:
        """Zensical reads every relative link in raw HTML as relative to the Markdown file and
        rewrites it (one folder up under directory addresses), and only on some pages (its
        postprocessor's place in the stash is not reset between pages). The links of a page
        made from data are already right for its address: its finished HTML is put back.

        A page opened from disk (file://, the offline build) cannot fetch search.json: Zensical's
        bundle then loads search.js and reads its `__index`, which Zensical 0.0.73 does not
        write (Material's offline plugin does the same for its index)."""
        index = site / "search.json"
        if index.exists():
            text = index.read_text(encoding="utf-8")
            (site / "search.js").write_text(f"var __index = {text}\n", encoding="utf-8")
        for page in pages:
            path = site / redirect_dest(page.src, directory_urls)
            html = path.read_text(encoding="utf-8")
            start, end = html.find(FINISHED), html.rfind(FINISHED_END)
            if start < 0 or end < start:
                continue  # a page Zensical did not write as staged: left as it is
            tail = f"\n{PDF_LINKS}" if PDF_LINKS in html[start:end] else ""
            finished = html[:start] + page.html + tail + html[end + len(FINISHED_END) :]
            path.write_text(finished, encoding="utf-8")

    def is_log_line(self, line: str) -> bool:
        return super().is_log_line(line) or line.startswith(
            ("Build started", "Build finished", "No issues found")
        )

    def run(self, config_file: Path, session_file: Path) -> None:
        import zensical

        # The session reaches the macros through the staged configuration (Engine.build).
        # clean: Zensical's cache beside the config would otherwise keep macro output from
        # an earlier build; the staging folder is new for every build anyway.
        zensical.build(str(config_file), {"clean": True, "strict": True})
