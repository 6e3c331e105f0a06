"""MkDocs 1.6 (the default) and ProperDocs, its maintained drop-in fork, with Material."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from sphub.engines.engine import Engine, EngineFailed
from sphub.engines.languages import Language
from sphub.engines.project import Project
from sphub.engines.session import PLUGIN, Plugin, Session


class MkDocs(Engine):
    name = "mkdocs"

    def build(
        self,
        project: Project,
        docs: Path,
        site: Path,
        session: Session,
        verbose: bool = False,
        language: Language | None = None,
    ) -> None:
        """In sphub's own process: the macros find the loaded site in memory, and no second
        Python starts (ProperDocs, which stands in for the `mkdocs` modules, and Zensical run
        in one of their own)."""
        config_file = self.write_config(project, docs, site, language)
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner
        log = _Log(logging.INFO if verbose else logging.WARNING)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(log)
        try:
            from mkdocs.commands.build import build
            from mkdocs.config import load_config

            _build(load_config, build, config_file, Plugin(session))
        except (Exception, SystemExit) as err:  # SystemExit: mkdocs-macros on a macro error
            print("\n".join(log.lines), file=sys.stderr)
            said = str(getattr(err, "message", "") or err)
            message = f": {said}" if said and not said.isdigit() else ""
            raise EngineFailed(f"mkdocs build failed{message}") from None
        finally:
            logger.removeHandler(log)
        if verbose:
            print("\n".join(log.lines))


class _Log(logging.Handler):
    """MkDocs' messages, kept to be shown when the build fails (or with --verbose)."""

    def __init__(self, level: int):
        super().__init__(level)
        self.lines: list[str] = []
        logging.getLogger("mkdocs").setLevel(min(level, logging.INFO))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<7} -  {record.getMessage()}")


class ProperDocs(Engine):
    """In a process of its own: it stands in for the `mkdocs` modules."""

    name = "properdocs"

    def run(self, config_file: Path, session_file: Path) -> None:
        import pickle

        # Before anything imports mkdocs: ProperDocs then stands in for it, so Material and
        # mkdocs-macros run on ProperDocs' classes.
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build
        from properdocs.config import load_config

        # Written by this build, in its own staging folder: not data from outside.
        session = pickle.loads(session_file.read_bytes())  # noqa: S301
        _build(load_config, build, config_file, Plugin(session))


def _build(load_config, build, config_file: Path, plugin: Plugin) -> None:
    """Build `config_file` strictly with MkDocs' (or ProperDocs') `load_config` and `build`,
    with sphub's `plugin` added to the plugins the configuration lists."""
    config = load_config(config_file=str(config_file), strict=True)
    config.plugins[PLUGIN] = plugin
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
