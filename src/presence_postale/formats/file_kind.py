"""What a file given for text is, when it is none: the first bytes of the files people give
by mistake (a spreadsheet's « Texte Unicode », the database, a workbook, an archive, a PDF),
each said for what it is rather than read as garbled Windows-1252 text."""

from __future__ import annotations

import codecs

from presence_postale.errors import Message

# How much of a file is looked at to tell that it is no text.
HEAD = 1 << 16
# The first bytes of the files people give for a text file by mistake, and what each is:
# a spreadsheet's « Texte Unicode » (UTF-16 or UTF-32, read as Windows-1252 it is garbage),
# the database itself, a workbook or an archive, a compressed file, a PDF.
_SIGNATURES = (
    (codecs.BOM_UTF32_LE, "file.utf16"),
    (codecs.BOM_UTF32_BE, "file.utf16"),
    (codecs.BOM_UTF16_LE, "file.utf16"),
    (codecs.BOM_UTF16_BE, "file.utf16"),
    (b"SQLite format 3\x00", "file.is_sqlite"),
    (b"PK\x03\x04", "file.is_zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "file.is_workbook"),
    (b"\x1f\x8b", "file.is_compressed"),
    (b"BZh", "file.is_compressed"),
    (b"\xfd7zXZ\x00", "file.is_compressed"),
    (b"%PDF-", "file.is_pdf"),
)


def not_text(head: bytes) -> Message | None:
    """What the file beginning with `head` is when it is no text a person saved (None when
    it may be). UTF-16 without its mark has a NUL byte for each letter of Latin text; a stray
    NUL in a cell is left to the row's own check, which names its line and field."""
    for signature, key in _SIGNATURES:
        if head.startswith(signature):
            return Message(key)
    if head and head.count(b"\x00") * 4 >= len(head):
        return Message("file.utf16")
    return None
