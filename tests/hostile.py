"""Hostile data for the injection tests: payloads planted in every string field of every entry,
found from the models (so a collection or field added later is covered without a change here),
and scanners that read every file of a built site by its type and report anything from the
data that would run, load or leak."""

from __future__ import annotations

import copy
import csv
import gzip
import io
import json
import re
import shutil
import subprocess
import types
import typing
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePosixPath
from xml.etree import ElementTree

from pydantic import BaseModel, ValidationError

from sphub.data.fields import nested_models

TOKEN = re.compile(r"SPX\d{4}")


def one_line(t: str) -> str:
    """The payload for one-line text fields; every attack carries the token `t`."""
    return (
        f'=HYPERLINK("https://evil.example/{t}","x") <script>alert("{t}")</script>'
        f' <img src=x onerror=alert("{t}")> "><svg onload=alert("{t}")>'
        f' \' onmouseover=\'alert("{t}")\' </script><script>alert("{t}")</script>'
        f' </title><script>alert("{t}")</script> javascript:alert("{t}")'
        f' [link {t}](javascript:alert("{t}")) &lt;script&gt;alert("{t}")&lt;/script&gt;'
        f' TPL{t}{{{{ 7*7 }}}} CFG{t}{{{{ config }}}} INC{t}{{% include "mkdocs.yml" %}}'
        f" MAC{t}{{{{ macros_info() }}}} ]]> --> {t}"  # (U+2028 is refused at load)
    )


def address(t: str) -> str:
    """The payload for web-address fields: a valid https address that tries to break out of
    the attribute it is written into."""
    return f'https://example.org/{t}/"><script>alert("{t}")</script><img/src=x/onerror=alert(1)>'


def markdown(t: str) -> str:
    """The payload for Markdown fields: raw HTML, Markdown link tricks, line injection."""
    return f"""{one_line(t)}

<script>alert("{t}")</script>

<a href="javascript:alert('{t}')" onclick="alert('{t}')">raw link {t}</a>

[a {t}](javascript:alert("{t}")) [b {t}](JaVaScRiPt:alert("{t}"))
[c {t}](java&#x09;script:alert("{t}")) [d {t}](&#106;avascript:alert("{t}"))
[e {t}](<javascript:alert("{t}")>) <javascript:alert("{t}")>
[f {t}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [g {t}](vbscript:msgbox)
[h {t}](//evil.example/{t}) ![i {t}](https://evil.example/{t}.png)
[j {t}](https://example.org/{t} "title" onclick="alert('{t}')") [k {t}][ref-{t}]
[l {t}](https://example.org/{t})

[ref-{t}]: javascript:alert("{t}")

BEGIN:VEVENT
X-SPHUB-INJECTED:{t}
END:VEVENT
"""


def strip_annotated(annotation):
    """Annotated[X, ...] -> X."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def options(annotation) -> list:
    """The types a field may hold: Optional and unions split, None left out."""
    annotation = strip_annotated(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [o for a in typing.get_args(annotation) for o in options(a)]
    return [] if annotation is type(None) else [annotation]


def is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def list_item(tp):
    if typing.get_origin(tp) is list:
        return strip_annotated(typing.get_args(tp)[0])
    return None


def string_fields(model: type[BaseModel], seen: set | None = None) -> set[str]:
    """Every field of `model` and the models nested in it that may hold text, as
    'Model.field', found from the annotations."""
    seen = set() if seen is None else seen
    found: set[str] = set()
    if model in seen:
        return found
    seen.add(model)
    for name, info in model.model_fields.items():
        for tp in options(info.annotation):
            item = list_item(tp)
            for t in options(item) if item is not None else [tp]:
                if t is str:
                    found.add(f"{model.__name__}.{name}")
                elif is_model(t):
                    found |= string_fields(t, seen)
    return found


@dataclass
class Planter:
    """Plants a payload with its own token in every string field the models accept it in.

    A field that refuses every payload (ids, references, codes, dates) is left as it was and
    recorded as `refused`: its validation is the protection."""

    donors: dict[type, list[dict]] = field(default_factory=lambda: defaultdict(list))
    where: dict[str, str] = field(default_factory=dict)  # token -> 'events[0].title'
    planted: set[str] = field(default_factory=set)  # 'Model.field'
    refused: set[str] = field(default_factory=set)

    def collect_donors(self, model: type[BaseModel], raw: dict) -> None:
        """Remember valid nested values, to fill a nested field an entry leaves empty."""
        self.donors[model].append(copy.deepcopy(raw))
        for name, info in model.model_fields.items():
            value = raw.get(name)
            for tp in options(info.annotation):
                item = list_item(tp)
                if is_model(tp) and isinstance(value, dict):
                    self.collect_donors(tp, value)
                elif item is not None and is_model(item) and isinstance(value, list):
                    for v in value:
                        if isinstance(v, dict):
                            self.collect_donors(item, v)

    def token(self, path: str) -> str:
        t = f"SPX{len(self.where):04d}"
        self.where[t] = path
        return t

    def plant(self, model: type[BaseModel], raw: dict, path: str, valid) -> None:
        """Plant in every field of `raw` (an instance of `model`); `valid()` says whether the
        whole entry still validates."""
        for name, info in model.model_fields.items():
            key = f"{model.__name__}.{name}"
            for tp in options(info.annotation):
                item = list_item(tp)
                if tp is str:
                    self._try_text(raw, name, key, f"{path}.{name}", valid)
                elif is_model(tp):
                    self._nested(raw, name, tp, f"{path}.{name}", valid)
                elif item is str or (item is not None and str in options(item)):
                    self._text_list(raw, name, key, f"{path}.{name}", valid)
                elif item is not None and is_model(item):
                    self._model_list(raw, name, item, f"{path}.{name}", valid)

    def _try_text(self, raw, name, key, path, valid) -> bool:
        """Put a payload at raw[name] (raw: a mapping, or a list and an index)."""
        missing = object()
        before = raw.get(name, missing) if isinstance(raw, dict) else raw[name]
        t = self.token(path)
        for payload in (markdown(t), one_line(t), address(t)):
            raw[name] = payload
            if valid():
                self.planted.add(key)
                return True
        if before is missing:
            del raw[name]
        else:
            raw[name] = before
        self.refused.add(key)
        return False

    def _text_list(self, raw, name, key, path, valid) -> None:
        before = raw.get(name)
        items = list(before) if isinstance(before, list) and before else [None]
        raw[name] = items
        for i in range(len(items)):
            if not self._try_text(items, i, key, f"{path}[{i}]", valid) and items[i] is None:
                if before is None:
                    raw.pop(name)
                else:
                    raw[name] = before
                return

    def _nested(self, raw, name, model, path, valid) -> None:
        if not isinstance(raw.get(name), dict):
            for donor in self.donors.get(model, []):
                raw[name] = copy.deepcopy(donor)
                if valid():
                    break
            else:
                raw.pop(name, None)
                return
        self.plant(model, raw[name], path, valid)

    def _model_list(self, raw, name, model, path, valid) -> None:
        if not raw.get(name):
            for donor in self.donors.get(model, []):
                raw[name] = [copy.deepcopy(donor)]
                if valid():
                    break
            else:
                raw.pop(name, None)
                return
        for i, item in enumerate(raw[name]):
            if isinstance(item, dict):
                self.plant(model, item, f"{path}[{i}]", valid)


# Nested models that the shipped data leaves empty everywhere, so no entry can lend one: a
# minimal valid value each, to carry payloads. The coverage test names any model missing here.
SEED_DONORS = {"Link": {"title": "A page about the tool", "url": "https://example.org/tool"}}


def plant_everywhere(data: dict[str, dict], collections) -> Planter:
    """Plant payloads in `data` (file key -> the file's parsed YAML), in place."""
    planter = Planter()
    for model in {m for c in collections.values() for m in nested_models(c.model)}:
        if model.__name__ in SEED_DONORS:
            planter.donors[model].append(copy.deepcopy(SEED_DONORS[model.__name__]))
    for key, collection in collections.items():
        for raw in data[key][key] or []:
            planter.collect_donors(collection.model, raw)
    for key, collection in collections.items():
        for index, raw in enumerate(data[key][key] or []):

            def valid(model=collection.model, raw=raw) -> bool:
                try:
                    model.model_validate(raw)
                except ValidationError:
                    return False
                return True

            planter.plant(collection.model, raw, f"{key}[{index}]", valid)
    return planter


# --- Scanning the output ---------------------------------------------------------------------

DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.I)
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcset",
    "cite",
    "ping",
}
# Attributes that make the browser fetch something as soon as the page loads.
LOADED = {
    ("img", "src"),
    ("img", "srcset"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
    ("input", "src"),
    ("video", "poster"),
}
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def _bare(url: str) -> str:
    """A URL as a browser reads its scheme: entities decoded already, spaces and controls out."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url)


def _external(url: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:)?//", _bare(url), re.I))


class _HtmlScan(HTMLParser):
    def __init__(self, report):
        super().__init__(convert_charrefs=True)
        self.report = report
        self.script: list[str] | None = None
        self.script_type = ""

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            value = value or ""
            tokens = TOKEN.findall(value)
            if name.startswith("on"):
                self.report(f"<{tag} {name}=...> event handler: {value[:80]!r}", tokens)
            if name in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(_bare(value)):
                self.report(f"<{tag} {name}={value[:60]!r}>: a script or data address", tokens)
            if (tag, name) in LOADED and _external(value):
                self.report(f"<{tag} {name}={value[:60]!r}>: loads from another host", tokens)
            if name == "style" and tokens:
                self.report(f"<{tag} style=...> from the data", tokens)
            if tag in ("base", "meta") and name in ("href", "http-equiv") and tokens:
                self.report(f"<{tag} {name}=...> from the data", tokens)
        if (
            tag == "a"
            and TOKEN.search(values.get("href") or "")
            and re.match(r"[/\\]{2}", _bare(values["href"]))
        ):
            self.report(
                f"a link to another host that looks site-relative: {values['href']!r}",
                TOKEN.findall(values["href"]),
            )
        if tag == "a" and _external(values.get("href") or ""):
            rel = set((values.get("rel") or "").split())
            if not {"noopener", "noreferrer"} <= rel:
                self.report(
                    f"external link {values['href'][:60]!r} without "
                    f'rel="noopener noreferrer" (rel={values.get("rel")!r})',
                    TOKEN.findall(values["href"]),
                )
        if tag in ("iframe", "object", "embed", "frame", "form") and TOKEN.search(str(attrs)):
            self.report(f"<{tag}> element from the data", TOKEN.findall(str(attrs)))
        if tag == "script":
            self.script, self.script_type = [], (values.get("type") or "").strip().lower()
            if TOKEN.search(values.get("src") or ""):
                self.report("<script src> from the data", TOKEN.findall(values["src"]))

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            body = "".join(self.script)
            if self.script_type in SCRIPT_TYPES and TOKEN.search(body):
                self.report(f"a script runs data: {body[:80]!r}", TOKEN.findall(body))
            self.script = None


@dataclass
class Findings:
    """What the scan found: (file, message, tokens) and which tokens each type of file shows."""

    problems: list[tuple[str, str, list[str]]] = field(default_factory=list)
    seen: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    scanned: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, name: str, message: str, tokens) -> None:
        self.problems.append((name, message, sorted(set(tokens))))

    def lines(self, where: dict[str, str]) -> list[str]:
        return [
            f"{name}: {message}"
            + (f" [from {', '.join(where.get(t, t) for t in tokens)}]" if tokens else "")
            for name, message, tokens in self.problems
        ]


def _templates(name: str, text: str, found: Findings) -> None:
    """Template syntax from the data must arrive as written: never evaluated, never expanded."""
    for marker in re.finditer(r"(TPL|CFG|INC|MAC)(SPX\d{4})", text):
        rest = text[marker.end() : marker.end() + 12]
        # Whitespace: a PDF's text may break a line anywhere.
        if not re.match(r"\s*(\{|&#123;|&#x7b;|\\u007b)", rest, re.I):
            found.add(
                name, f"template code from the data was run: {marker[0]}{rest!r}", [marker[2]]
            )


def scan_html(name: str, text: str, found: Findings) -> None:
    _HtmlScan(lambda message, tokens: found.add(name, message, tokens)).feed(text)


def scan_json(name: str, text: str, found: Findings) -> None:
    value = json.loads(text)
    search_index = PurePosixPath(name).name == "search_index.json"

    def walk(v, key=""):
        if isinstance(v, dict):
            for k, item in v.items():
                walk(item, k)
        elif isinstance(v, list):
            for item in v:
                walk(item, key)
        elif isinstance(v, str):
            if DANGEROUS_SCHEME.match(_bare(v)):
                found.add(
                    name, f"a script or data address in {key!r}: {v[:60]!r}", TOKEN.findall(v)
                )
            # The search box shows titles and text of the index as HTML.
            if search_index and key in ("title", "text"):
                scan_html(f"{name} ({key})", v, found)

    walk(value)


def scan_csv(name: str, text: str, found: Findings) -> None:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            # A spreadsheet runs a cell that starts like a formula.
            if TOKEN.search(cell) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                found.add(
                    name, f"a spreadsheet formula from the data: {cell[:60]!r}", TOKEN.findall(cell)
                )


def scan_ics(name: str, text: str, found: Findings) -> None:
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    for line in re.split(r"\r\n|\n|\r", unfolded):
        if line.startswith("X-SPHUB-INJECTED") or (
            line.split(":", 1)[0].upper() in ("URL", "ATTACH")
            and DANGEROUS_SCHEME.match(_bare(line.split(":", 1)[1]))
        ):
            found.add(name, f"a calendar line from the data: {line[:60]!r}", TOKEN.findall(line))
    if unfolded.count("BEGIN:VEVENT") != unfolded.count("END:VEVENT"):
        found.add(name, "unbalanced BEGIN/END:VEVENT", [])


def scan_xml(name: str, text: str, found: Findings) -> None:
    root = ElementTree.fromstring(text.encode())
    for element in root.iter():
        tag = str(element.tag).rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject"):
            found.add(
                name, f"<{tag}> in XML", TOKEN.findall(ElementTree.tostring(element, "unicode"))
            )
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.startswith("on"):
                found.add(name, f"<{tag} {local}=...> event handler", TOKEN.findall(value))
            if local in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(_bare(value)):
                found.add(name, f"<{tag} {local}={value[:60]!r}>", TOKEN.findall(value))


def scan_pdf(name: str, raw: bytes, found: Findings) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    root = reader.trailer["/Root"]
    if "/OpenAction" in root or "/JavaScript" in (root.get("/Names") or {}):
        found.add(name, "the PDF runs an action or JavaScript when opened", [])
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            kind, uri = action.get("/S"), str(action.get("/URI", ""))
            if kind in ("/JavaScript", "/Launch") or DANGEROUS_SCHEME.match(_bare(uri)):
                found.add(name, f"a PDF link action {kind} {uri[:60]!r}", TOKEN.findall(uri))
    # The text as poppler reads it: pypdf's extract_text took 31 s for the 330 pages of the
    # hostile guide, pdftotext 1 s, and both find the same tokens and template markers.
    if shutil.which("pdftotext") is None:
        raise AssertionError("pdftotext is missing (apt-get install poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=raw, capture_output=True, check=True
    )
    return text.stdout.decode("utf-8")


def scan_file(name: str, raw: bytes, found: Findings) -> None:
    """Scan one file by its type; a zip or gzip file is opened and its contents scanned."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for member in archive.namelist():
                scan_file(f"{name}!{member}", archive.read(member), found)
        return
    if suffix == ".gz":
        scan_file(name[: -len(".gz")], gzip.decompress(raw), found)
        return
    text = scan_pdf(name, raw, found) if suffix == ".pdf" else raw.decode("utf-8", "replace")
    kind = {
        ".htm": "html",
        ".xhtml": "html",
        ".svg": "xml",
        ".rss": "xml",
        ".atom": "xml",
        ".ics": "ics",
        ".json": "json",
        ".csv": "csv",
        ".xml": "xml",
        ".html": "html",
        ".js": "js",
        ".pdf": "pdf",
    }.get(suffix, "other")
    found.scanned[kind] += 1
    found.seen[kind] |= set(TOKEN.findall(text))
    _templates(name, text, found)
    if kind == "html":
        scan_html(name, text, found)
    elif kind == "json":
        scan_json(name, text, found)
    elif kind == "csv":
        scan_csv(name, text, found)
    elif kind == "ics":
        scan_ics(name, text, found)
    elif kind == "xml":
        scan_xml(name, text, found)
