"""Pack the offline build (mkdocs-offline.yml) into one zip that works when unzipped and
opened from disk. The archive is reproducible: entries in sorted order, every entry dated
SOURCE_DATE_EPOCH (or 1980-01-01, the earliest date a zip can hold)."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

TOP = "sphub-site"  # the one folder the zip unpacks into; open sphub-site/index.html


def zip_site(folder: Path, target: Path) -> int:
    """Write every file under `folder` into the zip `target`; returns the number of files."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    # Source maps only help developers; they would double the download.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".map")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{TOP}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


if __name__ == "__main__":
    count = zip_site(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"Wrote {sys.argv[2]} ({count} files): unzip it and open {TOP}/index.html.")
