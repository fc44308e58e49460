"""Model fields with no domain knowledge."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression

from rapport.lib.encryption import KeysMissing, decrypt, encrypt, is_encrypted

log = logging.getLogger(__name__)


class EncryptedTextField(models.TextField[str, str]):
    """Text the app reads as it was given, stored encrypted (rapport.lib.encryption).

    A value that cannot be decrypted (the keys are not this database's) reads as empty, with a
    warning in the log, so the page that holds it asks for it again instead of failing. It
    cannot be searched or compared in the database, and `dumpdata` writes it encrypted.
    """

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | None:
        if value is None:
            return value
        try:
            return decrypt(value)
        except KeysMissing as error:
            log.warning("%s.%s: %s", self.model.__name__, self.name, error)
            return ""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value  # nothing to hide, and "is it set?" stays answerable
        return encrypt(str(value))

    def value_to_string(self, obj: models.Model) -> str:
        # Serialized (dumpdata) as stored: encrypted, never in clear.
        value = self.value_from_object(obj)
        return encrypt(str(value)) if value else ""

    def to_python(self, value: Any) -> Any:
        # What value_to_string wrote comes back (loaddata) as the text it stands for.
        if isinstance(value, str) and is_encrypted(value):
            with contextlib.suppress(KeysMissing):
                return decrypt(value)
        return super().to_python(value)
