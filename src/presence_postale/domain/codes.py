"""French codes, checked for shape, and what can be derived from them.

- INSEE commune code: five characters, the department's two (`95658`), Corsica's `2A`/`2B`
  (`2A004`), three for overseas (`97105`, `98735`), `99` and a country for abroad (`99138`
  is Monaco, department `98` in La Poste's numbering).
- Postcode: five digits, not starting with `00`.
- Department: `01` to `95` but `20`, `2A`, `2B`, `971` to `978`, `984` to `989`, `98`.
- SIRET: 14 digits whose Luhn sum is right (La Poste's own, SIREN 356 000 000, follow their
  own rule: the sum of their digits is a multiple of 5).
"""

from __future__ import annotations

import re
from typing import Any

from presence_postale.domain.fields import FieldError, line
from presence_postale.errors import Message

_DEPARTMENT = r"0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2[AB]"
INSEE_RE = re.compile(
    rf"(?:{_DEPARTMENT})[0-9]{{3}}|97[1-8][0-9]{{2}}|98[4-9][0-9]{{2}}|99[0-9]{{3}}"
)
DEPARTMENT_RE = re.compile(rf"{_DEPARTMENT}|97[1-8]|98[4-9]?")
POSTCODE_RE = re.compile(r"(?!00)[0-9]{5}")
SIRET_RE = re.compile(r"[0-9]{14}")
LA_POSTE_SIREN = "356000000"

# INSEE codes of foreign places served by La Poste (prefix 99 = abroad): Monaco belongs to
# department "98" in La Poste's and the seed's numbering; Andorra to no department.
FOREIGN_DEPARTMENTS = {"99138": "98", "99130": None}


def department_of(insee: str) -> str | None:
    """The department of an INSEE commune code: `2A004` -> 2A, `97105` -> 971, `68066` ->
    68, `99138` (Monaco) -> 98, `99130` (Andorra) -> None."""
    if insee.startswith("99"):
        return FOREIGN_DEPARTMENTS.get(insee)
    if insee.startswith(("97", "98")):
        return insee[:3]
    return insee[:2]


def _shaped(value: Any, field: str, pattern: re.Pattern[str], reason: str) -> str | None:
    text = line(value, field)
    if text is None:
        return None
    code = text.upper()
    if not pattern.fullmatch(code):
        raise FieldError(field, Message(reason), text)
    return code


def insee(value: Any, field: str) -> str | None:
    """An INSEE commune code (`95658`, `2a004` read as `2A004`)."""
    return _shaped(value, field, INSEE_RE, "code.insee")


def postcode(value: Any, field: str) -> str | None:
    return _shaped(value, field, POSTCODE_RE, "code.postcode")


def department(value: Any, field: str) -> str | None:
    return _shaped(value, field, DEPARTMENT_RE, "code.department")


def department_for(
    insee_code: str | None, given: str | None, field: str = "department_code"
) -> str | None:
    """The department a record with this INSEE code belongs to: derived when none is given,
    and a given one must agree with the INSEE code."""
    derived = department_of(insee_code) if insee_code else None
    if given is None:
        return derived
    if derived is not None and given != derived:
        raise FieldError(
            field,
            Message("code.department_mismatch", {"insee": insee_code, "derived": derived}),
            given,
        )
    return given


def _luhn(digits: str) -> bool:
    total = 0
    for position, ch in enumerate(reversed(digits)):
        number = int(ch) * (2 if position % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


def siret(value: Any, field: str) -> str | None:
    """A SIRET (spaces allowed, as it is often written: `356 000 000 12345`)."""
    text = line(value, field)
    if text is None:
        return None
    digits = text.replace(" ", "")
    valid = bool(SIRET_RE.fullmatch(digits))
    if valid and digits.startswith(LA_POSTE_SIREN):
        valid = sum(int(ch) for ch in digits) % 5 == 0
    elif valid:
        valid = _luhn(digits)
    if not valid:
        raise FieldError(field, Message("code.siret"), text)
    return digits
