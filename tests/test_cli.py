"""The `rapport` command: real processes for serve and demo, in-process for the rest."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from rapport.cli import main
from rapport.practices.models import Member, Practice, Role
from rapport.server.serving import base_url_for

RAPPORT = Path(sys.executable).with_name("rapport")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Server:
    def __init__(self, command: str, tmp_path: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Always SQLite in a temporary folder: never the database a CI run points the suite at.
        unwanted = ("DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "RAPPORT_BASE_URL")
        env = {key: value for key, value in os.environ.items() if key not in unwanted}
        env["RAPPORT_DATA_DIR"] = str(tmp_path / "data")
        self.env = env  # for other commands on the same data
        self.log = tmp_path / "server.log"
        self.process = subprocess.Popen(
            [str(RAPPORT), command, "--port", str(self.port), "--workers", "1"],
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"rapport exited early:\n{self.log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"rapport did not start in 60 s:\n{self.log.read_text()}")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Server]:
    server = Server("serve", tmp_path)
    yield server
    server.stop()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Server]:
    server = Server("demo", tmp_path)
    yield server
    server.stop()


def test_serve_runs_gunicorn_and_opens_on_the_welcome_page(serve: Server) -> None:
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"{serve.base}/login/")
    assert redirect.value.code == 302 and redirect.value.headers["Location"] == "/welcome/"
    with urllib.request.urlopen(f"{serve.base}/welcome/") as page:
        assert "Set up your practice" in page.read().decode()
    with urllib.request.urlopen(f"{serve.base}/static/vendor/htmx.min.js") as script:
        assert script.status == 200
    log = serve.log.read_text()
    assert "gunicorn" in log.lower()
    assert "Open http://127.0.0.1:" in log
    # The background worker lives and dies with the server.
    worker = int(re.search(r"Started the Rapport worker \(pid (\d+)\)", log).group(1))  # type: ignore[union-attr]
    os.kill(worker, 0)
    # A worker that dies is started again.
    os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        started = re.findall(r"Started the Rapport worker \(pid (\d+)\)", serve.log.read_text())
        if len(started) > 1:
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"the worker was not started again:\n{serve.log.read_text()}")
    worker = int(started[-1])
    os.kill(worker, 0)
    serve.stop()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("the worker outlived the server")


def test_demo_serves_a_practice_a_person_can_log_into(demo: Server) -> None:
    printed = demo.log.read_text()
    email, password = re.search(r"log in as (\S+) / (\S+)", printed).groups()  # type: ignore[union-attr]
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(f"{demo.base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "email": email, "password": password}
    )
    request = urllib.request.Request(
        f"{demo.base}/login/", data=data.encode(), headers={"Referer": demo.base}
    )
    home = browser.open(request).read().decode()
    assert "Harbour Lane" in home and "Replies owed" in home
    clients = browser.open(f"{demo.base}/clients/").read().decode()
    assert "Siobhán" in clients and "Tomek" in clients
    assert len(re.findall(r'name="clients" value=', clients)) >= 30

    # The demo runs on its own port, and the link in a late notice leads back to it.
    day = browser.open(f"{demo.base}/calendar/").read().decode()
    late = re.search(r'action="(/appointments/\d+/late/)"', day)
    assert late is not None, "the demo has an appointment to run late for"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', day).group(1)  # type: ignore[union-attr]
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "minutes": "15"})
    request = urllib.request.Request(
        f"{demo.base}{late.group(1)}", data=data.encode(), headers={"Referer": demo.base}
    )
    composer = browser.open(request).read().decode()
    link = re.search(r"https?://[^\s<\"]+/r/[^/\s<\"]+/", composer)
    assert link is not None and link.group(0).startswith(f"{demo.base}/r/"), composer[-3000:]
    assert browser.open(link.group(0)).status == 200


def test_links_use_the_address_the_server_listens_on() -> None:
    assert base_url_for("127.0.0.1", 18802) == "http://127.0.0.1:18802"
    assert base_url_for("rapport.lan", 80) == "http://rapport.lan:80"
    assert base_url_for("::1", 8000) == "http://[::1]:8000"
    # Listening everywhere is not an address anyone can open: the machine's name is.
    assert base_url_for("0.0.0.0", 8000) == f"http://{socket.gethostname()}:8000"  # noqa: S104
    assert base_url_for("::", 8000) == f"http://{socket.gethostname()}:8000"


@pytest.mark.parametrize("command", ["serve", "demo"])
@pytest.mark.parametrize("configured", ["", "https://book.example"])
def test_serve_and_demo_give_the_web_server_and_worker_their_address_for_links(
    db: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
    configured: str,
) -> None:
    # gunicorn and the worker it starts are new processes: they read the address from
    # the environment they inherit, unless the operator set one.
    monkeypatch.setenv("RAPPORT_BASE_URL", configured)
    monkeypatch.setenv("RAPPORT_WORKER", "1")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("rapport.server.serving.prepare", lambda quiet=True: None)
    monkeypatch.setattr("rapport.demo.demo_practice_ensure", lambda: (Practice(name="Demo"), False))
    started: list[list[str]] = []
    monkeypatch.setattr(os, "execv", lambda path, args: started.append(args))
    main([command, "--port", "18802"])
    (gunicorn,) = started
    assert "127.0.0.1:18802" in gunicorn
    expected = configured or "http://127.0.0.1:18802"
    assert os.environ["RAPPORT_BASE_URL"] == expected
    assert f"Links in messages lead to {expected}" in capsys.readouterr().out


def test_createpractice_takes_the_password_from_the_environment(
    db: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RAPPORT_PASSWORD", "a-long-enough-secret")
    code = main(
        [
            "createpractice",
            "Quay Street Clinic",
            "--email",
            "rosa@quay.example",
            "--time-zone",
            "Pacific/Auckland",
            "--region",
            "nz",
        ]
    )
    assert code == 0
    member = Member.objects.select_related("practice", "user").get(user__email="rosa@quay.example")
    assert member.role == Role.OWNER and member.practice.default_region == "NZ"
    assert member.user.check_password("a-long-enough-secret")
    assert "can log in as its owner" in capsys.readouterr().out


def test_createpractice_refuses_bad_input_and_creates_nothing(
    db: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("RAPPORT_PASSWORD", raising=False)
    assert main(["createpractice", "X", "--email", "x@example.org"]) == 2
    assert "Set RAPPORT_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("RAPPORT_PASSWORD", "short")
    assert main(["createpractice", "X", "--email", "x@example.org"]) == 2
    assert "too short" in capsys.readouterr().err
    monkeypatch.setenv("RAPPORT_PASSWORD", "a-long-enough-secret")
    assert (
        main(["createpractice", "X", "--email", "x@example.org", "--time-zone", "Mars/Olympus"])
        == 2
    )
    assert "is not a time zone on the list" in capsys.readouterr().err
    assert not Member.objects.exists()


def test_the_password_is_never_an_argument() -> None:
    with pytest.raises(SystemExit):
        main(["createpractice", "X", "--email", "x@example.org", "--password", "secret"])


def test_manage_passes_through_to_django(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manage", "check"]) == 0
    assert "no issues" in capsys.readouterr().out


def test_today_on_a_database_never_set_up_says_what_to_do(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORT_DATA_DIR": str(tmp_path)}
    for inherited in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(inherited, None)
    result = subprocess.run(
        [str(RAPPORT), "today"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "The database is not set up yet" in result.stderr and "Traceback" not in result.stderr


def test_every_subcommand_is_a_management_command_of_its_app() -> None:
    from django.core.management import get_commands, load_command_class

    from rapport.cli import SUBCOMMANDS, build_parser

    found = get_commands()
    parser = build_parser()
    for name, module in SUBCOMMANDS.items():
        app, _, command = module.partition(".management.commands.")
        assert found[command] == app, name
        # `manage.py <command>` takes the flags `rapport <name>` takes.
        flags = {
            option
            for action in parser._subparsers._group_actions[0].choices[name]._actions  # type: ignore[union-attr]
            for option in action.option_strings
        }
        django_parser = load_command_class(app, command).create_parser("manage.py", command)
        assert flags <= {o for a in django_parser._actions for o in a.option_strings}, name


def test_management_commands_run_the_same_code(
    db: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    with pytest.raises(SystemExit) as refused:
        call_command("today")
    assert refused.value.code == 2
    assert "There is no practice yet" in capsys.readouterr().err
