"""Fixtures of the reliability tests: the system users a command runs as."""

from system_users import place, runner, users  # noqa: F401 - fixtures
