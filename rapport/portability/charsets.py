"""Bytes to text for address books: the decoder is shared with the calendar import, so it
lives in rapport.lib.charsets; this name stays for portability's readers."""

from rapport.lib.charsets import decode, detect

__all__ = ["decode", "detect"]
