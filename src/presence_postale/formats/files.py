"""Files the tool writes: refused, in words, when they cannot be (standard library only)."""

from __future__ import annotations

from pathlib import Path

from presence_postale.errors import InvalidData, Message


def check_writable(target: Path) -> None:
    """Refuse to write `target` when it is a directory or its directory is missing."""
    if target.is_dir():
        raise InvalidData(
            "file.cannot_write", path=str(target), reason=Message("file.is_directory")
        )
    if not target.parent.is_dir():
        reason = Message("file.no_directory", {"directory": str(target.parent)})
        raise InvalidData("file.cannot_write", path=str(target), reason=reason)


def check_new_file(target: Path) -> None:
    """Refuse to write `target` unless it can be created (it must not exist yet)."""
    check_writable(target)
    if target.exists():
        raise InvalidData("file.cannot_write", path=str(target), reason=Message("file.exists"))
