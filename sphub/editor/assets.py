"""The files of /admin/: sphub's page and start script (sphub/editor/admin/), the committed
configuration (admin/config.yml) and Decap CMS's own bundle, installed from the npm registry
with the version and integrity pinned in package.json (`make editor`, which `make site` and
`make edit` run; sphub.editor.install) into node_modules/decap-cms/. A built site ships them
under admin/; the preview serves them from where they are."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphub.editor.config import CONFIG_FILE, with_choices

PAGE = Path(__file__).parent / "admin"
# The Content-Security-Policy of a built site's admin page: this site, and GitHub's API for
# the git host's backend (its sign-in opens in a window of its own, which a policy does not
# govern). The preview sends a stricter one (sphub.editor.server.LOCAL_POLICY).
HOSTED_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: "
    "https://avatars.githubusercontent.com; font-src 'self' data:; "
    "connect-src 'self' https://api.github.com; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


def bundle_dir(root: Path) -> Path:
    return root / "node_modules" / "decap-cms" / "dist"


def missing(root: Path) -> str | None:
    """Why the editor cannot be served or shipped, in one line; None when it can."""
    if not (bundle_dir(root) / "decap-cms.js").is_file():
        return "the editor's scripts are not installed (node_modules/decap-cms): run `make editor`"
    if not (root / CONFIG_FILE).is_file():
        return f"{CONFIG_FILE} is missing: run `sphub cms-config`"
    return None


def served(name: str) -> bool:
    """Whether the file `name` of the decap-cms package (dist/decap-cms.js) is one the site
    serves: Decap's script, the parts it loads when needed and the licences of what it
    bundles (no source maps, no second copy under the older name cms.js)."""
    return name.startswith("dist/") and name.endswith(
        ("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")
    )


def bundle_files(root: Path) -> dict[str, Path]:
    """Decap's files the site serves, and Decap's own licence (the decap-cms package ships
    none; its packages are MIT, as decap-cms-lib-auth's LICENSE, copied here, says)."""
    folder = bundle_dir(root)
    files = {p.name: p for p in sorted(folder.iterdir()) if served(f"dist/{p.name}")}
    files["LICENSE-decap-cms.txt"] = PAGE / "LICENSE-decap-cms.txt"
    return files


def page_text() -> str:
    return (PAGE / "index.html").read_text(encoding="utf-8").replace("{{ policy }}", HOSTED_POLICY)


def admin_files(root: Path, scratch: Path) -> dict[str, Path]:
    """Name under /admin/ -> the file to serve. The page is written into `scratch`."""
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "index.html").write_text(page_text(), encoding="utf-8")
    return {
        **bundle_files(root),
        "index.html": scratch / "index.html",
        "sphub-admin.js": PAGE / "sphub-admin.js",
        "config.yml": root / CONFIG_FILE,
    }


def ship(root: Path, site_dir: Path) -> None:
    """Write admin/ into the built site `site_dir`, its configuration with the choices of
    the references into two collections taken from the data (sphub.editor.config)."""
    target = site_dir / "admin"
    target.mkdir(parents=True, exist_ok=True)
    for name, source in admin_files(root, target).items():
        if name == "config.yml":
            text = with_choices(source.read_text(encoding="utf-8"), root / "data")
            (target / name).write_text(text, encoding="utf-8")
        elif source != target / name:
            shutil.copyfile(source, target / name)
