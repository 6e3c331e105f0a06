"""Where the downloads stand in the built site (JSON, CSV, calendars), for the pages that link
to them; `sphub.outputs.exports` writes the files there."""

from __future__ import annotations


EXPORTS = "exports"  # folder of the JSON and CSV files in the built site
CALENDAR = "calendar"  # folder of the iCalendar files
FEED = f"{CALENDAR}/events.ics"
MEMBERS_CSV = f"{EXPORTS}/members.csv"


def json_path(collection: str) -> str:
    return f"{EXPORTS}/{collection}.json"


def event_ics_path(event_id: str) -> str:
    return f"{CALENDAR}/{event_id}.ics"


def links_for(collection: str) -> list[tuple[str, str]]:
    """(path, label) of every download of `collection`, for its pages."""
    links = [(json_path(collection), f"All {collection} as JSON")]
    if collection == "members":
        links.append((MEMBERS_CSV, "The directory as CSV, for spreadsheets"))
    if collection == "events":
        links.append((FEED, "Every event as a calendar (iCalendar)"))
    return links
