"""The rules of single values, shared by every way a record comes in (options, records files,
the open-data imports, `db copy`): text, identifiers, numbers, dates, e-mails, phone numbers.

One rule, one place: a name is at most `LINE_MAX` characters on one line wherever it is typed
or loaded from. A refused value raises `FieldError`, which names the record's field (the
caller may rename it: `--insee` on the command line, `sites[3].insee_code` in a file), the
value and why, as catalogue keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, time
from math import isfinite
from typing import Any

from presence_postale.domain import contact
from presence_postale.errors import InvalidData, Message

LINE_MAX = 200  # a name, a title, an address, a reason: one line
NOTE_MAX = 2000  # a note, a description: line breaks allowed
ID_MAX = 64
EMAIL_MAX = contact.MAX_LENGTH  # RFC 5321's path limit
SEARCH_MAX = 200  # what a look-up by name may be given
SHOWN_MAX = 60  # characters of a refused value repeated in a message
# The longest period a command covers at once (a schedule, a usage report, a programme).
MAX_PERIOD_DAYS = 3660  # ten years
# The years a date may name: the domain computes days and months past a date (the next day, a
# week's Sunday, next year's holidays), which would overflow near year 9999.
FIRST_YEAR, LAST_YEAR = 1900, 2199

_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Letters and marks that show as nothing (Unicode's default-ignorable fillers: the combining
# grapheme joiner, the Hangul and Khmer fillers, Mongolian variation selectors) and the blank
# Braille cell: a name made of them looks empty, or like another.
_FILLERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0")
_ID_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?")
_PHONE_RE = re.compile(r"\+?[0-9 .()/-]+")
_SPACES_RE = re.compile(r"  +")


class FieldError(InvalidData):
    """One field's value refused: `field` as the record names it, the value, and why."""

    def __init__(self, field: str, reason: Message, value: Any = None) -> None:
        shown = shorten(value)
        if shown is None:
            super().__init__("field.invalid_bare", field=field, reason=reason)
        else:
            super().__init__("field.invalid", field=field, value=shown, reason=reason)
        self.field = field
        self.reason = reason
        self.value = value

    def renamed(self, field: str) -> FieldError:
        return FieldError(field, self.reason, self.value)


@contextmanager
def naming(names: Mapping[str, str]) -> Iterator[None]:
    """Refusals inside the block name the field as `names` says (`insee_code` -> `--insee`)."""
    try:
        yield
    except FieldError as error:
        raise error.renamed(names.get(error.field, error.field)) from None


def shorten(value: Any) -> str | None:
    """A refused value as a message repeats it: None for nothing, a long one cut."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if len(text) > SHOWN_MAX:
        text = text[: SHOWN_MAX - 1] + "…"
    return visible(text)


def visible(text: str) -> str:
    """`text` with its control and invisible characters shown escaped (`\\u202e`), but those
    of an emoji, and spaces (French puts a narrow one in `17 195` and before `:`): a message
    stays one line, as typed, and sends no terminal escape."""
    if text.isprintable() and (text.isascii() or _FILLERS.isdisjoint(text)):
        return text
    return "".join(ch if _shown_as_is(text, at) else ascii(ch)[1:-1] for at, ch in enumerate(text))


def _shown_as_is(text: str, at: int) -> bool:
    ch = text[at]
    if ch in _FILLERS:
        return False
    return ch.isprintable() or unicodedata.category(ch) == "Zs" or _in_emoji(text, at)


def _reason(key: str, **params: Any) -> Message:
    return Message(key, params)


# ---- text -----------------------------------------------------------------------------------


def _problem(text: str, *, breaks: bool) -> Message | None:
    """What makes `text` unfit to store, or None."""
    for at, ch in enumerate(text):
        if ch in _LINE_BREAKS:
            if not breaks:
                return _reason("text.line_break")
            if ch not in "\n\r":  # a note's lines end with a line feed only
                return _reason("text.odd_line_break", char=f"U+{ord(ch):04X}")
            continue
        category = unicodedata.category(ch)
        if category == "Cc" and not (breaks and ch == "\t"):
            return _reason("text.control", char=f"U+{ord(ch):04X}")
        if (category == "Cf" and not _in_emoji(text, at)) or ch in _FILLERS:
            return _reason("text.invisible", char=f"U+{ord(ch):04X}")
        if category in ("Co", "Cn"):  # private use, or no character yet
            return _reason("text.unassigned", char=f"U+{ord(ch):04X}")
        if category == "Cs":
            return _reason("text.not_unicode")
    return None


_JOINER = "\u200d"
_TAGS = ("\U000e0020", "\U000e007f")  # the tags that name a flag's region after 🏴
_BLACK_FLAG = "\U0001f3f4"


def _in_emoji(text: str, at: int) -> bool:
    """Whether the invisible character at `at` is part of an emoji people type: a joiner
    between two pictures (👩‍💻, 👨‍👩‍👧, 🏳️‍🌈), or the tags of a region's flag (🏴 then its tags).
    Anywhere else it would hide something in the text."""
    ch = text[at]
    if ch == _JOINER:
        return 0 < at < len(text) - 1 and _pictured(text[at - 1]) and _pictured(text[at + 1])
    if _TAGS[0] <= ch <= _TAGS[1]:
        return at > 0 and (text[at - 1] == _BLACK_FLAG or _TAGS[0] <= text[at - 1] <= _TAGS[1])
    return False


def _pictured(ch: str) -> bool:
    """A picture, a skin tone, or the selector that asks for a picture (U+FE0F)."""
    return ch == "\ufe0f" or unicodedata.category(ch) in ("So", "Sk")


def _text(value: Any, field: str, *, limit: int, breaks: bool, required: bool) -> str | None:
    if (
        value.__class__ is str
        and 0 < len(value) <= limit
        and value.isprintable()  # no control, format or separator character but the space
        and value[0] != " " != value[-1]
        and "  " not in value
        and (value.isascii() or (_FILLERS.isdisjoint(value) and _is_nfc("NFC", value)))
    ):
        return value  # most texts: what `_checked_text` would give, found in one pass
    return _checked_text(value, field, limit=limit, breaks=breaks, required=required)


_is_nfc = unicodedata.is_normalized


def _checked_text(
    value: Any, field: str, *, limit: int, breaks: bool, required: bool
) -> str | None:
    if value is None:
        if required:
            raise FieldError(field, _reason("text.missing"))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FieldError(field, _reason("text.not_text"))
    text = str(value).strip()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    # Notes keep their lines (CRLF read as LF); `Camille   Martin` is `Camille Martin`.
    text = text.replace("\r\n", "\n") if breaks else _SPACES_RE.sub(" ", text)
    if not text:
        raise FieldError(field, _reason("text.empty"))
    if len(text) > limit:
        raise FieldError(field, _reason("text.too_long", length=len(text), limit=limit))
    # Printable text holds no control, format or separator character: nothing to look for.
    plain = text.isprintable() and (text.isascii() or _FILLERS.isdisjoint(text))
    problem = None if plain else _problem(text, breaks=breaks)
    if problem is not None:
        raise FieldError(field, problem, text)
    return text


def line(value: Any, field: str, *, required: bool = False, limit: int = LINE_MAX) -> str | None:
    """A name, a title, an address, a reason: one line, no invisible formatting characters
    (direction overrides, zero-width spaces), at most `limit` characters."""
    return _text(value, field, limit=limit, breaks=False, required=required)


def plain_lines(*texts: str) -> bool:
    """Whether each text would pass `line` unchanged (stripped, printable, NFC, no run of
    spaces, not too long): a bulk import checks its cells in one step, and calls `line` on a
    row only to say what is wrong with it."""
    joined = "\x1f".join(texts)  # a separator: no run of spaces across two texts
    return (
        all(text.isprintable() for text in texts)  # a text's own U+001F too
        and (joined.isascii() or _FILLERS.isdisjoint(joined))
        and "  " not in joined
        and all(len(text) <= LINE_MAX and text == text.strip() for text in texts)
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
    )


def note(value: Any, field: str, *, required: bool = False, limit: int = NOTE_MAX) -> str | None:
    """A note or a description: as `line`, but line breaks are kept."""
    return _text(value, field, limit=limit, breaks=True, required=required)


def identifier(value: Any, field: str, *, required: bool = False) -> str | None:
    """A record's id or code (`17510A`, `vigny-2021`): letters, digits, `-`, `_`, `.`."""
    if value is None and not required:
        return None
    text = line(value, field, required=True, limit=ID_MAX)
    assert text is not None
    if not _ID_RE.fullmatch(text):
        raise FieldError(field, _reason("text.identifier", limit=ID_MAX), text)
    return text


def search(query: str, field: str) -> str:
    """What a look-up by name is given: at most `SEARCH_MAX` characters."""
    if len(query) > SEARCH_MAX:
        raise FieldError(field, _reason("search.too_long", length=len(query), limit=SEARCH_MAX))
    return query


# ---- numbers and dates ----------------------------------------------------------------------


def whole(value: Any, field: str, low: int, high: int) -> int | None:
    """A whole number between `low` and `high`, both included."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(field, _reason("number.not_whole"), value)
    if not low <= value <= high:
        raise FieldError(field, _reason("number.range", low=low, high=high), value)
    return value


def decimal(value: Any, field: str, low: float, high: float) -> float | None:
    """A finite number between `low` and `high` (NaN and infinities refused)."""
    if value.__class__ is float and low <= value <= high:
        return value  # most numbers: in (finite) bounds, so finite; NaN is in none
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(field, _reason("number.not_number"), value)
    number = float(value)
    if not isfinite(number) or not low <= number <= high:
        raise FieldError(field, _reason("number.range", low=low, high=high), value)
    return number


def flag(value: Any, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise FieldError(field, _reason("number.not_bool"), value)


def day(value: Any, field: str) -> date | None:
    """A date in the years the tool computes with (`FIRST_YEAR` to `LAST_YEAR`)."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise FieldError(field, _reason("date.not_date"), value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise FieldError(
            field, _reason("date.year", first=FIRST_YEAR, last=LAST_YEAR), value.isoformat()
        )
    return value


def moment(value: Any, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise FieldError(field, _reason("date.not_datetime"), value)
    day(value.date(), field)
    return value


def clock(value: Any, field: str) -> time | None:
    """A time of day, without a time zone (the tool's times are Paris wall-clock times)."""
    if value is None:
        return None
    if not isinstance(value, time) or value.tzinfo is not None:
        raise FieldError(field, _reason("date.not_time"), value)
    return value


def _shown_value(value: Any) -> str:
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def in_order(
    first: Any, last: Any, field: str, *, strict: bool = False, key: str | None = None
) -> None:
    """`last` (the value of `field`, an end) is not before `first` (a start), or is after it
    when `strict`; `key` words the refusal otherwise than as an end before a start."""
    if first is None or last is None:
        return
    if last < first or (strict and last == first):
        key = key or ("order.not_after" if strict else "order.before")
        shown = _shown_value(last)
        reason = _reason(key, first=_shown_value(first), value=shown)
        raise FieldError(field, reason, shown)


# ---- contacts -------------------------------------------------------------------------------


def email(value: Any, field: str) -> str | None:
    """An e-mail address, checked for shape (`name@domain.fr`: the shape a message can be
    sent to, `domain.contact`), kept as given."""
    text = line(value, field, limit=EMAIL_MAX)
    if text is not None and not contact.is_email(text):
        raise FieldError(field, _reason("email.shape"), text)
    return text


def phone(value: Any, field: str) -> str | None:
    """A phone number kept as given (`05 62 66 40 00`, `+33 5 62…`, La Poste's `3631`):
    digits, spaces, dots, dashes, brackets and a leading +, 2 to 15 digits."""
    text = line(value, field, limit=40)
    if text is None:
        return None
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE_RE.fullmatch(text) or not 2 <= digits <= 15:
        raise FieldError(field, _reason("phone.shape"), text)
    return text


# The numbering an overseas department's numbers follow (metropolitan France and Corsica:
# FR); a number written the national way (`0590…`) with no department is tried in each.
OVERSEAS_REGIONS = {
    "971": "GP",
    "972": "MQ",
    "973": "GF",
    "974": "RE",
    "975": "PM",
    "976": "YT",
    "977": "BL",
    "978": "MF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
    "98": "MC",
}


def e164(text: str | None, department: str | None = None) -> str | None:
    """The number in E.164 (`+33562664000`, `+590590123456`), or None when it is not a full
    valid number (a short number like 3631 has none). A site's department says whose
    numbering a national number follows; without one, France's, then the overseas ones."""
    if not text:
        return None
    import phonenumbers  # a large package, loaded only when a number is shown

    if department is not None:
        regions: tuple[str, ...] = (OVERSEAS_REGIONS.get(department, "FR"),)
    else:
        regions = ("FR", *OVERSEAS_REGIONS.values())
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return None
