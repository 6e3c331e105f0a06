"""iCalendar files of the events: one feed of every event and one file per event, so a member
can subscribe to the whole calendar or add a single event.

Each event keeps the same UID in both files and across builds (it is made from the event's id,
which never changes), so a calendar that imported it once updates it rather than doubling it.
Events are all-day: DTSTART and DTEND are DATE values, DTEND the day after the last day, as
RFC 5545 wants. The only timestamp, DTSTAMP, is the site's build date (SOURCE_DATE_EPOCH in a
reproducible build), so the same data gives byte-identical files."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from icalendar import Calendar
from icalendar import Event as VEvent

from sphub.render import text
from sphub.render.i18n import SOURCE, N_
from sphub.render.markup import markdown_text
from sphub.models.network import Event
from sphub.data.fallback import is_in_english
from sphub.data.site import Site

PRODID = "-//SEEP Social Performance Working Group//sphub//EN"
FEED_NAME = N_("Social Performance Working Group for Networks: events")
# A fixed domain part keeps UIDs globally unique and unchanged when the site moves host.
UID_DOMAIN = "events.sphub"


def uid(event: Event) -> str:
    return f"{event.id}@{UID_DOMAIN}"


def location(event: Event, lang: str = SOURCE, gettext=str) -> str | None:
    """'Venue, City, Country', 'Online', or None when the place is not recorded."""
    if event.place:
        country = text.country_name(event.place.country, lang)
        parts = [event.place.venue, event.place.city, country]
        return ", ".join(p for p in parts if p)
    return gettext("Online") if event.online else None


def vevent(event: Event, site: Site, url: str | None, lang: str = SOURCE, gettext=str) -> VEvent:
    """The VEVENT of `event` in `lang` (its labels, and its text as `site` translates it: a
    text still in English says so); `url` is the absolute address of its page, when known."""
    item = VEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", datetime.combine(site.build_date, time(0), tzinfo=timezone.utc))
    item.add("summary", *_in_language(event.title, gettext))
    item.add("dtstart", event.start)
    item.add("dtend", site.last_day(event) + timedelta(days=1))
    item.add("categories", [text.label(event.kind, gettext)])
    if where := location(event, lang, gettext):
        item.add("location", where)
    # Calendars show DESCRIPTION as plain text; one still in English says so first.
    description = []
    if event.description:
        if is_in_english(event.description):
            description.append(gettext("(in English)"))
        description.append(markdown_text(event.description))
    if url:
        item.add("url", url)
        description.append(gettext("Details: %(url)s") % {"url": url})
    if description:
        item.add("description", "\n\n".join(description))
    return item


def _in_language(title: str, gettext) -> tuple:
    """The value and parameters of a SUMMARY: a title still in English (sphub.data.fallback)
    says so, in the calendar's language, and carries LANGUAGE=en (RFC 5545, 3.2.10)."""
    if not is_in_english(title):
        return (str(title),)
    return f"{title} {gettext('(in English)')}", {"LANGUAGE": "en"}


# Each event's VEVENT, written once by icalendar and kept, by what it was made from: it goes
# into the feed and into the event's own file, and the preview (`make serve`) rebuilds after
# each edit, when the events have mostly not changed. icalendar took a quarter of a second
# to write 150 events twice.
_written: dict[tuple, bytes] = {}


def _vevent_bytes(event: Event, site: Site, url: str | None, lang: str, gettext) -> bytes:
    in_english = (is_in_english(event.title), is_in_english(event.description))
    made_from = (
        event.model_dump_json(),
        in_english,
        site.build_date,
        site.last_day(event),
        url,
        lang,
    )
    if made_from not in _written:
        if len(_written) > 100_000:  # a long preview session: start again
            _written.clear()
        _written[made_from] = vevent(event, site, url, lang, gettext).to_ical()
    return _written[made_from]


def calendar(
    events: list[Event],
    site: Site,
    urls: dict[str, str | None],
    name: str | None = None,
    lang: str = SOURCE,
    gettext=str,
) -> bytes:
    """An iCalendar file holding `events`, with its labels in `lang` (`gettext`); `urls` maps
    event id -> absolute page address; `name` is the calendar's (default: the feed's)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name or gettext(FEED_NAME))
    # icalendar writes a calendar as its own lines, then each component's, then its END line:
    # the same bytes, with the events' lines written once.
    # (tests/unit/outputs/test_calendars.py reads the files back with icalendar).
    end = b"END:VCALENDAR\r\n"
    head = cal.to_ical().removesuffix(end)
    return (
        head + b"".join(_vevent_bytes(e, site, urls.get(e.id), lang, gettext) for e in events) + end
    )
