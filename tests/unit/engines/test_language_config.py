"""How one language's build differs: its configuration and its hand-written pages."""

from __future__ import annotations

from sphub.engines.languages import Language

CODES = ("en", "fr", "es")
CONFIG = {
    "site_url": "https://example.org/spwg/",
    "theme": {"name": "material", "language": "en"},
    "plugins": [{"search": {"lang": "en", "pipeline": ["stopWordFilter"]}}, "offline"],
    "nav": [{"Home": "index.md"}, {"Guidance": ["guidance/index.md", {"Tools": "t.md"}]}],
    "extra": {"newsletter": {"url": "https://example.org/"}},
}


def test_french_configuration():
    config = Language("fr", CODES).configure(CONFIG, ["Made with"])
    assert config["theme"]["language"] == "fr"
    assert config["plugins"][0]["search"] == {"lang": "fr", "pipeline": ["stopWordFilter"]}
    assert config["plugins"][1] == "offline"
    assert config["nav"] == [
        {"Accueil": "index.md"},
        {"Orientations": ["guidance/index.md", {"Outils": "t.md"}]},
    ]
    assert config["site_url"] == "https://example.org/spwg/fr/"
    assert config["extra"]["newsletter"] == CONFIG["extra"]["newsletter"]
    assert config["extra"]["sphub"] == {"lang": "fr", "t": {"Made with": "Réalisé avec"}}
    assert [(a["lang"], a["name"], a["link"], a["url"]) for a in config["extra"]["alternate"]] == [
        ("en", "English", "../", "https://example.org/spwg/"),
        ("fr", "Français", "../fr/", "https://example.org/spwg/fr/"),
        ("es", "Español", "../es/", "https://example.org/spwg/es/"),
    ]
    assert CONFIG["theme"]["language"] == "en"  # the project's own is left as it was


def test_english_links_into_each_language():
    config = Language("en", CODES).configure(CONFIG, [])
    assert [a["link"] for a in config["extra"]["alternate"]] == ["", "fr/", "es/"]
    assert config["site_url"] == CONFIG["site_url"]
    assert config["plugins"][0]["search"]["lang"] == "en"


def test_hand_written_pages_of_each_language(tmp_path):
    for name in ["about.md", "about.fr.md", "guide/index.md", "guide/index.es.md", "a.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")

    def chosen(code):
        pages = Language(code, CODES).hand_written(tmp_path)
        return {src: path.relative_to(tmp_path).as_posix() for src, path in pages.items()}

    assert chosen("en") == {
        "about.md": "about.md",
        "guide/index.md": "guide/index.md",
        "a.png": "a.png",
    }
    assert chosen("fr") == {
        "about.md": "about.fr.md",
        "guide/index.md": "guide/index.md",
        "a.png": "a.png",
    }
    assert chosen("es") == {
        "about.md": "about.md",
        "guide/index.md": "guide/index.es.md",
        "a.png": "a.png",
    }
