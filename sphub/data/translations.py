"""TEMPORARY stand-in for the lead's translation data layer (issue 14), with its interface
only: replaced by the real module when it lands on main. Translates nothing."""

from __future__ import annotations

import copy
from pathlib import Path

from sphub.data.site import Site


def languages(data_dir: Path) -> tuple[str, ...]:
    folder = Path(data_dir) / "translations"
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    return ("en", *[lang for lang in found if lang != "en"])


def translate(site: Site, lang: str) -> Site:
    translated = copy.copy(site)
    translated.language = lang
    return translated


def _state(self: Site, entry) -> str | None:
    return None if self.language == "en" else "fallback"


def page_state(english_md: Path, translated_md: Path | None) -> str | None:
    return None if translated_md is not None and translated_md.is_file() else "fallback"


Site.language = "en"
Site.translation_state = _state
