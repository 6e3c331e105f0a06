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

from sphub import text
from sphub.markup import markdown_text
from sphub.models.network import Event
from sphub.site import Site

PRODID = "-//SEEP Social Performance Working Group//sphub//EN"
FEED_NAME = "Social Performance Working Group for Networks: events"
# A fixed domain part keeps UIDs globally unique and unchanged when the site moves host.
UID_DOMAIN = "events.sphub"


def uid(event: Event) -> str:
    return f"{event.id}@{UID_DOMAIN}"


def location(event: Event) -> str | None:
    """'Venue, City, Country', 'Online', or None when the place is not recorded."""
    if event.place:
        parts = [event.place.venue, event.place.city, text.country_name(event.place.country)]
        return ", ".join(p for p in parts if p)
    return "Online" if event.online else None


def vevent(event: Event, site: Site, url: str | None) -> VEvent:
    """The VEVENT of `event`; `url` is the absolute address of its page, when known."""
    item = VEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", datetime.combine(site.build_date, time(0), tzinfo=timezone.utc))
    item.add("summary", event.title)
    item.add("dtstart", event.start)
    item.add("dtend", site.last_day(event) + timedelta(days=1))
    item.add("categories", [text.label(event.kind)])
    if where := location(event):
        item.add("location", where)
    # Calendars show DESCRIPTION as plain text.
    description = [markdown_text(event.description)] if event.description else []
    if url:
        item.add("url", url)
        description.append(f"Details: {url}")
    if description:
        item.add("description", "\n\n".join(description))
    return item


# Calendars made before in this process, by what they were made from. The preview (`make
# serve`) rebuilds after each edit: icalendar took a quarter of a second to write the same
# 150 events again, after an edit of another file.
_made: dict[tuple, bytes] = {}


def calendar(events: list[Event], site: Site, urls: dict[str, str | None],
             name: str = FEED_NAME) -> bytes:
    """An iCalendar file holding `events`; `urls` maps event id -> absolute page address."""
    made_from = (name, site.build_date, tuple(
        (event.model_dump_json(), site.last_day(event), urls.get(event.id)) for event in events
    ))
    if made_from not in _made:
        if len(_made) > 10_000:  # a long preview session: start again
            _made.clear()
        _made[made_from] = _calendar(events, site, urls, name)
    return _made[made_from]


def _calendar(events: list[Event], site: Site, urls: dict[str, str | None], name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(vevent(event, site, urls.get(event.id)))
    return cal.to_ical()
