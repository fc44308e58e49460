"""Secrets the app must read back (a mailbox's password) kept encrypted in the database.

Fernet (AES-128-CBC with an HMAC-SHA256, from the `cryptography` package) with keys kept
outside the database: `<data folder>/encryption_keys`, made on first use, or
RAPPORT_ENCRYPTION_KEYS for hosts sharing one database (rapport.lib.config.encryption_keys).
Several keys make a MultiFernet: the first encrypts, every one decrypts, so a new key can be
put first while values written under the old one are still read, then `rapport manage
rotatekeys` writes every value again under the new key (docs/security.md).

Keys are read from the file each time (a few bytes), so a rotation made by one process is seen
at once by the others.
"""

from __future__ import annotations

import logging
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from rapport.lib.config import encryption_keys

log = logging.getLogger(__name__)

# What a stored value starts with once encrypted; a value without it is one from before
# encryption (read as it is, and encrypted by the next save or the migration).
PREFIX = "fernet:"


class KeysMissing(Exception):
    """No key can decrypt a stored value: the key file is gone or is not this database's."""


def keys(*, create: bool = False) -> list[str]:
    return encryption_keys(Path(settings.DATA_DIR), create=create)


def _fernet(*, create: bool) -> MultiFernet:
    found = keys(create=create)
    if not found:
        raise KeysMissing(
            "There is no encryption key: restore <data folder>/encryption_keys from the backup "
            "this database came from, or set RAPPORT_ENCRYPTION_KEYS (docs/security.md)."
        )
    try:
        return MultiFernet([Fernet(key) for key in found])
    except ValueError as error:
        raise KeysMissing(f"An encryption key is not a Fernet key ({error}).") from error


def is_encrypted(stored: str) -> bool:
    return stored.startswith(PREFIX)


def encrypt(text: str) -> str:
    """The value to store for `text`: encrypted under the first key (made if there is none)."""
    return PREFIX + _fernet(create=True).encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(stored: str) -> str:
    """The text of a stored value; KeysMissing if no key in force can read it. A value from
    before encryption is returned as it is."""
    if not is_encrypted(stored):
        return stored
    try:
        return _fernet(create=False).decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise KeysMissing(
            "A stored secret cannot be decrypted with the encryption keys in force: they are not "
            "the ones it was written with (docs/security.md, restoring)."
        ) from error


def reencrypt(stored: str) -> str:
    """The same secret under the first key, to finish a rotation; a clear value is encrypted."""
    if not is_encrypted(stored):
        return encrypt(stored)
    token = _fernet(create=True).rotate(stored[len(PREFIX) :].encode("ascii"))
    return PREFIX + token.decode("ascii")


def reencrypt_all() -> int:
    """Every encrypted field of every model written again under the first key, in one
    transaction: all of them, or none if one cannot be decrypted. Returns how many."""
    from django.apps import apps
    from django.db import connection, transaction

    from rapport.lib.fields import EncryptedTextField

    count = 0
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, EncryptedTextField):
                    continue
                table, column = quote(model._meta.db_table), quote(field.column)
                pk = quote(model._meta.pk.column)
                # Raw values: the field would give back the decrypted text.
                cursor.execute(f"SELECT {pk}, {column} FROM {table} WHERE {column} <> ''")  # noqa: S608
                for key, stored in cursor.fetchall():
                    cursor.execute(
                        f"UPDATE {table} SET {column} = %s WHERE {pk} = %s",  # noqa: S608
                        [reencrypt(stored), key],
                    )
                    count += 1
    return count
