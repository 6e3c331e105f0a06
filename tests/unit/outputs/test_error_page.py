import json
import re

from sphub.outputs.error_page import SETTINGS, relative, write_error_pages


def test_addresses_from_the_root_become_relative():
    html = (
        '<link href="/assets/main.css"><script src="/assets/x.js"></script>'
        '<a href="/.">Home</a><a href="//cdn.example/x">other</a><a href="https://a.b/c">ext</a>'
        '<script id="__config" type="application/json">{"base": "/", "search": "/assets/w.js"}'
    )
    assert relative(html) == (
        '<link href="./assets/main.css"><script src="./assets/x.js"></script>'
        '<a href="./.">Home</a><a href="//cdn.example/x">other</a><a href="https://a.b/c">ext</a>'
        '<script id="__config" type="application/json">{"base": "./", "search": "./assets/w.js"}'
    )


def _settings(html: str) -> dict:
    found = re.search(r'id="sphub-not-found">(.*?)</script>', html)
    return json.loads(found[1])


def _site(tmp_path, home: str):
    for folder in ("", "fr/"):
        (tmp_path / folder).mkdir(exist_ok=True)
        page = f'<script type="application/json" id="sphub-not-found">{SETTINGS}</script>'
        (tmp_path / folder / "404.html").write_text(page + home, encoding="utf-8")
    (tmp_path / "members").mkdir()


def test_site_url_gives_the_base_and_addresses_stay_as_built(tmp_path):
    _site(tmp_path, '<a href="/sphub/">Home</a>')
    questions = {"fr": {"": ["decision-tree/q/a/", "</script><b>Q?</b>"]}}
    write_error_pages(tmp_path, "https://example.org/sphub/", {"en": "", "fr": "fr/"}, questions)
    html = (tmp_path / "fr" / "404.html").read_text(encoding="utf-8")
    assert html.endswith('<a href="/sphub/">Home</a>')
    # A question's text cannot end the script element it is written in.
    assert "</script><b>" not in html
    settings = _settings(html)
    assert settings["base"] == "/sphub/" and "sphubLoad()" not in html
    assert settings["lang"] == "fr" and settings["langs"] == {"en": "", "fr": "fr/"}
    assert settings["questions"] == {"": ["decision-tree/q/a/", "</script><b>Q?</b>"]}
    assert settings["top"] == ["404.html", "fr", "members"]


def test_without_site_url_addresses_are_relative_and_the_base_found_at_run_time(tmp_path):
    _site(
        tmp_path,
        '<link rel="stylesheet" href="/a.css"><script src="/b.js"></script><a href="/">Home</a>',
    )
    write_error_pages(tmp_path, None, {"en": "", "fr": "fr/"}, {})
    html = (tmp_path / "404.html").read_text(encoding="utf-8")
    # Styles and scripts wait, inert, for the script that sets the base to load them.
    assert html.endswith(
        '<template class="sphub-later"><link rel="stylesheet" href="./a.css"></template>'
        "<script>sphubLoad()</script>"
        '<template class="sphub-later"><script src="./b.js"></script></template>'
        '<script>sphubLoad()</script><a href="./">Home</a>'
    )
    settings = _settings(html)
    assert settings["base"] is None
    assert settings["lang"] == "en" and settings["questions"] == {}
