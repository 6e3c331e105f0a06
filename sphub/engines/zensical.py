"""Zensical, Material's successor from its makers: it reads mkdocs.yml, renders with its own
templates (Material's look is its `classic` variant) and runs mkdocs-macros' modules through
its own macros extension. What it cannot do is said in one line each (`differences`)."""

from __future__ import annotations

from pathlib import Path

from sphub.engines.engine import Engine
from sphub.engines.project import Project

# Search options Zensical keeps; it drops the others without a word.
_SEARCH_OPTIONS = ("enabled", "separator")


class Zensical(Engine):
    name = "zensical"
    differences = (
        "search ignores `pipeline` (stop words are kept in the index)",
        "Material's offline plugin does not run: build the offline zip with mkdocs",
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

    def is_log_line(self, line: str) -> bool:
        return super().is_log_line(line) or line.startswith(
            ("Build started", "Build finished", "No issues found")
        )

    def run(self, config_file: Path) -> None:
        import zensical

        # clean: Zensical's cache beside the config would otherwise keep macro output from
        # an earlier build; the staging folder is new for every build anyway.
        zensical.build(str(config_file), {"clean": True, "strict": True})
