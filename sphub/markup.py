"""Markdown from data fields, rendered and then cleaned with an allow-list: whatever a YAML
file holds, the page gets only these tags, these attributes and http(s) or relative links."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr", "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One converter for every call: building one costs more than converting a paragraph."""
    converter = markdown.Markdown(extensions=["tables", "sane_lists"])
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> Markup:
    """Render Markdown `text` to safe HTML. Headings inside data start at h3: pages own h1
    and h2. Raw HTML in the text is escaped before Markdown sees it."""
    html = _converter().reset().convert(text)
    # The converter wrote every tag here (raw HTML is off), so this only touches headings.
    html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 6)}>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(clean)
