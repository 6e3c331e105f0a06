"""A project on disk: its configuration file (mkdocs.yml, read as every engine reads it, with
INHERIT and !ENV resolved), and the folders sphub reads: data/, docs/, the templates."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin


@dataclass(frozen=True)
class Config:
    """The settings sphub itself needs from the configuration."""

    raw: dict
    directory_urls: bool
    site_url: str | None
    extra: dict


@dataclass(frozen=True)
class Project:
    config_file: Path

    @classmethod
    def at(cls, config_file: str | Path) -> Project:
        return cls(Path(config_file).absolute())

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def docs(self) -> Path:
        return self.root / self.config().raw.get("docs_dir", "docs")

    @property
    def overrides(self) -> Path:
        return self.root / self.config().raw.get("theme", {}).get("custom_dir", "overrides")

    @property
    def templates(self) -> Path:
        """The fragment templates data is rendered with (overrides/fragments/)."""
        return self.overrides / "fragments"

    @property
    def locale(self) -> Path:
        """The project's own message catalogues (locale/<lang>/LC_MESSAGES/sphub.po), which
        come before sphub's: a project adds a language with one and data/translations/<lang>/."""
        return self.root / "locale"

    @property
    def cache(self) -> Path:
        """What a build keeps for the next one (the PDFs, keyed by their inputs)."""
        return self.root / ".cache" / "sphub"

    @cached_property
    def _config(self) -> Config:
        from mkdocs.utils.yaml import yaml_load  # INHERIT and !ENV, as MkDocs reads them

        with self.config_file.open("rb") as stream:
            raw = yaml_load(stream) or {}
        # Material's offline plugin turns directory addresses off (pages open from disk): the
        # links sphub writes must agree.
        offline = False
        for plugin in raw.get("plugins") or []:
            if plugin == "offline":
                offline = True
            elif isinstance(plugin, dict) and "offline" in plugin:
                offline = (plugin["offline"] or {}).get("enabled", True) in (True, "true")
        directory_urls = raw.get("use_directory_urls", True) and not offline
        return Config(raw, directory_urls, raw.get("site_url"), raw.get("extra") or {})

    def config(self) -> Config:
        return self._config

    def data_on_host(self) -> str:
        """The address data/'s files are edited at on the git host ('' where mkdocs.yml names
        none): repo_url and edit_uri, which lead to docs/, as MkDocs joins them, then data/."""
        raw = self.config().raw
        repo, edit_uri = raw.get("repo_url"), raw.get("edit_uri")
        if not repo or not edit_uri:
            return ""
        docs = urljoin(repo.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
        return urljoin(docs, Path(os.path.relpath(self.data, self.docs)).as_posix() + "/")
