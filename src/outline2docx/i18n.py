"""The one place that picks the language of messages and translates them (stdlib gettext).

The language comes from the environment the way gettext reads it: the first of LANGUAGE,
LC_ALL, LC_MESSAGES and LANG that is set, its entries (LANGUAGE may list several) tried in
order. Simplified Chinese (zh_CN, zh, zh_Hans, zh_SG) gives the Chinese catalog; C, POSIX or
English end the search; any other language is passed over, as gettext passes over a language
without a catalog. Nothing chosen means English, the language of the source strings.

Chinese also becomes the process's gettext text domain, so that click's own strings (Usage:,
Error:, Show this message and exit.), which click looks up through ``gettext.gettext``, come
from our catalog too; that catalog holds their translations. gettext finds it by the same
environment variables: the catalog lives under ``zh``, the language every simplified-Chinese
locale name falls back to (zh_SG.UTF-8 -> zh_SG -> zh).

English costs nothing at start-up: no catalog is opened unless the locale is Chinese.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "outline2docx"
LOCALE_DIR = Path(__file__).parent / "locale"
CHINESE, ENGLISH = "zh", "en"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

# Locale names (lower case, without .encoding and @modifier) and the language they ask for.
LANGUAGES = {
    "zh": CHINESE,
    "zh_cn": CHINESE,
    "zh_sg": CHINESE,
    "zh_hans": CHINESE,
    "zh_hans_cn": CHINESE,
    "zh_hans_sg": CHINESE,
    "c": ENGLISH,
    "posix": ENGLISH,
    "en": ENGLISH,
}

_translation: gettext.NullTranslations | None = None  # chosen on first use
_default_domain = gettext.textdomain()


def language_of(environ: Mapping[str, str]) -> str:
    """The language (``"zh"`` or ``"en"``) that the locale variables of ``environ`` ask for."""
    value = next((environ[name] for name in ENVIRONMENT if environ.get(name)), "")
    for entry in value.split(":"):
        name = entry.partition(".")[0].partition("@")[0].lower()
        language = LANGUAGES.get(name, ENGLISH if name.startswith("en_") else None)
        if language is not None:
            return language
    return ENGLISH


def use(language: str | None = None) -> str:
    """Speak ``language`` (a locale name: "zh", "zh_CN", "en", "C" …; None: the environment's)
    from now on; returns the language chosen, "zh" or "en". click's own strings follow too
    where gettext finds the same language in the environment (as the command's always does)."""
    global _translation
    language = language_of(os.environ if language is None else {"LANGUAGE": language})
    _translation = translator(language)
    if language == CHINESE:
        gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
        gettext.textdomain(DOMAIN)
    else:
        gettext.textdomain(_default_domain)
    return language


def current() -> str:
    """The language messages are given in now: ``"zh"`` or ``"en"``."""
    return ENGLISH if type(_active()) is gettext.NullTranslations else CHINESE


@functools.lru_cache(maxsize=4)
def translator(language: str) -> gettext.NullTranslations:
    """The catalog of ``language`` ("zh", "en", a locale name) without switching the process's
    language: what a server answering requests in several languages at once needs."""
    if language_of({"LANGUAGE": language}) == CHINESE:
        # A catalog missing from a broken install means English, not a failure.
        return gettext.translation(DOMAIN, LOCALE_DIR, [CHINESE], fallback=True)
    return gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the chosen language."""
    return _active().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural``, as ``count`` needs, in the chosen language."""
    return _active().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog, untranslated: a table entry translated where used."""
    return message


def _active() -> gettext.NullTranslations:
    if _translation is None:
        use()
    return _translation
