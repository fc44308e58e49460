"""Configuration from the environment, and the secret key kept in the data folder."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from rapport.lib.config import data_dir, env_flag, secret_key


def test_secret_key_is_generated_once_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) > 50
    assert secret_key(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"


def test_data_dir_is_created_where_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path / "nested" / "data"))
    assert data_dir() == tmp_path / "nested" / "data"
    assert data_dir().is_dir()


def test_flags_accept_words_and_reject_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "yes")
    assert env_flag("DEBUG") is True
    monkeypatch.setenv("DEBUG", "0")
    assert env_flag("DEBUG") is False
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ValueError, match="DEBUG must be one of"):
        env_flag("DEBUG")
    monkeypatch.delenv("DEBUG")
    assert env_flag("DEBUG") is False


def test_debug_is_off_by_default() -> None:
    from django.conf import settings

    assert settings.DEBUG is False
