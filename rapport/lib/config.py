"""Reading configuration from the environment, and the local data folder.

Kept free of Django so that the command line can decide where the data
folder is before settings are imported. What is kept there is private to its
owner whatever the umask: the folder 0700, its database and keys 0600
(docs/security.md).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}

# Only the owner of the data folder reads what is in it: the database, backups, keys.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
SECRET_KEY_FILE = "secret_key"  # noqa: S105 (a file name)
ENCRYPTION_KEYS_FILE = "encryption_keys"
ENCRYPTION_KEYS_ENV = "RAPPORT_ENCRYPTION_KEYS"


def env_flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def data_dir() -> Path:
    """Where a local install keeps its database, keys and static files: a folder only its owner
    can enter (0700), tightened at every start if it was made more open before."""
    configured = os.environ.get("RAPPORT_DATA_DIR")
    if configured:
        path = Path(configured).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        path = Path(base) / "rapport"
    private_folder(path)
    return path


def private_folder(path: Path) -> Path:
    """A folder only its owner can enter, whatever the umask; its parents are left as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=PRIVATE_FOLDER)
    _tighten(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    """`path` exists and only its owner can read it (0600): made empty if missing, before
    anything is written to it, or tightened if it is there already."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    else:
        os.fchmod(fd, PRIVATE_FILE)  # exactly 0600: the umask only ever takes bits away
        os.close(fd)
    return path


def write_private(path: Path, text: str) -> None:
    """Writes a small file (a key) whole, owner-only from its first byte: a new file beside it,
    then renamed over the old one, so a reader sees the old text or the new, never half."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def sqlite_private(database: Path) -> None:
    """The SQLite database owner-only before Django first opens it. SQLite gives its -wal and
    -shm files the database file's own mode, and those left by an older version are tightened."""
    if str(database).startswith("file:") or not database.parent.is_dir():
        return  # an address SQLite reads itself, or a folder it will say is missing
    private_file(database)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            _tighten(companion, PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> None:
    # A folder or file someone else owns (a shared, read-only install) is left alone.
    # So is anything but a plain file or folder (`-o /dev/stdout`).
    with contextlib.suppress(PermissionError):
        found = path.stat().st_mode
        if (stat.S_ISREG(found) or stat.S_ISDIR(found)) and stat.S_IMODE(found) != mode:
            path.chmod(mode)


def secret_key(folder: Path) -> str:
    """The SECRET_KEY from the environment, or one generated once and kept in the data folder."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = folder / SECRET_KEY_FILE
    if key_file.exists():
        _tighten(key_file, PRIVATE_FILE)
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(50)
    try:
        # Created owner-only before the key is written, so it is never readable by others.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:  # another process made it first: use theirs
        return key_file.read_text().strip()
    os.fchmod(fd, PRIVATE_FILE)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def encryption_keys(folder: Path, *, create: bool = False) -> list[str]:
    """The Fernet keys that encrypt secrets kept in the database (docs/security.md), newest
    first: the one that encrypts, then older ones that still decrypt.

    From RAPPORT_ENCRYPTION_KEYS (comma-separated) when set, for hosts that share a database;
    otherwise from `<data folder>/encryption_keys`, one a line, made on first use when
    `create` is true (owner-only from its first byte, like the secret key).
    """
    from_env = env_list(ENCRYPTION_KEYS_ENV, "")
    if from_env:
        return from_env
    key_file = folder / ENCRYPTION_KEYS_FILE
    if key_file.exists():
        return _key_lines(key_file)
    if not create:
        return []
    key = new_encryption_key()
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:  # another process made it first: use theirs
        return _key_lines(key_file)
    os.fchmod(fd, PRIVATE_FILE)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return [key]


def encryption_keys_write(folder: Path, keys: list[str]) -> None:
    """Replaces the key file: `keys` newest first, the first one encrypting."""
    write_private(folder / ENCRYPTION_KEYS_FILE, "".join(f"{key}\n" for key in keys))


def new_encryption_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")


def _key_lines(key_file: Path) -> list[str]:
    _tighten(key_file, PRIVATE_FILE)
    return [line.strip() for line in key_file.read_text().splitlines() if line.strip()]
