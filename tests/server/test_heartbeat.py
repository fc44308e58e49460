"""The worker's heartbeat: a stopped worker is said on Today and Settings, in the practice's
zone, and makes `rapport status` fail; a beating one says nothing and passes."""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.cli import main
from rapport.practices.models import Member
from rapport.server.context_processors import since_phrase
from rapport.server.heartbeat import beat, paused_since, queue
from rapport.server.tasks import uploads_tidy
from rapport.server.worker import run_once
from tests.conftest import NOW
from tests.test_cli import RAPPORT

pytestmark = pytest.mark.tasks
PAGES = ["home", "settings"]  # Today, and the settings page


@pytest.fixture
def in_denver(owner: Member) -> Member:
    """A zone far from UTC, so the banner's time is seen to be the practice's."""
    owner.practice.time_zone = "America/Denver"
    owner.practice.save()
    return owner


def test_a_stale_heartbeat_says_sending_paused_on_today_and_settings(
    clock: time_machine.Traveller, in_denver: Member, owner_http: HttpClient
) -> None:
    beat("host:1", NOW - timedelta(hours=1), now=NOW - timedelta(minutes=18))  # 00:42 in Denver
    for page in PAGES:
        text = owner_http.get(reverse(page)).content.decode()
        assert "Sending paused since 00:42." in text, page
    beat("host:1", NOW - timedelta(hours=1), now=NOW - timedelta(minutes=2))
    for page in PAGES:
        assert "Sending paused" not in owner_http.get(reverse(page)).content.decode(), page


def test_three_minutes_without_a_beat_is_stale(clock: time_machine.Traveller, db: None) -> None:
    beat("host:1", NOW, now=NOW)
    assert paused_since(NOW + timedelta(minutes=3)) is None
    assert paused_since(NOW + timedelta(minutes=3, seconds=1)) == NOW
    beat("host:2", NOW, now=NOW + timedelta(minutes=3))  # any live worker is enough
    assert paused_since(NOW + timedelta(minutes=4)) is None


def test_no_worker_ever_while_work_waits_is_paused_since_the_oldest_task(
    clock: time_machine.Traveller, in_denver: Member, owner_http: HttpClient
) -> None:
    assert paused_since(NOW) is None  # nothing waits: a fresh install says nothing
    clock.move_to(NOW - timedelta(minutes=10))
    uploads_tidy.enqueue()
    clock.move_to(NOW - timedelta(minutes=9))
    uploads_tidy.enqueue()
    clock.move_to(NOW)
    assert queue().waiting == 2
    assert "Sending paused since 00:50." in owner_http.get(reverse("home")).content.decode()
    run_once()  # a worker ran: it beat, and the queue is empty
    assert queue().waiting == 0
    assert "Sending paused" not in owner_http.get(reverse("home")).content.decode()


def test_a_task_waiting_less_than_three_minutes_is_not_yet_a_pause(
    clock: time_machine.Traveller, db: None
) -> None:
    uploads_tidy.enqueue()
    assert paused_since(NOW + timedelta(minutes=2)) is None


def test_an_older_pause_says_its_day(clock: time_machine.Traveller, db: None) -> None:
    assert since_phrase(NOW - timedelta(minutes=18), NOW) == "07:42"
    assert since_phrase(NOW - timedelta(hours=9), NOW) == "yesterday 23:00"


def test_status_passes_while_a_worker_beats_and_fails_when_it_stopped(
    clock: time_machine.Traveller, db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status"]) == 1
    assert "never seen" in capsys.readouterr().out
    beat("host:1", NOW, now=NOW - timedelta(seconds=30))
    uploads_tidy.enqueue()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "Worker: alive, last heartbeat just now" in out
    assert "Queue: 1 task waiting, the oldest enqueued just now" in out
    clock.move_to(NOW + timedelta(minutes=4))
    assert main(["status"]) == 1
    assert "Worker: STOPPED, last heartbeat 4 minutes ago" in capsys.readouterr().out


def test_status_on_a_database_never_set_up_says_what_to_do(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORT_DATA_DIR": str(tmp_path)}
    for inherited in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(inherited, None)
    result = subprocess.run(
        [str(RAPPORT), "status"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "The database is not set up yet" in result.stderr and "Traceback" not in result.stderr
