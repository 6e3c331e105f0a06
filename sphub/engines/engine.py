"""What every engine adapter does, and how sphub runs an engine on a staging folder that
holds the configuration, the docs and the site, as Zensical requires and MkDocs allows:
MkDocs in sphub's own process (`sphub.engines.mkdocs`), ProperDocs and Zensical in one of
their own (`python -m sphub.engines.run`, with the session saved beside the configuration).
A process of its own keeps an engine that replaces another's modules (ProperDocs stands in
for `mkdocs`) apart, and an interrupted build stops the engine with it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from sphub.engines.languages import Language
from sphub.engines.project import Project
from sphub.engines.session import Session
from sphub.render import i18n
from sphub.render.glossary import ABBREVIATIONS
from sphub.render.pages import Page


def with_abbreviations(extensions: list, folder: Path) -> list:
    """The Markdown extensions of a staged configuration, with the glossary's tooltips on the
    hand-written pages as Material documents them: Python-Markdown's `abbr`, and
    `pymdownx.snippets` appending the language's abbreviations (written in `folder` by
    `sphub.engines.staging.stage`) to every page. A project's own snippets settings are kept."""

    def name(extension) -> str:
        return extension if isinstance(extension, str) else next(iter(extension))

    snippets = next((e for e in extensions if name(e) == "pymdownx.snippets"), None)
    options = dict(snippets["pymdownx.snippets"] or {}) if isinstance(snippets, dict) else {}
    base = options.get("base_path", ["."])
    options["base_path"] = [*([base] if isinstance(base, str) else base), str(folder)]
    options["auto_append"] = [*options.get("auto_append", []), ABBREVIATIONS]
    kept = [e for e in extensions if name(e) not in ("abbr", "pymdownx.snippets")]
    return [*kept, "abbr", {"pymdownx.snippets": options}]


class EngineFailed(Exception):
    """The engine did not finish the build; its own output says why."""


class Engine:
    """An engine adapter: how the staged configuration differs for it, what it cannot do,
    and how it builds (in the child process, `run`)."""

    name = ""
    # What this engine cannot do that the site asks for: one line each, printed by the build
    # and listed on the maintainers' page (docs/engines.md).
    differences: tuple[str, ...] = ()

    def staged_config(self, project: Project, docs: Path, site: Path) -> dict:
        """The project's configuration with the staged docs and site, and absolute paths."""
        config = dict(project.config().raw)
        theme = dict(config.get("theme") or {})
        if theme.get("custom_dir"):
            theme["custom_dir"] = str(project.overrides)
        config.update(
            theme=theme,
            docs_dir=docs.name,
            site_dir=site.name,
            use_directory_urls=project.config().directory_urls,
        )
        config["markdown_extensions"] = with_abbreviations(
            config.get("markdown_extensions") or [], docs.parent
        )
        # sphub needs no hook (it adds its plugin itself where the engine runs plugins); a
        # project's own run where the engine runs hooks.
        if config.get("hooks"):
            config["hooks"] = [str(project.root / hook) for hook in config["hooks"]]
        config.pop("watch", None)
        return config

    def write_config(
        self,
        project: Project,
        docs: Path,
        site: Path,
        language: Language | None = None,
        session_file: Path | None = None,
    ) -> Path:
        """Write the staged configuration (of `language`'s build) beside `docs`; returns its
        path. `session_file`, the saved session, is named in it for an engine that runs no
        plugin (sphub.engines.session)."""
        config_file = docs.parent / "mkdocs.yml"
        config = self.staged_config(project, docs, site)
        language = language or Language(i18n.SOURCE, (i18n.SOURCE,))
        config = language.configure(config, i18n.partial_strings(project.overrides))
        if session_file is not None:
            config["extra"]["sphub"]["session"] = str(session_file)
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        config_file.write_text(text, encoding="utf-8")
        return config_file

    def run(self, config_file: Path, session_file: Path) -> None:
        """Build the site of `config_file` with the session saved in `session_file` (in the
        child process, see sphub.engines.run)."""
        raise NotImplementedError

    def session_for(self, session: Session) -> Session:
        """`session` as this engine's macros need it (the links of its pages, for one)."""
        return session

    def build(
        self,
        project: Project,
        docs: Path,
        site: Path,
        session: Session,
        verbose: bool = False,
        language: Language | None = None,
    ) -> None:
        """Build `docs` (a staging folder beside `site`) into `site`, strictly, as the build
        of `language` (default: the source's), with the macros bound to `session`.

        Raises:
            EngineFailed: the engine failed; its log is printed first.
        """
        session_file = self.session_for(session).save(docs.parent)
        config_file = self.write_config(project, docs, site, language, session_file)
        for line in self.differences:
            print(f"{self.name}: {line}")
        command = [
            sys.executable,
            "-m",
            "sphub.engines.run",
            self.name,
            str(config_file),
            str(session_file),
        ]
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner
        output = None if verbose else subprocess.PIPE
        process = subprocess.Popen(
            command,
            cwd=project.root,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT if output else None,
            text=True,
        )
        try:
            log, _ = process.communicate()
        finally:
            # An interrupt (Ctrl-C, or SIGTERM, which the command handles like Ctrl-C) stops
            # the engine too.
            if process.poll() is None:
                process.terminate()
                process.wait()
        if process.returncode != 0:
            if log:
                print(log, end="", file=sys.stderr)
            raise EngineFailed(f"{self.name} build failed (exit code {process.returncode})")
        # On success, only lines meant for the reader, not the engine's log.
        for line in (log or "").splitlines():
            if line.strip() and not self.is_log_line(line):
                print(line)

    def after_build(
        self, pages: list[Page], docs: Path, site: Path, directory_urls: bool, project: Project
    ) -> None:
        """Mend what the engine did to the pages built from `docs` into `site` (`pages`: those
        made from data; nothing, for most engines)."""

    def is_log_line(self, line: str) -> bool:
        """Whether `line` of the engine's output is its log (shown only when it fails)."""
        return re.match(r"(INFO|WARNING|DEBUG)\s+-", line) is not None
