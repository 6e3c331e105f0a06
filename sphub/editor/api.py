"""The local editing server's protocol: what Decap CMS's proxy backend asks (`POST /api/v1`
with `{"action": ..., "params": ...}`, as `decap-server` answers it), answered on the data
files, their translations (`data/translations/fr/tools.yml`, shown with their English:
sphub.editor.translating) and the hand-written pages at the top of docs/ only.

Every file read is given with its version (`file.id`, the hash of its bytes, as a git host's
API names a blob by its sha), and every save states the version it was made from
(`dataFiles[].version`, added by admin/sphub-admin.js): a save from an older version is
refused with CHANGED and writes nothing, so neither a second tab nor a text editor's change
is undone.

Every path the editor names must be one of those files: a path elsewhere, with `..`,
absolute, or a symbolic link is refused. A save is applied and checked by sphub.editor.saving
before anything is written. Each refusal is one line that says why; a save refused for its
data lists sphub's problems, one a line, the entry and field named in the form's words
(`in_form_words`), with their count in the editor's language (sphub.editor.words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sphub.data.errors import DataError, Problem
from sphub.data.fields import fields_of
from sphub.editor.config import label, summary_field
from sphub.data.translations import FOLDER, languages
from sphub.editor.saving import (
    Changed,
    entries_sent,
    save,
    save_page,
    save_translation,
    version_of,
)
from sphub.editor.translating import view_text
from sphub.editor.words import CHANGED, NO_VERSION, ONE_PROBLEM, PROBLEMS, gettext
from sphub.models import COLLECTIONS, Collection


@dataclass(frozen=True)
class Answer:
    status: int
    body: object  # JSON


class Refused(Exception):
    """A request the server does not carry out, with the one line that says why."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def target_of(root: Path, path: object) -> tuple[Collection, str | None]:
    """The collection whose data file `path` (relative to the project, as the editor names
    it) is, and the language when it is a translation (`data/translations/fr/tools.yml`);
    Refused for anything else."""
    if not isinstance(path, str) or not path:
        raise Refused(400, f"refused: expected the path of a data file, got {path!r}")
    pure = PurePosixPath(path)
    if pure.is_absolute() or "\\" in path or ":" in path:
        raise Refused(403, f"refused: {path!r} is an absolute path; only data/*.yml can be edited")
    if ".." in pure.parts:
        raise Refused(403, f"refused: {path!r} goes up a folder ('..'); only data/*.yml")
    parts = pure.parts
    language = None
    if len(parts) == 4 and parts[:2] == ("data", FOLDER):
        language = parts[2]
        if language not in languages(root / "data")[1:]:
            raise Refused(403, f"refused: {path!r}: the site has no language '{language}'")
    elif len(parts) > 2 and parts[0] == "data":
        raise Refused(403, f"refused: {path!r} is in a folder under data/; only data/*.yml")
    elif len(parts) != 2 or parts[0] != "data":
        raise Refused(403, f"refused: {path!r} is outside data/; only data/*.yml can be edited")
    collection = next((c for c in COLLECTIONS.values() if c.file == pure.name), None)
    if collection is None or (language and not collection.translated):
        raise Refused(403, f"refused: {path!r} is not one of the data files")
    folder = root.joinpath(*parts[:-1])
    for step in [root / "data", *folder.parents, folder, folder / pure.name]:
        if step.is_relative_to(root / "data") and step.is_symlink():
            raise Refused(403, f"refused: {path!r} is a symbolic link; only plain files are edited")
    return collection, language


def page_at(root: Path, path: object) -> Path:
    """The hand-written page `path` names (`docs/about.md`, `docs/about.fr.md`): a Markdown
    file at the top of docs/, plain; Refused for anything else."""
    if not isinstance(path, str) or not path:
        raise Refused(400, f"refused: expected the path of a page, got {path!r}")
    pure = PurePosixPath(path)
    if len(pure.parts) != 2 or pure.parts[0] != "docs" or pure.suffix != ".md" or ".." in path:
        raise Refused(403, f"refused: {path!r} is not a page at the top of docs/")
    page = root / "docs" / pure.name
    if (root / "docs").is_symlink() or page.is_symlink() or not page.is_file():
        raise Refused(403, f"refused: {path!r} is not a plain page in docs/")
    return page


def _page(root: Path, path: str) -> dict:
    raw = page_at(root, path).read_bytes()
    return {"data": raw.decode("utf-8"), "file": {"path": path, "id": version_of(raw)}}


def collection_at(root: Path, path: object) -> Collection:
    return target_of(root, path)[0]


def _entry(root: Path, path: str, label: object = None) -> dict:
    collection, language = target_of(root, path)
    file_path = root / PurePosixPath(path)
    raw = file_path.read_bytes() if file_path.is_file() or not language else b""
    if language:
        text = view_text(root / "data", collection, language)
    else:
        text = raw.decode("utf-8")
    file = {"path": path, "id": version_of(raw)}
    if label is not None:
        file["label"] = label
    return {"data": text, "file": file}


def handle(root: Path, request: object) -> Answer:
    """Answer one request of the editor, for the project at `root`."""
    try:
        return Answer(200, _answer(root, request))
    except Refused as refused:
        return Answer(refused.status, {"error": refused.reason})


def _answer(root: Path, request: object) -> object:
    if not isinstance(request, dict):
        raise Refused(400, "refused: expected a JSON object with an action")
    action, params = request.get("action"), request.get("params") or {}
    if not isinstance(params, dict):
        raise Refused(400, "refused: expected params as a JSON object")
    if action == "info":
        return {"repo": root.name, "publish_modes": ["simple"], "type": "local_fs"}
    if action in ("entriesByFiles",):
        files = params.get("files") or []
        if not isinstance(files, list):
            raise Refused(400, "refused: expected a list of files")
        return [
            _entry(root, f.get("path") if isinstance(f, dict) else f, f.get("label")) for f in files
        ]
    if action == "getEntry":
        path = params.get("path")
        if isinstance(path, str) and path.startswith("docs/"):
            return _page(root, path)
        return _entry(root, path)
    if action == "entriesByFolder":
        # The hand-written pages are the one folder collection; the data are files.
        if params.get("folder") == "docs":
            pages = sorted(p.name for p in (root / "docs").glob("*.md") if not p.is_symlink())
            return [_page(root, f"docs/{name}") for name in pages]
        if params.get("folder") != "data":
            raise Refused(403, f"refused: {params.get('folder')!r} is not data/ or docs/")
        return [_entry(root, f"data/{c.file}") for c in COLLECTIONS.values()]
    if action == "persistEntry":
        files = params.get("dataFiles") or ([params["entry"]] if "entry" in params else [])
        if params.get("assets"):
            raise Refused(403, "refused: the editor saves data files only, not media files")
        if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], dict):
            raise Refused(400, "refused: expected one data file to save")
        file = files[0]
        if file.get("newPath") not in (None, file.get("path")):
            raise Refused(403, "refused: a data file cannot be renamed or moved")
        if not isinstance(file.get("raw"), str):
            raise Refused(400, "refused: expected the file's text")
        version, language = file.get("version"), params.get("language")
        if isinstance(file.get("path"), str) and file["path"].startswith("docs/"):
            page = page_at(root, file["path"])
            if not isinstance(version, str):
                raise Refused(409, gettext(language, NO_VERSION))
            try:
                written = save_page(page, file["path"], file["raw"], version)
            except Changed:
                raise Refused(409, gettext(language, CHANGED)) from None
            except DataError as err:
                raise Refused(422, "\n".join(str(p) for p in err.problems)) from None
            return {"message": "entry persisted", "version": written, "path": file["path"]}
        collection, translation = target_of(root, file.get("path"))
        if not isinstance(version, str):
            raise Refused(409, gettext(language, NO_VERSION))
        try:
            if translation:
                written = save_translation(
                    root / "data", collection, translation, file["raw"], version
                )
            else:
                written = save(root / "data", collection, file["raw"], version)
        except Changed:
            raise Refused(409, gettext(language, CHANGED)) from None
        except DataError as err:
            raise Refused(422, refusal(err, collection, file["raw"], language)) from None
        return {"message": "entry persisted", "version": written, "path": file["path"]}
    if action == "getMedia":
        return []  # no media: the editor edits data files only
    if action in ("getMediaFile", "persistMedia", "deleteFile", "deleteFiles"):
        raise Refused(403, f"refused: {action} is not allowed; the editor only edits data files")
    if action == "getDeployPreview":
        return None
    raise Refused(422, f"refused: unknown action {action!r}")


def _kind(collection: Collection) -> str:
    """'Event' for events, 'Work plan' for work plans: the model's name in words."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", collection.model.__name__).capitalize()


def in_form_words(problem: Problem, collection: Collection, entries: list) -> str:
    """A problem of the file being saved, in the words of the form: the entry by its name
    and the field by its label ("Event 'Regional meeting', Organisers 2: expected ...");
    a problem elsewhere (another file) as `sphub validate` prints it."""
    found = re.match(rf"^{re.escape(collection.key)}\[(\d+)\](.*)$", problem.path)
    if problem.file != f"data/{collection.file}" or not found:
        return str(problem)
    index = int(found.group(1)) - 1
    entry = entries[index] if 0 <= index < len(entries) else None
    name = entry.get(summary_field(collection.model)) if isinstance(entry, dict) else None
    where = f"{_kind(collection)} '{name}'" if name else f"{_kind(collection)} {index + 1}"
    model, words = collection.model, []
    for step in re.findall(r"\.([^.\[]+)|\[(\d+)\]", found.group(2)):
        if step[0]:
            doc = next((f for f in fields_of(model) if f.name == step[0]), None) if model else None
            model = doc.model if doc else None
            words.append(label(step[0]))
        elif words:
            words[-1] += f" {step[1]}"
    field = f", {' › '.join(words)}" if words else ""
    return f"{where}{field}: expected {problem.expected}, got {problem.got}"


def refusal(err: DataError, collection: Collection, raw: str, language: object = "en") -> str:
    """The lines of a refused save: every problem, in the form's words where it can be, and
    their count in the editor's language."""
    try:
        entries = entries_sent(f"data/{collection.file}", raw, collection)
    except DataError:
        entries = []
    lines = [in_form_words(p, collection, entries) for p in err.problems]
    count = len(lines)
    last = ONE_PROBLEM if count == 1 else PROBLEMS
    lines.append(gettext(language, last).replace("%(count)s", str(count)))
    return "\n".join(lines)
