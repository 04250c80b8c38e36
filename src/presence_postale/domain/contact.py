"""E-mail addresses a message can be sent to.

The shape is the WHATWG HTML standard's "valid e-mail address" (what a browser's e-mail field
accepts): ASCII only, no quoted local part, no comment, no display name — nothing a mail header
could be smuggled into. Looser addresses that records may hold are refused before any message
goes out, naming the record.
"""

from __future__ import annotations

import re

EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
MAX_LENGTH = 254  # RFC 5321's limit on a forward path


def is_email(text: str | None) -> bool:
    """Whether `text` is an address a message can be sent to (see the module's docstring)."""
    return text is not None and len(text) <= MAX_LENGTH and EMAIL.fullmatch(text) is not None
