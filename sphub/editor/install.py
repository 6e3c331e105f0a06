"""`make editor`: the browser editor's one published bundle, installed without its hundreds
of build-time dependencies.

The decap-cms package on the npm registry holds, in dist/, Decap CMS built into one script
(with the parts it loads when needed); its 400-odd dependencies are what it was built from.
`npm pack` fetches the package alone (npm checks it against the registry's integrity), this
checks it against the integrity pinned in package.json, and only the files the site serves
are unpacked into node_modules/decap-cms/ (sphub.editor.assets.bundle_files lists them)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from sphub.editor.assets import bundle_dir, served


def pinned(root: Path) -> dict:
    """{'package', 'version', 'integrity'} of the editor, from package.json."""
    return json.loads((root / "package.json").read_text(encoding="utf-8"))["sphub"]["editor"]


def integrity_of(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def unpack(tarball: bytes, target: Path) -> list[str]:
    """Write the served files of the package `tarball` into `target` (its dist/ and its
    package.json); returns their names. Nothing outside `target` is written."""
    written = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            if not member.isfile() or not (name == "package.json" or served(name)):
                continue
            if ".." in Path(name).parts or Path(name).is_absolute():
                continue
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.extractfile(member).read())
            written.append(name)
    return written


def install(root: Path) -> str:
    editor = pinned(root)
    spec = f"{editor['package']}@{editor['version']}"
    with tempfile.TemporaryDirectory(prefix="sphub-editor-") as scratch:
        answer = subprocess.run(
            ["npm", "pack", spec, "--json", "--pack-destination", scratch, "--loglevel=error"],
            capture_output=True,
            text=True,
            check=False,
        )
        if answer.returncode != 0:
            raise SystemExit(f"npm pack {spec} failed: {answer.stderr.strip()}")
        tarball = (Path(scratch) / json.loads(answer.stdout)[0]["filename"]).read_bytes()
    if integrity_of(tarball) != editor["integrity"]:
        raise SystemExit(f"{spec} from the registry is not the one pinned in package.json")
    target = bundle_dir(root).parent
    shutil.rmtree(target, ignore_errors=True)
    names = unpack(tarball, target)
    size = sum((target / n).stat().st_size for n in names)
    return f"Installed {spec}: {len(names)} files, {size / 1e6:.1f} MB, in {target}."


if __name__ == "__main__":
    print(install(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
