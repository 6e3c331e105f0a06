"""Where the browser editor shows a data file: its address under the site's /admin/."""

from __future__ import annotations


def editor_address(key: str) -> str:
    """The editor's form for the data file of collection `key` (relative to the site's root;
    Decap's files collections are addressed by collection and file name)."""
    return f"admin/#/collections/{key}/entries/{key}"
