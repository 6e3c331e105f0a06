"""The local editing server's own messages in the editor's language (English, French or
Spanish, as the editor's page asks: admin/sphub-admin.js sends it), from sphub's catalogues
(sphub/locale/<lang>/LC_MESSAGES/sphub.po, which `python -m sphub.render.i18n` keeps in step
with the messages marked N_ here). A language without a catalogue, or a message without a
translation, is shown in English."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "translated later")
    return message


CHANGED = N_("this file changed since you opened it: reload")
NO_VERSION = N_("the save does not say which version of the file it was made from: reload")
ONE_PROBLEM = N_("1 problem in the data; nothing was saved.")
PROBLEMS = N_("%(count)s problems in the data; nothing was saved.")


@cache
def _catalogue(language: str) -> dict[str, str]:
    path = LOCALE / language / "LC_MESSAGES" / "sphub.po"
    if language == "en" or not language.isalpha() or not path.is_file():
        return {}
    with path.open("rb") as stream:
        return {m.id: m.string for m in read_po(stream) if m.id and isinstance(m.string, str)}


def gettext(language: object, message: str) -> str:
    """`message` in `language` ('fr', 'es'), else as it is."""
    if not isinstance(language, str):
        return message
    return _catalogue(language).get(message) or message
