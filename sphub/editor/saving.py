"""A save from the browser editor, applied onto the file as it is and checked before it is
written.

The editor sends the whole file as it serialised it (its YAML has no comments, its own
quoting and order of keys), and the version of the file it was made from. A save from an
older version is refused (Changed): it would undo what changed since. sphub does not write
the editor's text: it reads the values and changes the file on disk only where they differ
(sphub.data.writer.with_entries: every other line stays byte for byte); an entry renamed in
the form keeps its old id in `old_ids`, so that its old address still works. The result is then
checked like the build checks it (the models and the cross-checks over the whole of data/),
and refused with sphub's one-line problems when anything is wrong."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

from sphub.data.errors import DataError, Problem
from sphub.data.load import load_site
from sphub.data.pages import front_matter, page_problems
from sphub.data.reader import read_yaml
from sphub.data.translations import FOLDER
from sphub.data.writer import with_entries, without_empty
from sphub.editor.translating import from_view
from sphub.models import Collection
from sphub.models.types import PagedEntry

# One save at a time: a save compares the file's version and writes it in one step.
_SAVING = threading.Lock()


class Changed(Exception):
    """The file is not the version the save was made from: saving would undo the change."""


def version_of(raw: bytes) -> str:
    """The version of a file's bytes, as the editor is told it and states it when it saves
    (as a git host's API names a blob by its sha)."""
    return hashlib.sha256(raw).hexdigest()


def entries_sent(name: str, raw: str, collection: Collection) -> list[dict]:
    """The entries in the text the editor sent, read like any data file (no tags, no
    aliases, sizes bounded), without the fields it left empty."""
    yf, problems = read_yaml(name, raw.encode("utf-8"))
    if problems:
        raise DataError(problems)
    value = yf.value if isinstance(yf.value, dict) else {}
    entries = value.get(collection.key) or []
    if not isinstance(entries, list) or set(value) - {collection.key}:
        raise DataError(
            [Problem(name, 1, collection.key, f"only '{collection.key}:' and its list", "more")]
        )
    return [without_empty(e) if isinstance(e, dict) else e for e in entries]


def renamed(name: str, collection: Collection, old: list, sent: list) -> list:
    """`sent` with the old id of each entry renamed in the form added to its `old_ids`, so
    that its old address still leads to it. An entry renamed is one whose new id is at the
    place of an entry whose id is no longer there. A collection without `old_ids` (whose
    entries have no page) refuses a rename, with that advice."""
    sent_ids = {e.get("id") for e in sent if isinstance(e, dict)}
    old_ids = {e.get("id") for e in old if isinstance(e, dict)}
    keeps_old = issubclass(collection.model, PagedEntry)
    out = []
    for position, entry in enumerate(sent):
        before = old[position] if position < len(old) else None
        if (
            isinstance(entry, dict)
            and isinstance(before, dict)
            and entry.get("id") not in old_ids
            and before.get("id") not in sent_ids
            and isinstance(before.get("id"), str)
        ):
            if not keeps_old:
                raise DataError(
                    [
                        Problem(
                            name,
                            1,
                            f"{collection.key}[{position + 1}].id",
                            f"the id '{before['id']}' as it was (an id is how other entries "
                            "refer to this one: add a new entry instead, and remove this one)",
                            f"'{entry.get('id')}'",
                        )
                    ]
                )
            kept = [i for i in entry.get("old_ids") or [] if i != entry.get("id")]
            if before["id"] not in kept:
                kept.append(before["id"])
            entry = {**entry, "old_ids": kept}
        out.append(entry)
    return out


def checked(data_dir: Path, relative: str, text: str) -> None:
    """Raise DataError (every problem, as `sphub validate` reports them) unless data/ with
    this text as its file `relative` (`members.yml`, `translations/fr/tools.yml`) is valid."""
    with tempfile.TemporaryDirectory(prefix="sphub-save-") as scratch:
        copy = Path(scratch) / "data"
        # The whole folder (translations included), links kept as links: the check refuses
        # them as the build does.
        shutil.copytree(data_dir, copy, symlinks=True, copy_function=_link_or_copy)
        (copy / relative).unlink(missing_ok=True)
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        (copy / relative).write_text(text, encoding="utf-8")
        load_site(copy)


def _link_or_copy(source: str, target: str) -> None:
    """A file of the copy `checked` makes: a hard link where the file system allows one (a
    sixth of the time of a copy; the check only reads the files, and the saved file is
    removed before its new text is written), a copy otherwise."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _replace(path: Path, text: str) -> None:
    """Write `text` as `path`, whole, by a rename: never half a file."""
    fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(scratch, path)


def save(data_dir: Path, collection: Collection, raw: str, version: str) -> str:
    """Apply the editor's text `raw` onto the collection's file, check it, and write it.
    `version` is the version of the file the editor opened: when the file changed since
    (another tab, a text editor), Changed is raised and nothing is written. Returns the
    version written. Raises DataError, and writes nothing, when the result is invalid."""
    path = data_dir / collection.file
    name = f"data/{collection.file}"
    with _SAVING:
        before = path.read_bytes()
        if version_of(before) != version:
            raise Changed(name)
        source = before.decode("utf-8", errors="replace")
        yf, problems = read_yaml(name, before)  # the file as it is, read safely
        if problems:
            raise DataError(problems)
        old = yf.value.get(collection.key) or []
        sent = renamed(name, collection, old, entries_sent(name, raw, collection))
        text = with_entries(source, name, collection, sent)
        checked(data_dir, collection.file, text)
        if text != source:
            _replace(path, text)
        return version_of(text.encode("utf-8"))


def save_translation(
    data_dir: Path, collection: Collection, language: str, raw: str, version: str
) -> str:
    """As `save`, for `language`'s translation of the collection, from the editor's view of
    it (sphub.editor.translating): the English it shows is not saved. A new file starts with
    a line saying what it is."""
    relative = f"{FOLDER}/{language}/{collection.file}"
    path, name = data_dir / relative, f"data/{relative}"
    with _SAVING:
        before = path.read_bytes() if path.is_file() else b""
        if version_of(before) != version:
            raise Changed(name)
        source = before.decode("utf-8", errors="replace") or (
            f"# The {language} translation of data/{collection.file} (EDITING.md).\n"
            f"{collection.key}: []\n"
        )
        sent = from_view(entries_sent(name, raw, collection))
        text = with_entries(source, name, collection, sent)
        checked(data_dir, relative, text)
        if text != source or not before:
            path.parent.mkdir(parents=True, exist_ok=True)
            _replace(path, text)
        return version_of(text.encode("utf-8"))


def save_page(page: Path, name: str, raw: str, version: str) -> str:
    """Write the hand-written page `page` (shown as `name`) as the editor sent it, once it
    passes the pages' check (sphub.data.pages: front matter, no literal '{{'). The front
    matter keeps its text, comments included, when its values are the same (the editor
    writes it again in its own way). Changed and DataError as for `save`."""
    with _SAVING:
        before = page.read_bytes()
        if version_of(before) != version:
            raise Changed(name)
        source = before.decode("utf-8", errors="replace")
        text = raw.replace("\r\n", "\n")
        old_front, old_size = front_matter(source)
        new_front, new_size = front_matter(text)
        if old_size > 0 and new_size > 0:
            old_values = read_yaml(name, (old_front or "").encode())[0].value
            new_values = read_yaml(name, (new_front or "").encode())[0].value
            if without_empty(old_values or {}) == without_empty(new_values or {}):
                head = "\n".join(source.split("\n")[:old_size])
                text = head + "\n" + "\n".join(text.split("\n")[new_size:])
        if not text.endswith("\n"):
            text += "\n"
        with tempfile.TemporaryDirectory(prefix="sphub-page-") as scratch:
            copy = Path(scratch) / page.name
            copy.write_text(text, encoding="utf-8")
            problems = page_problems(copy, name)
        if problems:
            raise DataError(problems)
        if text != source:
            _replace(page, text)
        return version_of(text.encode("utf-8"))
