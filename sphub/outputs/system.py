"""The system libraries the build needs beyond Python's packages, checked before any build work
starts, so a machine that lacks one is told in one line what to install.

WeasyPrint (the PDF guide, sphub/outputs/pdf.py) loads Pango and the libraries under it when it is
imported; without them it prints a paragraph and a traceback midway through the build.
HarfBuzz-Subset is not needed: without it WeasyPrint subsets the fonts with fontTools."""

from __future__ import annotations

import ctypes

# The libraries WeasyPrint 70 cannot start without (weasyprint/text/ffi.py), as it loads them
# on Linux, each with the Debian package that has it. Installing the two Pango packages brings
# the other three with them.
PDF_LIBRARIES = (
    ("libgobject-2.0.so.0", "libglib2.0-0"),
    ("libpango-1.0.so.0", "libpango-1.0-0"),
    ("libharfbuzz.so.0", "libharfbuzz0b"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libpangoft2-1.0.so.0", "libpangoft2-1.0-0"),
)


def loads(library: str) -> bool:
    """Whether the dynamic linker can load `library` (its file name, e.g. 'libpango-1.0.so.0')
    here, as WeasyPrint will: the library really loaded, not only listed by ldconfig."""
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_for_pdf() -> list[str]:
    """The Debian packages of the libraries the PDF guide needs that cannot be loaded here."""
    return [package for library, package in PDF_LIBRARIES if not loads(library)]


def pdf_problem() -> str | None:
    """One line saying what to install for the PDF guide, or None when nothing is missing."""
    packages = missing_for_pdf()
    if not packages:
        return None
    return (
        f"The PDF guide needs Pango, which this machine lacks: apt-get install "
        f"{' '.join(packages)} (or build without the PDF: SPHUB_PDF=0 make site)"
    )
