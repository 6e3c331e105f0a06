"""The calendar files: parsed back with icalendar and checked field by field."""

from __future__ import annotations

from datetime import date, timedelta

from icalendar import Calendar

from sphub.outputs import calendars as ical
from sphub.outputs.exports import FEED, downloads, event_ics_path


def parse(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_feed_holds_every_event_once_with_stable_uids(shipped):
    events = parse(ical.calendar(list(shipped.events.values()), shipped, {}))
    assert sorted(str(e["uid"]) for e in events) == sorted(
        f"{i}@{ical.UID_DOMAIN}" for i in shipped.events
    )


def test_events_are_all_day_dates_with_exclusive_end(shipped):
    bangkok = shipped.events["spi-training-bangkok-2012"]
    (event,) = parse(ical.calendar([bangkok], shipped, {}))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    # DATE values, not date-times: the event shows as all-day in every calendar.
    assert type(start) is date and type(end) is date
    assert "VALUE=DATE" in event.to_ical().decode()
    assert (start, end) == (date(2012, 2, 20), date(2012, 2, 22) + timedelta(days=1))
    assert str(event["location"]) == "Bangkok, Thailand"
    assert "12 national networks" in str(event["description"])
    assert "**" not in str(event["description"])  # Markdown rendered to plain words


def test_one_day_event_ends_next_day(shipped):
    meeting = shipped.events["spwg-asia-regional-meeting-2012"]
    (event,) = parse(ical.calendar([meeting], shipped, {}))
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(days=1)
    assert "location" not in event  # no place recorded: no guess


def test_urls_only_when_site_url_is_known(shipped):
    without = downloads(shipped, None, True)
    assert all("url" not in e for e in parse(without[FEED]))
    files = downloads(shipped, "https://example.org/spwg/", True)
    event_id = "bern-workshop-2010"
    (event,) = parse(files[event_ics_path(event_id)])
    assert str(event["url"]) == f"https://example.org/spwg/events/{event_id}/"
    assert f"https://example.org/spwg/events/{event_id}/" in str(event["description"])
    flat = downloads(shipped, "https://example.org", False)
    (event,) = parse(flat[event_ics_path(event_id)])
    assert str(event["url"]) == f"https://example.org/events/{event_id}.html"


def test_same_uid_in_feed_and_single_file(shipped):
    files = downloads(shipped, None, True)
    feed = {str(e["uid"]): e for e in parse(files[FEED])}
    for event_id in shipped.events:
        (single,) = parse(files[event_ics_path(event_id)])
        assert feed[str(single["uid"])]["summary"] == single["summary"]


def test_dtstamp_is_the_build_date(shipped):
    for event in parse(downloads(shipped, None, True)[FEED]):
        assert event.decoded("dtstamp").date() == shipped.build_date


def test_every_event_file_and_the_feed_carry_the_page_and_the_place(shipped):
    """With the site's address set, each event, in its own file and in the feed, links to its
    page; every event whose data has a place (or is online) says where."""
    site_url = "https://example.org/spwg/"
    files = downloads(shipped, site_url, True)
    feed = {str(e["uid"]).split("@")[0]: e for e in parse(files[FEED])}
    assert sorted(feed) == sorted(shipped.events)
    for event_id, event in shipped.events.items():
        (own,) = parse(files[event_ics_path(event_id)])
        for item in (own, feed[event_id]):
            assert str(item["url"]) == f"{site_url}events/{event_id}/"
            if event.place or event.online:
                assert str(item["location"]) == ical.location(event)
                assert event.place is None or event.place.city in str(item["location"])
            else:
                assert "location" not in item
