"""What the loaders of a records file share: a record's values through its kind's domain
validator, references checked, values synced into a stored record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, SQLModel

from presence_postale.domain.fields import FieldError
from presence_postale.errors import Message
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.store import models as m


def now() -> datetime:
    return datetime.now(UTC)


def sync(obj: SQLModel, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def upsert(db: Session, model: type[SQLModel], key: Any, values: dict[str, Any], item: Item) -> str:
    return merge.store(db, model, db.get(model, key), values, item)


def require(db: Session, model: type[SQLModel], key: Any, item: Item, field: str) -> None:
    if key is not None and db.get(model, key) is None:
        raise item.error(field, Message("records.missing_reference", {"value": key}))


def checked(
    item: Item,
    validate: Callable[..., dict[str, Any]],
    names: dict[str, str],
    **options: Any,
) -> dict[str, Any]:
    """The item's values through its kind's domain validator (`names`: the store's name of
    each field the file names otherwise); a refusal names the file's field and its line."""
    values = dict(item.values)
    for key, store in names.items():  # no store's name is another field's in the file
        if key in values:
            values[store] = values.pop(key)
    try:
        return validate(values, **options)
    except FieldError as error:
        back = {store: key for key, store in names.items()}
        raise item.error(back.get(error.field, error.field), error) from None


def checked_field(item: Item, name: str, check: Callable[[Any, str], Any]) -> Any:
    """One field of the item through a domain check; a refusal names it and its line."""
    try:
        return check(item.values[name], name)
    except FieldError as error:
        raise item.error(name, error) from None


def illustrative(v: dict[str, Any]) -> dict[str, Any]:
    """The illustrative flag and its reason; a reason alone marks the record illustrative."""
    reason = v["illustrative_reason"]
    return {
        "illustrative": bool(v["illustrative"]) or reason is not None,
        "illustrative_reason": reason,
    }


def operators(db: Session, item: Item, field: str = "operators") -> list[str]:
    codes: list[str] = item.values[field] or []
    for code in codes:
        if db.get(m.Operator, code) is None:
            raise item.error(field, Message("records.missing_reference", {"value": code}))
    if len(set(codes)) != len(codes):
        raise item.error(field, Message("list.twice"))
    return codes


def stamp(values: dict[str, Any], name: str = "created_at") -> datetime:
    """When the record was written: as the file says, or now."""
    stamp: datetime | None = values.get(name)
    return stamp if stamp is not None else now()
