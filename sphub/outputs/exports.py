"""Downloads made from the validated site: a JSON file per collection, a CSV of the member
directory, and the iCalendar files of the events (`sphub.outputs.calendars`).

Every file is deterministic: entries in file order, JSON keys sorted, no timestamp but the
build date, so two builds of the same data are byte-identical."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sphub.outputs import calendars as ical
from sphub.render import text
from sphub.models import COLLECTIONS
from sphub.data.site import Site, sort_name
from sphub.render.downloads import FEED, MEMBERS_CSV, event_ics_path, json_path
from sphub.render.urls import absolute_url, page_src

MEMBER_COLUMNS = [
    "id",
    "name",
    "acronym",
    "aliases",
    "kind",
    "country",
    "country_name",
    "region",
    "region_name",
    "years",
    "founded",
    "website",
]


def collection_json(site: Site, key: str, translations: dict[str, Site] | None = None) -> str:
    """Every entry of the collection `key`, as the models validated it, and under
    `translations`, per language, each entry whose text that language translates, whole,
    in that language (an entry left out there is read in English)."""
    entries = [entry.model_dump(mode="json") for entry in site.collection(key).values()]
    translated = {}
    for lang, other in (translations or {}).items():
        dumps = [entry.model_dump(mode="json") for entry in other.collection(key).values()]
        translated[lang] = [t for t, e in zip(dumps, entries, strict=True) if t != e]
    document = {
        "collection": key,
        "description": COLLECTIONS[key].summary,
        "entries": entries,
        "translations": translated,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _cell(value: object) -> str:
    """A spreadsheet cell that stays text: a value starting with =, +, -, @ or a control
    character would be run as a formula by Excel or LibreOffice, so it gets a leading
    apostrophe (the spreadsheet convention for "this is text")."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def members_csv(site: Site, lang: str = "en") -> str:
    """The member directory, one network a row, sorted by name as on the page, its names of
    countries and regions in `lang` (`site`'s language). Lists are joined with '; '. The text starts with a byte-order mark so spreadsheet programs read
    the accents right."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MEMBER_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for m in sorted(site.members.values(), key=sort_name):
        writer.writerow(
            {
                key: _cell(value)
                for key, value in {
                    "id": m.id,
                    "name": m.name,
                    "acronym": m.acronym or "",
                    "aliases": "; ".join(m.aliases),
                    "kind": m.kind,
                    "country": m.country or "",
                    "country_name": text.country_name(m.country, lang) if m.country else "",
                    "region": m.region,
                    "region_name": site.regions[m.region].name,
                    "years": "; ".join(str(y) for y in m.years),
                    "founded": m.founded or "",
                    "website": m.website or "",
                }.items()
            }
        )
    return "\ufeff" + out.getvalue()


def downloads(
    site: Site,
    site_url: str | None,
    directory_urls: bool,
    translations: dict[str, Site] | None = None,
    lang: str = "en",
    gettext=str,
) -> dict[str, bytes]:
    """Path in the built site -> content, for every download of the build of `lang`
    (`site_url` its pages' address): the JSON of `site` with every language of
    `translations`, and the CSV and the calendars in `lang`."""
    files: dict[str, bytes] = {
        json_path(key): collection_json(site, key, translations).encode() for key in COLLECTIONS
    }
    # The CSV and the calendars are read as they are: in the build's language.
    local = (translations or {}).get(lang, site)
    files[MEMBERS_CSV] = members_csv(local, lang).encode()
    events = sorted(local.events.values(), key=lambda e: (e.start, e.id))
    urls = {e.id: absolute_url(site_url, page_src("events", e.id), directory_urls) for e in events}
    files[FEED] = ical.calendar(events, local, urls, lang=lang, gettext=gettext)
    for event in events:
        files[event_ics_path(event.id)] = ical.calendar(
            [event], local, urls, name=str(event.title), lang=lang, gettext=gettext
        )
    return files


def write_downloads(
    site: Site,
    site_dir: Path,
    site_url: str | None,
    directory_urls: bool,
    translations: dict[str, Site] | None = None,
    lang: str = "en",
    gettext=str,
) -> list[Path]:
    """Write every download under `site_dir` (see `downloads`); returns the files written."""
    written = []
    files = downloads(site, site_url, directory_urls, translations, lang, gettext)
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
