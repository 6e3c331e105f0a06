"""MkDocs 1.6 (the default) and ProperDocs, its maintained drop-in fork, with Material."""

from __future__ import annotations

from pathlib import Path

from sphub.engines.engine import Engine


class MkDocs(Engine):
    name = "mkdocs"

    def run(self, config_file: Path) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        _build(load_config, build, config_file)


class ProperDocs(Engine):
    name = "properdocs"

    def run(self, config_file: Path) -> None:
        # Before anything imports mkdocs: ProperDocs then stands in for it, so Material and
        # mkdocs-macros run on ProperDocs' classes.
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build
        from properdocs.config import load_config

        _build(load_config, build, config_file)


def _build(load_config, build, config_file: Path) -> None:
    config = load_config(config_file=str(config_file), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
