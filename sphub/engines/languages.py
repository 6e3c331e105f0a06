"""Each language of the site is a build of its own: English at the site's root, every other
language under its code (`fr/`, `es/`), every page at the same path under that prefix. This
module says how one language's build differs: its staged configuration (Material's
`theme.language`, the search's language, the navigation's titles, the language switcher
and the `hreflang` alternates of every page) and its hand-written pages (`docs/x.fr.md`
beside `docs/x.md`, or the English page with a note)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphub.data.translations import TRANSLATED_PAGE
from sphub.render import i18n

# Material's search reads a language's stemmer and stop words from these files; a language
# without one is searched with English's.
_LUNR = Path(__import__("material").__file__).parent / "templates/assets/javascripts/lunr/min"


@dataclass(frozen=True)
class Language:
    """One language's build: `code`, among all the site's `codes` (the source first)."""

    code: str
    codes: tuple[str, ...]
    locale_dir: Path | None = None  # the project's own catalogues (locale/), if any

    @property
    def prefix(self) -> str:
        """Where its pages stand in the site: '' for the source, 'fr/' for French."""
        return "" if self.code == i18n.SOURCE else f"{self.code}/"

    def gettext(self, message: str) -> str:
        return i18n.translations(self.code, self.locale_dir).gettext(message)

    def link_to(self, other: str) -> str:
        """The root of language `other`'s pages, relative to this language's root."""
        up = "../" if self.prefix else ""
        return up + Language(other, self.codes).prefix

    def configure(self, config: dict, partial_strings: list[str]) -> dict:
        """`config` (the staged mkdocs.yml) for this language's build."""
        config = dict(config)
        theme = dict(config.get("theme") or {})
        theme["language"] = self.code
        config["theme"] = theme
        config["plugins"] = [self._plugin(p) for p in config.get("plugins") or []]
        if config.get("nav"):
            config["nav"] = i18n.translated_nav(config["nav"], self.gettext)
        for key in ("site_description", "copyright"):
            if config.get(key):
                config[key] = self.gettext(config[key].strip())
        root_url = config["site_url"].rstrip("/") + "/" if config.get("site_url") else ""
        if root_url:
            config["site_url"] = root_url + self.prefix
        extra = dict(config.get("extra") or {})
        # The footer's links to the group's pages elsewhere ("SEEP Network on Facebook").
        extra["social"] = [_named(link, self.gettext) for link in extra.get("social") or []]
        # Read by the partials alternate.html (the switcher) and main.html (hreflang): the
        # same page in each language is that language's root, then the page's own address.
        extra["alternate"] = [
            {
                "name": i18n.language_name(code),
                "lang": code,
                "link": self.link_to(code),
                "url": root_url + Language(code, self.codes).prefix if root_url else "",
            }
            for code in self.codes
        ]
        extra["sphub"] = {
            "lang": self.code,
            "t": {message: self.gettext(message) for message in partial_strings},
        }
        config["extra"] = extra
        return config

    def _plugin(self, plugin):
        if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin):
            options = dict((plugin.get("search") if isinstance(plugin, dict) else None) or {})
            has_lunr = (_LUNR / f"lunr.{self.code}.min.js").is_file() or self.code == "en"
            options["lang"] = self.code if has_lunr else "en"
            return {"search": options}
        return plugin

    def hand_written(self, docs: Path) -> dict[str, Path]:
        """Source path in the staged docs -> the file it is copied from: a page's translation
        (`x.fr.md`) where there is one, else the page itself; every translation of a page
        (a file named `x.LANG.md`) is left out otherwise."""
        chosen: dict[str, Path] = {}
        for path in sorted(p for p in docs.rglob("*") if p.is_file()):
            src = path.relative_to(docs).as_posix()
            translation = TRANSLATED_PAGE.search(src)
            if translation is None:
                chosen.setdefault(src, path)
            elif self.prefix and translation[1] == self.code:
                chosen[src[: translation.start()] + ".md"] = path
        return chosen


def languages_of(codes: tuple[str, ...], locale_dir: Path | None) -> list[Language]:
    return [Language(code, codes, locale_dir) for code in codes]


def _named(link: dict, gettext) -> dict:
    """A footer link of mkdocs.yml's `extra.social` with its name in the page's language."""
    name = link.get("name")
    return {**link, "name": gettext(name)} if name else link
