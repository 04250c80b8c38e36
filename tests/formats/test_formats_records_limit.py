"""The size limit of a records file holds for what is read, not for what the file held a
moment before: a file that grows while the command reads it (a copy under way, a file
another program appends to) is never taken past the limit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presence_postale.errors import InvalidData
from presence_postale.formats import seed, yaml_reader

LIMIT = 64 * 1024
# Appends blanks until stopped: the file grows while it is read.
GROWER = """
import sys
with open(sys.argv[1], "ab") as file:
    print("ready", flush=True)
    while True:
        file.write(b" " * 4096)
        file.flush()
"""


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_reader, "MAX_BYTES", LIMIT)
    path = tmp_path / "trop.yaml"
    path.write_bytes(b"sites: []\n" + b" " * LIMIT)
    with pytest.raises(InvalidData) as refused:
        seed.read_text(path)
    assert refused.value.key == "records.too_big"
    assert refused.value.params["size"] == LIMIT + 10


def test_a_file_growing_while_read_is_never_read_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_reader, "MAX_BYTES", LIMIT)
    path = tmp_path / "grandit.yaml"
    path.write_bytes(b"sites: []\n")
    grower = subprocess.Popen(
        [sys.executable, "-c", GROWER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert grower.stdout is not None and grower.stdout.readline() == "ready\n"
        while True:  # read while it grows, below the limit, then past it (it grows forever)
            try:
                text = seed.read_text(path)
            except InvalidData as refused:
                assert refused.key == "records.too_big"
                break
            assert len(text.encode("utf-8")) <= LIMIT
    finally:
        grower.kill()
        grower.wait()
        if grower.stdout is not None:
            grower.stdout.close()
