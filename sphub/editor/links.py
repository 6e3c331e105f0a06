"""Where the browser editor shows a data file: its address under the site's /admin/."""

from __future__ import annotations

from sphub.data.translations import SOURCE_LANGUAGE as SOURCE


def form_name(key: str, language: str = SOURCE) -> str:
    """The name of the editor's collection of the data file of collection `key`, or of its
    translation into `language` (data/translations/<language>/)."""
    return key if language == SOURCE else f"{key}_{language}"


def editor_address(key: str, language: str = SOURCE) -> str:
    """The editor's form for the data file of collection `key`, or of its translation into
    `language` (relative to the site's root; Decap's files collections are addressed by
    collection and file name)."""
    name = form_name(key, language)
    return f"admin/#/collections/{name}/entries/{name}"
