"""What every table shares: its base class and the column shapes used more than once."""

from typing import Any

from pydantic import ConfigDict
from sqlalchemy import JSON, Column, DateTime
from sqlmodel import Field, SQLModel

HOME = __name__.rpartition(".")[0]  # presence_postale.store.models, the package


class Table(SQLModel):
    """The base of every table. Rows come from the database or from the services, which check
    their values themselves: pydantic's validators are built only if something asks for them,
    which saves a fifth of the time it takes to define the tables at each start."""

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every table is known by the package it is imported from, whichever part defines it.
        # SQLAlchemy orders the inserts of one flush by module and class name: one name for
        # the module keeps that order independent of how the tables are split into parts.
        cls.__module__ = HOME
        super().__init_subclass__(**kwargs)


def json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


def json_dict() -> Any:
    return Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


def wall_clock() -> Any:
    """A naive local (Europe/Paris) date and time; other datetimes are UTC instants."""
    return Field(sa_type=DateTime)


def record_uid() -> Any:
    """A record's stable identifier (`domain.identity`): a random UUID unless given."""
    from sqlalchemy import String

    from presence_postale.domain.identity import new_uid

    return Field(
        default_factory=new_uid, sa_type=String(36), nullable=False, index=True, unique=True
    )
