from sphub.outputs.error_page import relative, write_error_page


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


def test_left_as_built_when_site_url_gives_the_base(tmp_path):
    page = tmp_path / "404.html"
    page.write_text('<a href="/sphub/">Home</a>', encoding="utf-8")
    write_error_page(tmp_path, "https://example.org/sphub/")
    assert page.read_text(encoding="utf-8") == '<a href="/sphub/">Home</a>'
    write_error_page(tmp_path, None)
    assert page.read_text(encoding="utf-8") == '<a href="./sphub/">Home</a>'
