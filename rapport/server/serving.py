"""Starting the web server: the address links lead to, migrations, and gunicorn in our place."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from argparse import ArgumentParser, ArgumentTypeError


def base_url_for(host: str, port: int) -> str:
    """The address a server started on `host` and `port` is reached at, for links in messages."""
    try:
        everywhere = ipaddress.ip_address(host).is_unspecified
    except ValueError:
        everywhere = not host
    if everywhere:  # 0.0.0.0 or :: is no address to open; the machine's name is one
        host = socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def base_url_default(host: str, port: int) -> str:
    """Unless the operator set RAPPORT_BASE_URL, links lead to where this server listens.

    Set in the environment before Django reads its settings, so this process, gunicorn
    (which replaces it) and the worker gunicorn starts all build the same links.
    """
    if not os.environ.get("RAPPORT_BASE_URL"):
        os.environ["RAPPORT_BASE_URL"] = base_url_for(host, port)
    return os.environ["RAPPORT_BASE_URL"]


def port(text: str) -> int:
    number = int(text)
    if not 0 < number < 65536:
        raise ArgumentTypeError("a port is a number from 1 to 65535")
    return number


def serve_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=port, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--no-worker", action="store_true", help="do not start the background worker alongside"
    )


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapport.settings")
    import django

    django.setup()


def prepare(quiet: bool = True) -> None:
    """Brings the database and static files up to date before serving."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0 if quiet else 1)
    call_command("collectstatic", interactive=False, verbosity=0)


def links_said(base_url: str) -> str:
    return (
        f"Links in messages lead to {base_url}: clients must be able to open it "
        "(set RAPPORT_BASE_URL to change it)."
    )


def gunicorn_exec(host: str, port: int, workers: int, with_worker: bool) -> None:
    """gunicorn replaces this process, so Ctrl-C or a service manager's stop reaches it directly.

    gunicorn keeps no access log: a path can hold a secret link and a query string a client's
    name, so requests are logged by their route's name (server.access_log).
    """
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "rapport.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--config",
        "python:rapport.server.gunicorn_conf",
    ]
    os.environ["RAPPORT_WORKER"] = "1" if with_worker else "0"
    sys.stdout.flush()
    os.execv(sys.executable, args)  # noqa: S606 (a fixed argument list, no shell)
