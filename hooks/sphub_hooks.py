"""MkDocs hooks: thin adapters, one call into sphub per event.

on_config validates data/ (a bad file stops the build before site/ is touched) and registers
the macros; on_files adds one page per data entry; on_post_build writes the downloads (JSON, CSV,
calendars) into site/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from sphub.errors import DataError
from sphub.export import write_downloads
from sphub.load import load_site
from sphub.macros import make_macros
from sphub.render import Renderer

_renderer: Renderer | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _renderer
    project = Path(config.config_file_path).parent
    try:
        site = load_site(project / "data")
    except DataError as err:
        raise Abort(err.report()) from None
    _renderer = Renderer(site, project / "overrides" / "fragments", config.use_directory_urls)
    macros = config.plugins["macros"]
    macros.register_macros(
        make_macros(_renderer, lambda: macros.page.file.src_uri, dict(config.extra))
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _renderer.pages():
        files.append(File.generated(config, page.src, content=page.markdown()))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    write_downloads(
        _renderer.site, Path(config.site_dir), config.site_url, config.use_directory_urls
    )
