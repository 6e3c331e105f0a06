"""The downloads in the built site: every JSON and CSV export and calendar there, linked from
the pages (tests/unit/outputs/test_exports.py checks what they hold; the same bytes from a
second build: tests/pdf/test_reproducible.py)."""

from __future__ import annotations

from sphub.models import COLLECTIONS
from sphub.outputs.exports import MEMBERS_CSV, json_path


def test_built_site_has_downloads_linked_from_pages(built_site):
    for key in COLLECTIONS:
        assert (built_site / json_path(key)).is_file()
    assert (built_site / MEMBERS_CSV).is_file()
    directory = (built_site / "members" / "index.html").read_text()
    assert 'href="../exports/members.csv"' in directory
    assert 'href="../exports/members.json"' in directory
    events = (built_site / "events" / "index.html").read_text()
    assert 'href="../calendar/events.ics"' in events
    event_page = (built_site / "events" / "bern-workshop-2010" / "index.html").read_text()
    assert 'href="../../calendar/bern-workshop-2010.ics"' in event_page
    listing = (built_site / "downloads" / "index.html").read_text()
    for key in COLLECTIONS:
        assert f'href="../exports/{key}.json"' in listing
