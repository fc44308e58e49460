"""`rapport manage rotatekeys`: a new encryption key, and every encrypted value written again
under it (docs/security.md)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "encrypt the secrets kept in the database under a new key"
    help = (
        "Put a new key first in <data folder>/encryption_keys, write every encrypted value "
        "(mailbox passwords) again under it, then drop the old keys. With keys from "
        "RAPPORT_ENCRYPTION_KEYS, put the new key first there yourself (--new-key prints one) "
        "and run this with --reencrypt."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--reencrypt",
            action="store_true",
            help="make no key: write every value again under the first key in force",
        )
        parser.add_argument(
            "--keep-old", action="store_true", help="leave the old keys in the file afterwards"
        )
        parser.add_argument(
            "--new-key", action="store_true", help="only print a new key, for the environment"
        )

    def run(self, **options: Any) -> int:
        import os
        from pathlib import Path

        from django.conf import settings

        from rapport.lib.config import (
            ENCRYPTION_KEYS_ENV,
            encryption_keys_write,
            new_encryption_key,
        )
        from rapport.lib.encryption import KeysMissing, keys, reencrypt_all

        if options["new_key"]:
            self.stdout.write(new_encryption_key())
            return 0
        folder = Path(settings.DATA_DIR)
        from_env = bool(os.environ.get(ENCRYPTION_KEYS_ENV, "").strip())
        if from_env and not options["reencrypt"]:
            self.stderr.write(
                f"The keys come from {ENCRYPTION_KEYS_ENV}: put a new key first there on every "
                "host (--new-key prints one), restart, then run this with --reencrypt; remove "
                "the old key once it has finished."
            )
            return 2
        old = keys(create=True)
        if not options["reencrypt"]:
            encryption_keys_write(folder, [new_encryption_key(), *old])
        try:
            count = reencrypt_all()
        except KeysMissing as error:
            if not options["reencrypt"]:
                encryption_keys_write(folder, old)  # as it was: nothing was written
            self.stderr.write(f"Nothing changed: {error}")
            return 2
        if not from_env and not options["keep_old"]:
            encryption_keys_write(folder, keys()[:1])
        self.stdout.write(
            f"Encrypted {count} value{'' if count == 1 else 's'} under the "
            f"{'first' if options['reencrypt'] else 'new'} key."
            + ("" if from_env or options["keep_old"] else " The old keys are gone.")
        )
        return 0
