"""The browser editor end to end, in Chromium: `sphub serve --edit` on a copy of the project,
a member added through the form and saved (the file changes exactly so, `sphub validate`
passes, the member's page shows it), saves sphub refuses (the file unchanged, sphub's message
in the editor), every collection's form opening without a console error, and no request
leaving localhost."""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
import yaml
from browser.browsing import DESKTOP, is_local, open_visit

from sphub.models import COLLECTIONS
from tests.conftest import BUILD_EPOCH, ROOT, make_project

WAIT = 90  # seconds for the first build and for each rebuild, on a busy machine
# Seconds Decap's message of a failed save stays up: `dismissAfter: 8e3` beside
# "ui.toast.onFailToPersist" in node_modules/decap-cms/dist/decap-cms.js (3.16).
DECAP_ERROR_TOAST = 8
NEW_MEMBER = """\
  - id: ghamfin
    name: Ghana Microfinance Network
    acronym: GHAMFIN
    kind: national-association
    country: GH
    region: africa
    years: [2013]
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode()
    except OSError:
        return ""


@pytest.fixture(scope="module")
def editing(tmp_path_factory, browser):
    """`sphub serve --edit` on a copy of the project: (its URL, the project folder)."""
    bundle = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    if not bundle.is_file():
        message = "the editor's scripts are not installed: run `make editor`"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (under CI every browser test must run)")
        pytest.skip(message)
    # English and French: the French translation is edited in the form; each English save
    # rebuilds every language of the preview, beside the tests (a third one: CPU for nothing).
    project = make_project(tmp_path_factory.mktemp("editing") / "project", translations=("fr",))
    (project / "admin").mkdir()
    (project / "admin" / "config.yml").write_bytes((ROOT / "admin" / "config.yml").read_bytes())
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    output: list[str] = []
    process = subprocess.Popen(
        [sys.executable, "-m", "sphub.cli", "serve", "--edit", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "SPHUB_PDF": "0"},
    )
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    deadline = time.monotonic() + WAIT
    while "Serving on" not in "".join(output):
        assert process.poll() is None, "".join(output)
        assert time.monotonic() < deadline, "".join(output)
        time.sleep(0.3)
    yield url, project
    process.terminate()
    process.wait(timeout=30)


def _sign_in(page, url: str) -> None:
    """Open the editor's page and sign in to the local backend; once signed in, the browser
    remembers it (Decap keeps the user in the page's storage) and the page opens signed in."""
    page.goto(url + "admin/")
    login = page.get_by_role("button", name="Login")
    listed = page.get_by_text("Collections").first
    login.or_(listed).wait_for()
    if login.is_visible():
        login.click()
    listed.wait_for()


# Decap's question when a form with unsaved changes is left ("editor.editor.onLeavePage").
LEAVE_PAGE = "Are you sure you want to leave this page?"


@pytest.fixture(scope="module")
def open_editor(editing, browser):
    """The editor, opened and signed in once and kept open while the module's tests go from
    one collection to another in it, as an editor does; recording requests and errors. After
    the module, fails on any request that left localhost (each test checks its own console
    errors: `editor`)."""
    context, visit = open_visit(browser, DESKTOP)
    visit.leaving_form = False  # set by `_leave_the_form` only: the one question it answers

    def answer(dialog) -> None:
        if visit.leaving_form and dialog.message == LEAVE_PAGE:
            dialog.accept()
        else:
            dialog.dismiss()  # what Playwright does to a dialog nobody listens for

    visit.page.on("dialog", answer)
    _sign_in(visit.page, editing[0])
    yield visit
    context.close()
    visit.check()


COLLECTIONS_LIST = re.compile(r"/admin/#/collections/[a-z_]+$")


def _leave_the_form(visit, url: str) -> None:
    """Back to a collection's list, as an editor leaves a form: unsaved changes given up
    (Decap asks first), sphub's refusal dismissed. The next form opened reads its file from
    disk again (Decap loads the entry each time its form opens), so a test starts from the
    files as they are, not from what an earlier test left in the page."""
    page = visit.page
    if not page.url.startswith(url + "admin/"):  # a test went to the site's pages
        _sign_in(page, url)
    else:
        visit.leaving_form = True
        try:
            page.goto(url + "admin/#/")  # in the page: Decap's router, no reload
            page.wait_for_url(COLLECTIONS_LIST)
        finally:
            visit.leaving_form = False
    refusal = page.locator("#sphub-refusal")
    if refusal.count():
        refusal.get_by_role("button", name="Dismiss").click()
    assert refusal.count() == 0
    assert COLLECTIONS_LIST.search(page.url), page.url
    assert page.get_by_role("button", name="Publish").count() == 0, "a form is still open"


@pytest.fixture
def editor(editing, open_editor):
    """The open editor, at a collection's list, for one test (the module's tests share it:
    opening it took 5 to 8 s a test); fails the test on any request that left localhost or
    any console error while it ran; then leaves the test's form."""
    url = editing[0]
    _leave_the_form(open_editor, url)
    errors, requests = len(open_editor.errors), len(open_editor.requests)
    yield open_editor
    new_errors = open_editor.errors[errors:]
    del open_editor.errors[errors:]  # reported here, once, not again by the next tests
    _leave_the_form(open_editor, url)
    leaving = [r for r in open_editor.requests[requests:] if not is_local(r)]
    assert not leaving, f"requests left localhost: {leaving}"
    assert not new_errors, f"console errors: {new_errors}"


def _field(page, label: str):
    """The input of the last field labelled `label` (the entry being added is the last)."""
    labels = page.locator("label").filter(has_text=re.compile(rf"^{label}(\s|$)", re.I))
    return page.locator(f"[id='{labels.last.get_attribute('for')}']")


def _open(page, url: str, key: str) -> None:
    page.goto(f"{url}admin/#/collections/{key}/entries/{key}")
    page.get_by_text(re.compile(rf"^\d+ {key.replace('_', ' ')}$", re.I)).first.wait_for()


def _publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.3)


def _add_member(
    page, member_id: str, name: str = "Ghana Microfinance Network", acronym: str = "GHAMFIN"
) -> None:
    page.get_by_role("button", name="Add members").click()
    _field(page, "Id").fill(member_id)
    _field(page, "Name").fill(name)
    _field(page, "Acronym").fill(acronym)
    _field(page, "Kind").fill("national-association")
    page.keyboard.press("Enter")
    _field(page, "Country").fill("GH")
    _field(page, "Region").fill("Africa")
    page.get_by_role("option", name="Africa").click()
    page.get_by_role("button", name="Add years").last.click()
    _field(page, "Years").fill("2013")


def test_a_member_added_in_the_form_is_saved_checked_and_shown(editing, editor):
    url, project = editing
    members = project / "data" / "members.yml"
    before = members.read_text(encoding="utf-8")
    page = editor.page
    _open(page, url, "members")
    _add_member(page, "ghamfin")
    _publish(page)
    _wait_for(lambda: members.read_text(encoding="utf-8") != before, "save of members.yml")
    # The header, every entry before and their formatting as they were; the new entry last,
    # written as `sphub new` writes one.
    assert members.read_text(encoding="utf-8") == before + NEW_MEMBER
    check = subprocess.run(
        [sys.executable, "-m", "sphub.cli", "validate", "--data", str(project / "data")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    heading = page.get_by_role("heading", name="Ghana Microfinance Network (GHAMFIN)")

    # Asked for outside the browser until the rebuild has written it (a 404 before that
    # would be a console error), then opened again until it shows: the preview's rebuild,
    # then the French and Spanish ones, each end by reloading the open pages, and one may
    # land as the page opens.
    _wait_for(lambda: "GHAMFIN" in _get(url + "members/ghamfin/"), "member's page built")

    def shown() -> bool:
        page.goto(url + "members/ghamfin/")
        return heading.is_visible()

    _wait_for(shown, "member's page")


def test_a_save_sphub_refuses_shows_why_and_writes_nothing(editing, editor):
    url, project = editing
    members = project / "data" / "members.yml"
    before = members.read_text(encoding="utf-8")
    page = editor.page
    _open(page, url, "members")
    _add_member(page, "ama")  # the id of the first member
    logged = len(editor.errors)
    toast = page.locator(".Toastify__toast--error", has_text="Failed to persist entry")
    toast.wait_for(state="detached")  # none left from an earlier test in this page
    _publish(page)
    refusal = page.locator("#sphub-refusal")
    refusal.wait_for(timeout=WAIT * 1000)
    # In the form's words: the entry by its name, the field by its label.
    assert (
        refusal.locator("pre")
        .inner_text()
        .startswith("Member 'Ghana Microfinance Network', Id: expected an id not used before")
    )
    page.screenshot(path=str(project.parent / "refused.png"))
    # Decap's own message of the failed save goes by itself (its toast closes after
    # DECAP_ERROR_TOAST); sphub's refusal stays until dismissed.
    toast.wait_for(timeout=WAIT * 1000)
    toast.wait_for(state="detached", timeout=(DECAP_ERROR_TOAST + WAIT) * 1000)
    assert refusal.is_visible()
    refusal.get_by_role("button", name="Dismiss").click()
    assert refusal.count() == 0
    assert members.read_text(encoding="utf-8") == before
    # The editor logs the refused save (and the 422) to its console: expected here.
    editor.errors[:] = editor.errors[:logged]


def test_a_file_changed_under_an_open_form_is_not_overwritten(editing, editor):
    """A network renamed in a text editor while the form is open: the form's save is
    refused ("reload"), and the text editor's change stays."""
    url, project = editing
    members = project / "data" / "members.yml"
    page = editor.page
    _open(page, url, "members")
    _add_member(page, "new-network", "New Network", "NEWN")
    text = members.read_text(encoding="utf-8")
    changed = text.replace("name: Centre for Microfinance", "name: Centre for Micro-Finance", 1)
    assert changed != text
    members.write_text(changed, encoding="utf-8")
    logged = len(editor.errors)
    _publish(page)
    refusal = page.locator("#sphub-refusal")
    refusal.wait_for(timeout=WAIT * 1000)
    assert refusal.locator("pre").inner_text() == "this file changed since you opened it: reload"
    page.screenshot(path=str(project.parent / "changed-under-the-form.png"))
    assert members.read_text(encoding="utf-8") == changed
    editor.errors[:] = editor.errors[:logged]


def test_two_tabs_the_second_save_is_refused_and_nothing_is_lost(editing, editor, browser):
    url, project = editing
    members = project / "data" / "members.yml"
    first = editor.page
    context, second = open_visit(browser, DESKTOP)
    try:
        second.page.goto(url + "admin/")
        second.page.get_by_role("button", name="Login").click()
        for page in (first, second.page):
            _open(page, url, "members")
        _add_member(first, "first-tab", "First Tab Network", "FTN")
        _publish(first)
        _wait_for(lambda: "id: first-tab" in members.read_text(encoding="utf-8"), "first save")
        saved = members.read_text(encoding="utf-8")
        _add_member(second.page, "second-tab", "Second Tab Network", "STN")
        _publish(second.page)
        refusal = second.page.locator("#sphub-refusal")
        refusal.wait_for(timeout=WAIT * 1000)
        assert refusal.locator("pre").inner_text() == (
            "this file changed since you opened it: reload"
        )
        assert members.read_text(encoding="utf-8") == saved
    finally:
        context.close()


def test_a_country_is_found_by_its_code_or_its_name(editing, editor):
    url, _ = editing
    page = editor.page
    _open(page, url, "members")
    page.get_by_role("button", name="Add members").click()
    country = _field(page, "Country")
    country.fill("GH")
    country.blur()
    assert country.input_value() == "GH"
    assert page.locator(".sphub-chosen").last.inner_text() == "Ghana"
    country.fill("Ghana")
    country.blur()
    assert country.input_value() == "GH"


def test_going_from_one_collection_to_another_by_address(editing, editor):
    url, _ = editing
    page = editor.page
    _open(page, url, "members")
    page.goto(f"{url}admin/#/collections/events/entries/events")
    count = len(_data(editing, "events"))
    page.get_by_text(re.compile(rf"^{count} events$", re.I)).first.wait_for()


def _data(editing, key: str) -> list:
    _, project = editing
    return yaml.safe_load((project / "data" / f"{key}.yml").read_text(encoding="utf-8"))[key]


def _save_from_page(page, url: str, path: str, raw: str, version: str) -> dict:
    """What the editor sends on a save, sent from its own page (same origin)."""
    return page.evaluate(
        """async ([url, path, raw, version]) => {
            const response = await fetch(url + "api/v1", {method: "POST",
                headers: {"Content-Type": "application/json"},
                body: JSON.stringify({action: "persistEntry", params: {
                    dataFiles: [{path, raw, slug: "x", version}], assets: [], options: {}}})});
            return {status: response.status, body: await response.json()};
        }""",
        [url, path, raw, version],
    )


def test_a_missing_member_and_an_end_before_the_start_are_refused(editing, editor):
    url, project = editing
    events = project / "data" / "events.yml"
    before = events.read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    first = data["events"][0]
    first["attending_members"] = [*first.get("attending_members", []), "no-such-member"]
    first["end"] = "2000-01-01"
    logged = len(editor.errors)
    version = hashlib.sha256(before.encode()).hexdigest()
    raw = json.dumps(data, default=str)
    answer = _save_from_page(editor.page, url, "data/events.yml", raw, version)
    assert answer["status"] == 422
    error = answer["body"]["error"]
    assert re.search(rf"Event '{re.escape(first['title'])}', Attending members \d+: ", error)
    assert "no-such-member" in error
    assert f"Event '{first['title']}', End: expected" in error
    assert events.read_text(encoding="utf-8") == before
    editor.errors[:] = editor.errors[:logged]  # the browser logs the 422: expected here


@pytest.mark.parametrize("key", list(COLLECTIONS))
def test_every_collection_opens_without_an_error(editing, open_editor, key):
    url, _ = editing
    _open(open_editor.page, url, key)
    assert open_editor.page.get_by_role("button", name=re.compile(r"^Add ")).first.is_visible()


def test_an_edited_event_changes_only_the_line_edited(editing, editor):
    url, project = editing
    events = project / "data" / "events.yml"
    before = events.read_text(encoding="utf-8")
    page = editor.page
    _open(page, url, "events")
    # Open the entry: the first button of its bar (Decap's list items have no accessible name).
    item = page.locator("[class*='SortableListItem']").filter(has_text="(SPI)").first
    item.locator("button").first.click()
    title = page.locator("input[id^='title-field']").first
    assert title.input_value() == "Training on CERISE's social audit tool (SPI)"
    title.fill("Training on CERISE's social audit tool (SPI) in Bangkok")
    _publish(page)
    _wait_for(lambda: events.read_text(encoding="utf-8") != before, "save of events.yml")
    after = events.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [
        (
            "    title: Training on CERISE's social audit tool (SPI)",
            "    title: Training on CERISE's social audit tool (SPI) in Bangkok",
        )
    ]
    assert len(after.splitlines()) == len(before.splitlines())


def test_a_french_translation_is_edited_beside_its_english(editing, editor):
    """The French tools, each text under its English; a save changes only that line."""
    url, project = editing
    path = project / "data" / "translations" / "fr" / "tools.yml"
    before = path.read_text(encoding="utf-8")
    page = editor.page
    page.goto(f"{url}admin/#/collections/tools_fr/entries/tools_fr")
    page.get_by_text(re.compile(r"^\d+ tools \(français\)$", re.I)).first.wait_for()
    page.locator("[class*='SortableListItem']").first.locator("button").first.click()
    english = page.locator("input[id^='name__en-field']").first
    french = page.locator("input[id^='name-field']").first
    assert english.input_value() == "Universal Standards for Social Performance Management"
    old = french.input_value()
    assert old and old != english.input_value()
    french.fill("Normes universelles (GPS)")
    page.screenshot(path=str(project.parent / "translation-form.png"))
    _publish(page)
    _wait_for(lambda: path.read_text(encoding="utf-8") != before, "save of the French tools")
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [(f"    name: {old}", "    name: Normes universelles (GPS)")]
