"""La Poste's and the ANCT's open data, read from `../shared/data` beside the checkout.

A developer whose clone sits elsewhere gets the tests that read them skipped, with the reason;
CI (`CI=true`) always has them, so there a missing file fails instead of skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LAPOSTE_CSV = SHARED_DATA / "laposte_poincont2.csv"
FRANCE_SERVICES_CSV = SHARED_DATA / "france_services_20240801.csv"

needs_shared_data = pytest.mark.skipif(
    os.environ.get("CI") != "true" and not (LAPOSTE_CSV.exists() and FRANCE_SERVICES_CSV.exists()),
    reason=f"needs the open data in {SHARED_DATA} (the shared folder beside the checkout)",
)
