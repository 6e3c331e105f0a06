"""Where the downloads stand in the built site (JSON, CSV, calendars), for the pages that link
to them; `sphub.outputs.exports` writes the files there."""

from __future__ import annotations

from sphub.render.i18n import N_


EXPORTS = "exports"  # folder of the JSON and CSV files in the built site
CALENDAR = "calendar"  # folder of the iCalendar files
FEED = f"{CALENDAR}/events.ics"
MEMBERS_CSV = f"{EXPORTS}/members.csv"


def json_path(collection: str) -> str:
    return f"{EXPORTS}/{collection}.json"


def event_ics_path(event_id: str) -> str:
    return f"{CALENDAR}/{event_id}.ics"


def links_for(collection: str) -> list[tuple[str, str]]:
    """(path, label) of every download of `collection`, for its pages (the templates
    translate the label)."""
    links = [(json_path(collection), _JSON_LABELS[collection])]
    if collection == "members":
        links.append((MEMBERS_CSV, N_("The directory as CSV, for spreadsheets")))
    if collection == "events":
        links.append((FEED, N_("Every event as a calendar (iCalendar)")))
    return links


# One message per collection: "All members as JSON" is not a sentence a translator can fill
# in with a key ('case_studies').
_JSON_LABELS = {
    "regions": N_("All regions as JSON"),
    "organisations": N_("All organisations as JSON"),
    "members": N_("All members as JSON"),
    "workplans": N_("All work plans as JSON"),
    "events": N_("All events as JSON"),
    "resources": N_("All resources as JSON"),
    "projects": N_("All projects as JSON"),
    "topics": N_("All topics as JSON"),
    "tools": N_("All tools as JSON"),
    "practices": N_("All practices as JSON"),
    "strategy_options": N_("All strategy options as JSON"),
    "entry_points": N_("All entry points as JSON"),
    "case_studies": N_("All case studies as JSON"),
    "tree": N_("The decision tree's questions as JSON"),
    "steps": N_("The steps of a plan and their rule as JSON"),
    "assessment": N_("The whole assessment as JSON"),
    "quick_tree": N_("The whole quick tree as JSON"),
    "quick_tree_agenda": N_("The quick tree's agenda as JSON"),
    "guide": N_("The PDF guide's chapters as JSON"),
    "glossary": N_("The whole glossary as JSON"),
}
