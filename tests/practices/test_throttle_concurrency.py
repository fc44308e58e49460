"""The login throttle under real concurrency: many wrong tries at the same moment, each on its
own connection to a real server process and its own database connection, get the limit of
guesses and not one more (the check and the record are one atomic step).

The server is Django's threaded server in a process of its own, on a database of its own: SQLite
in a temporary folder, or, when the suite runs on PostgreSQL, a throwaway database there.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

from tests.test_cli import RAPPORT, free_port

pytestmark = pytest.mark.slow
PASSWORD = "quiet-harbour-lights"
AT_ONCE = 12
SETUP = f"""
from rapport.api.services import token_create
from rapport.practices.models import User
from rapport.practices.services import practice_create
owner = practice_create(name="Harbour", owner_email="owner@a.example", owner_name="Ada",
                        password="{PASSWORD}")
User.objects.create_superuser("root@a.example", "{PASSWORD}", name="Root")
print("KEY", token_create(member=owner, name="script")[1])
"""


@dataclass
class Server:
    port: int
    token: str


@pytest.fixture(scope="module")
def database_url() -> Iterator[str | None]:
    """None for SQLite (in the server's data folder); else a throwaway PostgreSQL database."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith("postgres"):
        yield None
        return
    import psycopg

    name = f"rapport_throttle_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(suite)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, database_url: str | None) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("throttle")
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "RAPPORT_BASE_URL")
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env["RAPPORT_DATA_DIR"] = str(folder / "data")
    env["RAPPORT_TASKS_BACKEND"] = "database"
    if database_url:
        env["DATABASE_URL"] = database_url

    def manage(*arguments: str) -> str:
        done = subprocess.run(
            [str(RAPPORT), "manage", *arguments],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    manage("migrate", "-v0")
    manage("collectstatic", "--noinput", "-v0")  # as `rapport serve` does
    token = re.search(r"KEY (\S+)", manage("shell", "-c", SETUP))
    assert token
    port = free_port()
    log = folder / "server.log"
    process = subprocess.Popen(
        [str(RAPPORT), "manage", "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not _answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the server did not start:\n{log.read_text()}")
        time.sleep(0.2)
    yield Server(port=port, token=token.group(1))
    process.terminate()
    process.wait(timeout=20)


def _answers(port: int) -> bool:
    try:
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("HEAD", "/login/")
    except OSError:
        return False
    return True


class Visitor:
    """One browser's worth of state (a CSRF cookie), from its own loopback address."""

    def __init__(self, server: Server, address: str) -> None:
        self.server, self.address = server, address
        self.cookie = ""
        self.csrf = ""

    def _connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(
            "127.0.0.1", self.server.port, timeout=60, source_address=(self.address, 0)
        )

    def open_form(self, path: str) -> None:
        connection = self._connection()
        connection.request("GET", path)
        response = connection.getresponse()
        page = response.read().decode()
        cookie = response.getheader("Set-Cookie") or ""
        self.cookie = cookie.split(";")[0]
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found and self.cookie, page[:500]
        self.csrf = found.group(1)

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str]:
        body = urlencode(fields | {"csrfmiddlewaretoken": self.csrf})
        headers = {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"}
        connection = self._connection()
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode()

    def api(self, token: str) -> tuple[int, str]:
        connection = self._connection()
        connection.request("GET", "/api/touch-kinds", headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        return response.status, response.read().decode()


def all_at_once(tries: list[Visitor], attempt: object) -> list[tuple[int, str]]:
    """Runs attempt(visitor) in one thread per visitor, released together."""
    assert callable(attempt)
    start = threading.Barrier(len(tries))
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def run(visitor: Visitor) -> None:
        start.wait()
        answer = attempt(visitor)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=run, args=(visitor,)) for visitor in tries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(answers) == len(tries)
    return answers


def statuses(answers: list[tuple[int, str]]) -> list[int]:
    return sorted(status for status, _ in answers)


def test_concurrent_wrong_passwords_on_the_app_login_get_five_guesses(server: Server) -> None:
    visitors = [Visitor(server, "127.0.0.2") for _ in range(AT_ONCE)]
    for visitor in visitors:
        visitor.open_form("/login/")
    answers = all_at_once(
        visitors, lambda v: v.post("/login/", {"email": "owner@a.example", "password": "wrong"})
    )
    guessed = [body for status, body in answers if status == 200]
    assert statuses(answers) == [200] * 5 + [429] * (AT_ONCE - 5)
    assert all("do not match" in body for body in guessed)
    right = visitors[0].post("/login/", {"email": "owner@a.example", "password": PASSWORD})
    assert right[0] == 429 and "Wait 15 minutes" in right[1]


def test_concurrent_wrong_passwords_on_the_admin_login_get_five_guesses(server: Server) -> None:
    visitors = [Visitor(server, "127.0.0.3") for _ in range(AT_ONCE)]
    for visitor in visitors:
        visitor.open_form("/admin/login/")
    wrong = {"username": "root@a.example", "password": "wrong", "next": "/admin/"}
    answers = all_at_once(visitors, lambda v: v.post("/admin/login/", wrong))
    assert statuses(answers) == [200] * 5 + [429] * (AT_ONCE - 5)
    right = visitors[0].post("/admin/login/", wrong | {"password": PASSWORD})
    assert right[0] == 429 and "Wait 15 minutes" in right[1]


def test_concurrent_wrong_tokens_get_what_the_address_has_left(server: Server) -> None:
    """The address allows 20 failures; after 15, twelve wrong tokens at once get 5 guesses."""
    visitor = Visitor(server, "127.0.0.4")
    for _ in range(15):
        assert visitor.api("rap_wrong")[0] == 401
    answers = all_at_once(
        [Visitor(server, "127.0.0.4") for _ in range(AT_ONCE)], lambda v: v.api("rap_wrong")
    )
    assert statuses(answers) == [401] * 5 + [429] * (AT_ONCE - 5)
    status, body = visitor.api(server.token)
    assert status == 429 and "Wait 15 minutes" in body
    assert Visitor(server, "127.0.0.5").api(server.token)[0] == 200  # another address is let in
