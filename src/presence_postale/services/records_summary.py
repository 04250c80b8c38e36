"""What loading a records file did, section by section (kept apart from the loaders: a file
the database holds entirely is counted without them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from presence_postale.formats.seed import Records


@dataclass
class Summary:
    """What a load did, per section: created / updated / unchanged."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, section: str, outcome: str) -> None:
        counter = self.counts.get(section)  # not `setdefault`: a new Counter for each record
        if counter is None:
            counter = self.counts[section] = Counter()
        counter[outcome] += 1

    def expect(self, records: Records) -> None:
        """Count the file's sections in its order, whatever is counted first."""
        for section, items in records:
            if items:
                self.counts.setdefault(section, Counter())

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "section": section,
                "created": counter["created"],
                "updated": counter["updated"],
                "unchanged": counter["unchanged"],
            }
            for section, counter in self.counts.items()
        ]
