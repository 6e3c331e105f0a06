"""Our own CSS is well-formed: a lost brace (easy in a merge) silently disables every rule
after it, in the browser and in print."""

from __future__ import annotations

import re

from conftest import ROOT


def test_css_braces_balance():
    for css in sorted((ROOT / "docs" / "assets").glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(), flags=re.S)
        text = re.sub(r'"[^"]*"|\'[^\']*\'', "", text)
        depth = 0
        for number, line in enumerate(text.splitlines(), 1):
            depth += line.count("{") - line.count("}")
            assert depth >= 0, f"{css.name}:{number}: '}}' without its '{{'"
        assert depth == 0, f"{css.name}: {depth} block(s) left open"
