"""A preview rebuild redoes the data pages whose content changed, and only those."""

from __future__ import annotations

from sphub import preview
from sphub.render import Page


def test_changed_pages_between_builds(monkeypatch):
    monkeypatch.setattr(preview, "_previous", {})
    first = [Page("members/a.md", "A", "<p>a</p>"), Page("members/b.md", "B", "<p>b</p>")]
    assert preview.changed(first) == {"members/a.md", "members/b.md"}
    assert preview.changed(first) == set()
    renamed = [Page("members/a.md", "A2", "<p>a</p>"), first[1], Page("events/c.md", "C", "")]
    assert preview.changed(renamed) == {"members/a.md", "events/c.md"}
