"""The pseudo-locale `en-XA`: every catalogue string wrapped ⟦…⟧ and accented, every data text
wrapped ⟪…⟫, so a test sees at once any text that reached the screen without the catalogue.

Only offered when ATLAS_PSEUDO_LOCALE=1 (tests, translators checking the layout).
"""

from __future__ import annotations

import gettext
import os
import re

CODE = "en-XA"
_ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "áéîöûýÁÉÎÖÛÝçñÇÑ")
# Markup and placeholders keep their letters: {name}, :gray[, ](url), **, URLs.
_KEEP = re.compile(r"(\{[^}]*\}|:[a-z-]+\[|\]\([^)]*\)|https?://\S+|<[^>]*>|&[a-z#0-9]+;)")


def enabled() -> bool:
    return os.environ.get("ATLAS_PSEUDO_LOCALE") == "1"


def accent(message: str) -> str:
    parts = _KEEP.split(message)
    return "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts))


def wrap(message: str) -> str:
    return f"⟦{accent(message)}⟧" if message else message


def mark_data(text: str) -> str:
    return f"⟪{text}⟫"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return wrap(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return wrap(msgid1 if n == 1 else msgid2)
