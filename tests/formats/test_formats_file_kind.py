"""What a file given for text is when it is none, from its first bytes."""

from __future__ import annotations

import codecs
import gzip

import pytest

from presence_postale.errors import Message
from presence_postale.formats.file_kind import not_text

TEXT = "#Identifiant_du_site;Libellé_du_site\r\n05712A;Saint-Clar\r\n"


@pytest.mark.parametrize(
    ("head", "key"),
    [
        (TEXT.encode("utf-16"), "file.utf16"),
        (TEXT.encode("utf-16-be"), "file.utf16"),  # no mark: a NUL for each letter
        (TEXT.encode("utf-32"), "file.utf16"),
        (b"SQLite format 3\x00" + bytes(84), "file.is_sqlite"),
        (b"PK\x03\x04\x14\x00", "file.is_zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file.is_workbook"),
        (gzip.compress(TEXT.encode(), mtime=0), "file.is_compressed"),
        (b"%PDF-1.7\n", "file.is_pdf"),
    ],
    ids=["utf-16", "utf-16-no-mark", "utf-32", "sqlite", "zip", "xls", "gzip", "pdf"],
)
def test_a_file_of_another_kind_is_named(head: bytes, key: str) -> None:
    assert not_text(head) == Message(key)


@pytest.mark.parametrize(
    "head",
    [
        b"",
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
        b"id,name\n1,a\x00b\n",  # a stray NUL: the row's own check names its line and field
    ],
    ids=["empty", "utf-8", "utf-8-mark", "windows-1252", "stray-nul"],
)
def test_text_is_left_to_its_reader(head: bytes) -> None:
    assert not_text(head) is None
