"""The errors a user sees.

Every layer raises these; the CLI edge turns each into one line on stderr and exit code 1.
The message must be one a user can act on: what, where, why.
"""


class PresencePostaleError(Exception):
    """Base of every error meant for the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(PresencePostaleError):
    """A record named by the user does not exist (or a name matches several)."""


class Conflict(PresencePostaleError):
    """The change would break a rule against existing records."""


class InvalidData(PresencePostaleError):
    """A value, a file or a record is malformed or out of range."""


class Ambiguous(NotFound):
    """A name matches several records; the message lists the candidates."""
