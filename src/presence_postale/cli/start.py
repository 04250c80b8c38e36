"""The command's entry point. Python loads the tool before it runs (a tenth of a second, more
on a busy machine): a Ctrl-C meanwhile ends it as one a moment later does, exit 130, never
with the traceback of the import it interrupted. Nothing has been opened or written yet."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from presence_postale.cli.app import main as run
    except KeyboardInterrupt:
        sys.exit(130)  # `errors.ExitStatus.INTERRUPTED`, not imported: it may not be yet
    run()
