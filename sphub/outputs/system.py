"""The system libraries sphub's outputs need, named with the Debian package to install, in one
line, before any build work starts."""

from __future__ import annotations

import ctypes.util

# Library (as the linker names it) -> the Debian package that has it. WeasyPrint renders the
# PDF guide with Pango.
NEEDED = {"pango-1.0": "libpango-1.0-0", "pangoft2-1.0": "libpangoft2-1.0-0"}


def missing_libraries() -> str | None:
    """One line naming what is missing and how to install it, or None."""
    missing = [
        package for library, package in NEEDED.items() if ctypes.util.find_library(library) is None
    ]
    if not missing:
        return None
    return (
        "The PDF guide needs Pango, which this machine lacks: apt-get install "
        + " ".join(missing)
        + " (or build without the PDF: SPHUB_PDF=0)."
    )
