"""Walk the built site's decision tree as a person with JavaScript off would: open
/decision-tree/, follow "Start now", then follow answer links (plain HTML links, no script)
until every outcome has been reached. Checks each page on the way without asserting wording."""

from __future__ import annotations

import posixpath
from collections import deque
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest


class Page(HTMLParser):
    """What a reader sees in the article of one built page: headings, links, buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str, tuple[str, ...]]] = []  # href, text, enclosing classes
        self.buttons: list[dict] = []
        self.assets: list[str] = []  # src/href of scripts, styles and images
        self._stack: list[str] = []  # class attribute of each open element
        self._heading: list | None = None
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if tag == "article":
            self.in_article += 1
        if tag in ("br", "img", "meta", "link", "input", "hr", "path", "rect"):
            return
        self._stack.append(attrs.get("class") or "")
        if not self.in_article:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = [int(tag[1]), ""]
        elif tag == "a" and "href" in attrs:
            self._link = [attrs["href"], "", tuple(self._stack)]
        elif tag == "button":
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("br", "img", "meta", "link", "input", "hr", "path", "rect"):
            return
        if self._stack:
            self._stack.pop()
        if tag == "article":
            self.in_article -= 1
        if tag.startswith("h") and tag[1:].isdigit() and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split()), self._link[2]))
            self._link = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data
        if self._link is not None:
            self._link[1] += data

    def links_in(self, css_class: str) -> list[str]:
        return [h for h, _t, classes in self.links if any(css_class in c.split() for c in classes)]

    def link_to(self, text_start: str) -> list[str]:
        return [h for h, t, _c in self.links if t.startswith(text_start)]


def read(site: Path, url: str) -> Page:
    path = site / url / "index.html" if url.endswith("/") or not url else site / url
    assert path.is_file(), f"broken link: {url}"
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def follow(url: str, href: str) -> str:
    """The site-relative URL a relative `href` on the page at `url` leads to."""
    assert "://" not in href and not href.startswith("/"), href
    target = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
    return "" if target == "." else target + ("/" if href.split("#")[0].endswith("/") else "")


def assert_headings_in_order(page: Page, url: str) -> None:
    levels = [level for level, _ in page.headings]
    assert levels and levels[0] == 1 and levels.count(1) == 1, (url, page.headings)
    for before, after in pairwise(levels):
        assert after <= before + 1, (url, page.headings)


@pytest.fixture(scope="module")
def walked(built_site_pdf):
    """Every page reached from /decision-tree/ by answering, with its depth (answers given)."""
    start = read(built_site_pdf, "decision-tree/")
    [first] = start.link_to("Start now")
    queue = deque([(follow("decision-tree/", first), 0)])
    seen: dict[str, int] = {}
    while queue:
        url, depth = queue.popleft()
        if url in seen:
            continue
        seen[url] = depth
        page = read(built_site_pdf, url)
        for href in page.links_in("sphub-options"):
            queue.append((follow(url, href), depth + 1))
    return seen


def test_walk_reaches_every_outcome_and_question(walked, shipped):
    outcomes = {u.split("/")[2] for u in walked if u.startswith("decision-tree/result/")}
    questions = {u.split("/")[2] for u in walked if u.startswith("decision-tree/q/")}
    assert outcomes == {n.id for n in shipped.tree.values() if n.type == "outcome"}
    assert questions == {n.id for n in shipped.tree.values() if n.type == "question"}


def test_question_pages(walked, built_site_pdf):
    for url, depth in walked.items():
        if not url.startswith("decision-tree/q/"):
            continue
        page = read(built_site_pdf, url)
        assert_headings_in_order(page, url)
        options = page.links_in("sphub-options")
        assert len(options) >= 2, url
        [back] = page.link_to("Back")
        read(built_site_pdf, follow(url, back))
        changes = page.link_to("Change")
        assert len(changes) == depth, url
        for href in changes:
            read(built_site_pdf, follow(url, href))
        if depth:
            assert any(text == "Your answers" for _, text in page.headings), url
            [again] = page.link_to("Start again")
            assert walked[follow(url, again)] == 0
        else:
            assert not page.link_to("Start again")


def test_outcome_pages(walked, built_site_pdf):
    for url, depth in walked.items():
        if not url.startswith("decision-tree/result/"):
            continue
        page = read(built_site_pdf, url)
        assert_headings_in_order(page, url)
        assert len(page.link_to("Change")) == depth, url
        assert page.link_to("Start again"), url
        assert any("data-sphub-print" in b for b in page.buttons), url
        # Every link on the plan leads to a page of the site.
        for href, _text, _c in page.links:
            if href.endswith(".pdf"):  # the printable guide (tests/pdf/test_guide_pdf.py reads it)
                assert (built_site_pdf / follow(url, href)).is_file(), href
            elif not href.startswith(("http:", "https:", "#", "mailto:")):
                read(built_site_pdf, follow(url, href))


def test_tree_pages_load_nothing_from_other_hosts(walked, built_site_pdf):
    for url in list(walked)[:5] + ["decision-tree/", "guidance/"]:
        for asset in read(built_site_pdf, url).assets:
            assert "://" not in asset and not asset.startswith("//"), (url, asset)


def test_change_link_leads_back_to_the_question_with_earlier_answers(walked, built_site_pdf):
    deepest = max(walked, key=walked.get)
    page = read(built_site_pdf, deepest)
    changes = [follow(deepest, h) for h in page.link_to("Change")]
    assert [walked[u] for u in changes] == list(range(walked[deepest]))


def test_answer_pages_are_left_out_of_search(built_site_pdf):
    import json

    index = json.loads((built_site_pdf / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert not any(loc.startswith("decision-tree/q/") for loc in locations)
    assert not any(loc.startswith("decision-tree/result/") for loc in locations)
    assert any(loc.startswith("decision-tree/") for loc in locations)
