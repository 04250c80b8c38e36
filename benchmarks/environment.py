"""The environment the benchmarks run the tool in."""

from __future__ import annotations

import os


def installed_environment() -> dict[str, str]:
    """This environment, as an installed tool runs in it: with its modules' bytecode cached.
    `pip install` compiles a wheel's modules; an editable install caches them on first run,
    unless PYTHONDONTWRITEBYTECODE forbids it, and then every run compiles the tool's own
    sources again (a twentieth of a second here) while the libraries it is compared with
    load theirs compiled."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
