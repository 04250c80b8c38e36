"""Communes: the population and the town hall's position that access to a contact point is
measured from (`import communes`, `report access`)."""

from sqlmodel import Field

from presence_postale.store.models.base import Table


class Commune(Table, table=True):
    """One commune (or one arrondissement of Paris, Lyon and Marseille), as the communes file
    gives it: its municipal population and the point distances are measured from."""

    __tablename__ = "commune"

    insee_code: str = Field(primary_key=True, max_length=5)
    name: str
    # COM: a commune; ARM: a municipal arrondissement of Paris, Lyon or Marseille.
    kind: str
    department_code: str = Field(foreign_key="department.code", index=True)
    population: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    # Where the point comes from: `mairie` (the town hall), `polygone` (a point inside the
    # commune, where the source had no usable town-hall point).
    position: str | None = None
    # The file the row came from, and the year of its populations when the import was told:
    # the report states both.
    source: str
    population_year: int | None = None
