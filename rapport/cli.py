"""The `rapport` command: serve, demo, createpractice, and a pass-through to Django's commands."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rapport.practices.models import Practice


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapport.settings")
    import django

    django.setup()


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


def _base_url_default(host: str, port: int) -> str:
    """Unless the operator set RAPPORT_BASE_URL, links lead to where this server listens.

    Set in the environment before Django reads its settings, so this process, gunicorn
    (which replaces it) and the worker gunicorn starts all build the same links.
    """
    if not os.environ.get("RAPPORT_BASE_URL"):
        os.environ["RAPPORT_BASE_URL"] = base_url_for(host, port)
    return os.environ["RAPPORT_BASE_URL"]


def _prepare(quiet: bool = True) -> None:
    """Brings the database and static files up to date before serving."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0 if quiet else 1)
    call_command("collectstatic", interactive=False, verbosity=0)


def _serve(host: str, port: int, workers: int, with_worker: bool) -> None:
    # gunicorn replaces this process, so Ctrl-C or a service manager's stop reaches it directly.
    # The access log has paths only: query strings can hold the names a provider searched for.
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
        "python:rapport.gunicorn_conf",
        "--access-logfile",
        "-",
        "--access-logformat",
        '%(t)s "%(m)s %(U)s" %(s)s %(L)ss',
    ]
    os.environ["RAPPORT_WORKER"] = "1" if with_worker else "0"
    sys.stdout.flush()
    os.execv(sys.executable, args)  # noqa: S606 (a fixed argument list, no shell)


def cmd_serve(args: argparse.Namespace) -> int:
    links = _base_url_default(args.host, args.port)
    _django_setup()
    _prepare()
    from django.conf import settings

    from rapport.practices.models import Practice

    where = f"http://{args.host}:{args.port}/"
    if not Practice.objects.exists():
        print(f"Rapport is starting. Open {where}welcome/ to set up your practice.")
    else:
        print(f"Rapport is starting at {where}")
    print(f"Data: {settings.DATABASES['default']['NAME']}")
    _say_where_links_lead(links)
    _serve(args.host, args.port, args.workers, not args.no_worker)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    # The demo lives in its own folder, so trying it never mixes with a real client book.
    if not os.environ.get("DATABASE_URL"):
        from rapport.lib.config import data_dir

        os.environ["RAPPORT_DATA_DIR"] = str(Path(data_dir()) / "demo")
    links = _base_url_default(args.host, args.port)
    _django_setup()
    _prepare()
    from rapport.demo import DEMO_EMAIL, DEMO_PASSWORD, demo_practice_ensure

    practice, created = demo_practice_ensure()
    state = "created" if created else "already there"
    print(f"Demo practice “{practice.name}” {state}.")
    print(
        f"Open http://{args.host}:{args.port}/login/ and log in as {DEMO_EMAIL} / {DEMO_PASSWORD}"
    )
    _say_where_links_lead(links)
    _serve(args.host, args.port, args.workers, not args.no_worker)
    return 0


def _say_where_links_lead(base_url: str) -> None:
    print(
        f"Links in messages lead to {base_url}: clients must be able to open it "
        "(set RAPPORT_BASE_URL to change it)."
    )


def cmd_createpractice(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.exceptions import ValidationError
    from django.core.management import call_command

    from rapport.practices.services import practice_create

    call_command("migrate", interactive=False, verbosity=0)
    password = os.environ.get("RAPPORT_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            print("Set RAPPORT_PASSWORD, or run this in a terminal to be asked.", file=sys.stderr)
            return 2
        password = getpass.getpass("Password for the owner: ")
        if password != getpass.getpass("Same password again: "):
            print("The two passwords are not the same; nothing was created.", file=sys.stderr)
            return 2
    try:
        member = practice_create(
            name=args.name,
            owner_email=args.email,
            owner_name=args.owner_name or args.email.split("@")[0],
            password=password,
            time_zone=args.time_zone,
            default_region=args.region,
        )
    except ValidationError as error:
        for message in error.messages:
            print(f"Not created: {message}", file=sys.stderr)
        return 2
    print(f"Created “{member.practice.name}”; {member.user.email} can log in as its owner.")
    return 0


def _practice_for(args: argparse.Namespace) -> tuple[object | None, str]:
    """The practice a command is about, or an explanation of what to choose."""
    from django.db import DatabaseError

    try:
        return _practice_named(args)
    except DatabaseError:
        return None, (
            "The database is not set up yet (or not reachable): run `rapport serve` once, "
            "or check RAPPORT_DATA_DIR and DATABASE_URL."
        )


def _practice_or_say_why(args: argparse.Namespace) -> Practice | None:
    """The practice a command is about; if there is no single answer, says why on stderr."""
    from rapport.practices.models import Practice

    practice, problem = _practice_for(args)
    if isinstance(practice, Practice):
        return practice
    print(problem, file=sys.stderr)
    return None


def _practice_named(args: argparse.Namespace) -> tuple[object | None, str]:
    from rapport.practices.models import Member, Practice

    if args.member:
        member = (
            Member.objects.select_related("practice")
            .filter(user__email=args.member.lower())
            .first()
        )
        return (member.practice, "") if member else (None, f"No member logs in as {args.member}.")
    if args.practice:
        matches = Practice.objects.filter(name__iexact=args.practice)
        if args.practice.isdigit():
            matches = Practice.objects.filter(pk=int(args.practice))
        found = matches.first()
        return (found, "") if found else (None, f"No practice called {args.practice}.")
    practices = list(Practice.objects.order_by("pk")[:2])
    if not practices:
        return None, "There is no practice yet: run `rapport serve` and open the welcome page."
    if len(practices) > 1:
        return (
            None,
            "There are several practices: choose one with --practice NAME or --member EMAIL.",
        )
    return practices[0], ""


def cmd_today(args: argparse.Namespace) -> int:
    _django_setup()
    import json

    from rapport.attention.agenda import agenda_build
    from rapport.attention.render import agenda_as_data, agenda_as_table

    practice = _practice_or_say_why(args)
    if practice is None:
        return 2
    agenda = agenda_build(practice, limit=args.limit)
    if args.json:
        print(json.dumps(agenda_as_data(agenda), indent=2, ensure_ascii=False))
    else:
        print(agenda_as_table(agenda), end="")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _django_setup()
    from rapport import worker

    if args.once:
        worker.run_once()
    else:
        worker.run_forever()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Needs no database: the checker is a pure function."""
    import json

    from rapport.messaging.checker import blocks_sending, check

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        print(f"No such file: {args.file}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as error:
        print(
            f"{args.file} is not UTF-8 text (byte {error.start}); save it as UTF-8.",
            file=sys.stderr,
        )
        return 2
    findings = check(
        text, preferred_name=args.preferred_name, full_name=args.full_name, closeness=args.closeness
    )
    if args.json:
        data = {
            "blocks_sending": blocks_sending(findings),
            "findings": [f.as_dict() for f in findings],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            line = text.count("\n", 0, finding.start) + 1
            column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
            quoted = f" “{finding.text}”" if finding.text else ""
            print(
                f"{line}:{column} {finding.severity} [{finding.category}]{quoted}: "
                f"{finding.explanation} {finding.fix}"
            )
        if not findings:
            print("No findings.")
    return 1 if findings else 0


def cmd_mail_import(args: argparse.Namespace) -> int:
    _django_setup()
    from rapport.messaging.inbound import ImportReport, mail_import_file

    practice = _practice_or_say_why(args)
    if practice is None:
        return 2
    total = ImportReport()
    for name in args.files:
        try:
            raw = Path(name).read_bytes()
        except OSError as error:
            print(f"Could not read {name}: {error.strerror}.", file=sys.stderr)
            return 2
        report = mail_import_file(practice=practice, raw=raw)
        print(f"{name}: {report}")
        total.add(report)
    return 0 if not total.unreadable else 1


def cmd_export(args: argparse.Namespace) -> int:
    _django_setup()
    from rapport.portability.views import practice_file

    practice = _practice_or_say_why(args)
    if practice is None:
        return 2
    body = practice_file(practice, args.format)
    if args.output:
        try:
            Path(args.output).write_text(body, encoding="utf-8", newline="")
        except OSError as error:
            print(f"Could not write {args.output}: {error.strerror}.", file=sys.stderr)
            return 2
        print(f"Wrote {args.output}.")
    else:
        sys.stdout.write(body)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    _django_setup()
    import json

    from rapport.portability.importing import commit, counts, plan
    from rapport.portability.records import FileProblem, read_source
    from rapport.practices.models import Member

    practice = _practice_or_say_why(args)
    if practice is None:
        return 2
    if args.file.lower().endswith(".json"):
        return _move_in(args, practice)
    try:
        data = Path(args.file).read_bytes()
        source = read_source(data, Path(args.file).name)
    except OSError as error:
        print(f"Could not read {args.file}: {error.strerror}.", file=sys.stderr)
        return 2
    except FileProblem as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 2
    if source.needs_mapping:
        print(
            f"{args.file}: Rapport does not recognise these columns: "
            f"{', '.join(source.header)[:300]}. Import it in the web app, which lets you say "
            "what each column is.",
            file=sys.stderr,
        )
        return 2
    planned = plan(practice, source.records)
    total = sum(1 for item in planned if item.outcome in ("create", "merge"))

    def progress(done: int) -> None:
        if not args.json and total >= 500:
            print(f"\r  {done:,} of {total:,} written", end="", file=sys.stderr, flush=True)

    if not args.dry_run:
        owner = Member.objects.filter(practice=practice, role="owner").first()
        commit(practice=practice, planned=planned, member=owner, progress=progress)
        if total >= 500 and not args.json:
            print(file=sys.stderr)
    summary = counts(planned)
    if args.json:
        result = {
            "dry_run": args.dry_run,
            "counts": summary,
            "records": [item.as_dict() for item in planned],
        }
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        for item in planned:
            if item.outcome != "create" or item.notes or item.possible:
                entry = item.as_dict()
                print(f"{entry['outcome']:7} {entry['name']}: {entry['reason']}")
        verb = "Would import" if args.dry_run else "Imported"
        print(
            f"{verb}: {summary['create']} new, {summary['merge']} merged, {summary['skip']} "
            f"skipped, {summary['error']} not readable."
        )
    return 1 if summary["error"] else 0


def _move_in(args: argparse.Namespace, practice: Practice) -> int:
    """A Rapport JSON export into an empty practice: moving from another server."""
    import json

    from django.core.exceptions import ValidationError

    from rapport.portability.moving import practice_import
    from rapport.practices.models import Member

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except OSError as error:
        print(f"Could not read {args.file}: {error.strerror}.", file=sys.stderr)
        return 2
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"{args.file} is not a JSON file ({error}).", file=sys.stderr)
        return 2
    owner = Member.objects.filter(practice=practice, role="owner").select_related("user").first()
    if owner is None:
        print("The practice has no owner to import as.", file=sys.stderr)
        return 2
    if args.dry_run:
        print("--dry-run is for address books; a JSON export is all or nothing.", file=sys.stderr)
        return 2
    try:
        counts = practice_import(data=data, practice=practice, member=owner)
    except ValidationError as error:
        print(f"{args.file}: {' '.join(error.messages)} Nothing was imported.", file=sys.stderr)
        return 2
    print(f"Moved in: {counts['clients']} clients with their history.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    _django_setup()
    from django.conf import settings

    from rapport.backup import BackupError, backup, default_name

    target = Path(args.output) if args.output else default_name(Path(settings.DATA_DIR) / "backups")
    try:
        written = backup(target)
    except BackupError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Backup written to {written} ({written.stat().st_size // 1024} KiB).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _django_setup()
    from rapport.backup import BackupError, restore

    if not args.yes:
        answer = input(
            "This replaces everything in Rapport's database with the backup. Stop the "
            "server first. Type yes to go on: "
        )
        if answer.strip().lower() != "yes":
            print("Nothing changed.")
            return 1
    try:
        restore(Path(args.file))
    except BackupError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Restored from {args.file}.")
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["rapport manage", *args.rest])
    return 0


def _port(text: str) -> int:
    port = int(text)
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for name, handler, summary in [
        ("serve", cmd_serve, "migrate, then serve Rapport with gunicorn"),
        (
            "demo",
            cmd_demo,
            "serve a demo practice full of believable clients, in its own data folder",
        ),
    ]:
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument("--host", default="127.0.0.1")
        command.add_argument("--port", type=_port, default=8000)
        command.add_argument("--workers", type=int, default=2)
        command.add_argument(
            "--no-worker", action="store_true", help="do not start the background worker alongside"
        )
        command.set_defaults(handler=handler)

    create = commands.add_parser(
        "createpractice",
        help="create a practice and its owner",
        description="Create a practice and its owner. The password comes from RAPPORT_PASSWORD "
        "or a prompt, never from the command line, where others could read it.",
    )
    create.add_argument("name", help="the practice's name")
    create.add_argument("--email", required=True, help="the owner's email, used to log in")
    create.add_argument("--owner-name", default="", help="the owner's name")
    create.add_argument("--time-zone", default="Europe/London")
    create.add_argument("--region", default="GB", help="country code for phone numbers")
    create.set_defaults(handler=cmd_createpractice)

    today = commands.add_parser(
        "today", help="print Today's agenda", description="Print Today's agenda."
    )
    today.add_argument("--practice", help="the practice's name or number, where there are several")
    today.add_argument("--member", help="a member's email: their practice's agenda")
    today.add_argument("--json", action="store_true", help="machine-readable output")
    today.add_argument("--limit", type=int, default=25, help="items shown per section (default 25)")
    today.set_defaults(handler=cmd_today)

    work = commands.add_parser(
        "worker", help="run the background worker (digests, health readings)"
    )
    work.add_argument("--once", action="store_true", help="do one round and exit (for cron)")
    work.set_defaults(handler=cmd_worker)

    checker = commands.add_parser(
        "check",
        help="check a draft's words (exit 1 when there are findings)",
        description="Check a draft the way the composer does. Exit status: 0 no findings, "
        "1 findings, 2 unreadable input.",
    )
    checker.add_argument("file", help="a UTF-8 text file, or - for standard input")
    checker.add_argument("--preferred-name", default="", help="what the client likes to be called")
    checker.add_argument("--full-name", default="", help="their full name, to spot the formal one")
    checker.add_argument("--closeness", choices=["new", "regular", "close"], default="regular")
    checker.add_argument("--json", action="store_true", help="machine-readable output")
    checker.set_defaults(handler=cmd_check)

    mail = commands.add_parser(
        "mail-import",
        help="read .eml or .mbox files onto clients' timelines",
        description="Read .eml or .mbox files: mail from a client goes on their timeline and "
        "starts the reply clock; mail from unknown senders waits under Mail to be placed.",
    )
    mail.add_argument("files", nargs="+", metavar="FILE")
    mail.add_argument("--practice", help="the practice's name or number, where there are several")
    mail.add_argument("--member", help="a member's email: their practice")
    mail.set_defaults(handler=cmd_mail_import)

    importer = commands.add_parser(
        "import",
        help="bring clients in from a vCard (.vcf) or CSV file",
        description="Bring clients in from a vCard or CSV file exported by Google Contacts, "
        "Apple Contacts, Outlook, Android, Thunderbird or Evolution. Contacts with the same "
        "email or phone as a client are merged into them; the same person twice in the file "
        "is skipped; unreadable records are listed and left out. All or nothing. "
        "Exit status: 0 done, 1 done but some records could not be read, 2 nothing done.",
    )
    importer.add_argument(
        "file", help="a .vcf or .csv file, or a Rapport .json export to move into an empty practice"
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would happen and write nothing"
    )
    importer.add_argument(
        "--json", action="store_true", help="print the preview or result as one JSON object"
    )
    importer.add_argument(
        "--practice", help="the practice's name or number, where there are several"
    )
    importer.add_argument("--member", help="a member's email: their practice")
    importer.set_defaults(handler=cmd_import)

    export = commands.add_parser(
        "export",
        help="write all clients as vCard or CSV, or the whole practice as JSON",
        description="Write your data in a format other programs read: vCard 4.0 for address "
        "books, CSV for spreadsheets, or JSON with everything (see docs/export.md).",
    )
    export.add_argument("--format", choices=["vcard", "csv", "json"], default="json")
    export.add_argument("--output", "-o", help="a file to write (default: standard output)")
    export.add_argument("--practice", help="the practice's name or number, where there are several")
    export.add_argument("--member", help="a member's email: their practice")
    export.set_defaults(handler=cmd_export)

    saving = commands.add_parser(
        "backup",
        help="write a consistent snapshot of the database, while Rapport runs",
        description="Write a consistent snapshot of the whole database, safe while Rapport is "
        "in use: SQLite's online backup, or pg_dump on PostgreSQL. By default into "
        "<data folder>/backups/.",
    )
    saving.add_argument("--output", "-o", help="the file to write (must not exist yet)")
    saving.set_defaults(handler=cmd_backup)

    back = commands.add_parser(
        "restore",
        help="replace the database with a backup",
        description="Replace the whole database with a backup made by `rapport backup`, then "
        "bring it up to date. Stop the server first.",
    )
    back.add_argument("file", help="a file written by `rapport backup`")
    back.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    back.set_defaults(handler=cmd_restore)

    manage = commands.add_parser("manage", help="run one of Django's management commands")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(handler=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
