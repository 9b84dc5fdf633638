"""Languages: a translator per language (gettext catalogues compiled by Babel), chosen per
session and passed along, never installed process-wide; locale-aware names, dates and numbers.

    t = i18n.translator("fr")
    t("Open {name}'s profile →", name=...)      # gettext, then str.format
    t.n("{count} channel", "{count} channels", n)  # ngettext; `count` is filled in
    N_("…")                                       # marks a constant for extraction only
    t.label("Who may take part")                  # "Who may take part:", in French "…\u202f:"
"""

from __future__ import annotations

import datetime as dt
import gettext
import unicodedata
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from atlas.i18n import pseudo

LOCALES = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
DEFAULT = "en"
# Offered to users, each written in its own language.
NATIVE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "pt": "Português",
                "ar": "العربية"}
LANGS = tuple(NATIVE_NAMES)
# Left-to-right and right-to-left marks: put first on a line whose parts are all isolated, they
# give it the page's direction (a line of isolates alone is read left to right).
DIRECTION_MARKS = {"ltr": "\u200e", "rtl": "\u200f"}


def N_(message: str) -> str:
    """Mark a constant for the catalogue; translate it where it is shown, with `t(...)`."""
    return message


# The one place a label is joined to its value ("{label}:"); each language writes its own colon.
LABEL = N_("{label}:")


class Translator:
    """One language's catalogue and formats. Immutable; shared by every session in that language."""

    def __init__(self, code: str, catalogue: gettext.NullTranslations):
        self.code = code
        self._catalogue = catalogue
        self.locale = Locale.parse("en_GB" if code in ("en", pseudo.CODE) else code)
        self.rtl = self.locale.character_order == "right-to-left"
        self.direction = "rtl" if self.rtl else "ltr"

    def __call__(self, message: str, /, **values: object) -> str:
        text = self._catalogue.gettext(message)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self._catalogue.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def label(self, text: str) -> str:
        """A label before its value, with the colon as the language writes it: "Who:" in English,
        "Qui\u202f:" in French (a narrow no-break space before the colon)."""
        return self(LABEL, label=text)

    @property
    def mark(self) -> str:
        """The invisible mark of the language's direction (see DIRECTION_MARKS)."""
        return DIRECTION_MARKS[self.direction]

    def data(self, text: str) -> str:
        """A data text with no translation: as it is (marked in the pseudo-locale)."""
        return pseudo.mark_data(text) if self.code == pseudo.CODE and text else text

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def date(self, day: dt.date | str) -> str:
        """A date written out in the language ('2 décembre 2026'); '' stays ''."""
        if not day:
            return ""
        day = dt.date.fromisoformat(day) if isinstance(day, str) else day
        return format_date(day, format="long", locale=self.locale)

    def territory(self, alpha2: str) -> str | None:
        """The country's name in this language from CLDR, or None if CLDR has none."""
        name = self.locale.territories.get(alpha2)
        return self.data(name) if name else None

    def sort_key(self, text: str) -> str:
        """Alphabetical order in this language, near enough without ICU: accents and case ignored."""
        return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                       if not unicodedata.combining(c))


@cache
def translator(code: str = DEFAULT) -> Translator:
    """The translator of a language, loaded once per process."""
    if code == pseudo.CODE:
        return Translator(code, pseudo.PseudoTranslations())
    if code not in LANGS:
        code = DEFAULT
    catalogue = gettext.translation(DOMAIN, LOCALES, languages=[code], fallback=True)
    return Translator(code, catalogue)


def from_locale(tag: str | None) -> str | None:
    """The language we offer for a browser locale such as 'fr-FR' or 'pt_BR', or None."""
    primary = (tag or "").replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGS else None


def of(tables) -> Translator:
    """The translator of the language an Atlas (or anything with `.lang`) is in."""
    return translator(getattr(tables, "lang", DEFAULT))
