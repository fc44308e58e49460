"""The words a handoff starts from: the timeline's note, the promise of a call and the
introduction to the client. Plain data in, plain strings out; the provider edits them."""

from __future__ import annotations

from datetime import date

from rapport.lib.humanize import day_phrase


def first_name(name: str) -> str:
    return name.split()[0] if name.strip() else name


def timeline_note(*, to_name: str, from_name: str, case_problem: str = "") -> str:
    what = f"The case “{case_problem}”" if case_problem else "Handed"
    verb = " handed" if case_problem else ""
    return f"{what}{verb} to {to_name} by {from_name}."


def call_promise(*, to_name: str, client_name: str) -> str:
    return f"{first_name(to_name)} calls {client_name} (handed over)"


def introduction(
    *,
    client_name: str,
    to_name: str,
    from_name: str,
    call_on: date | None,
    today: date,
    case_problem: str = "",
) -> tuple[str, str]:
    """The subject and body introducing the colleague: who, why, and the call if one was
    promised ("Sam will call you on Thursday")."""
    colleague = first_name(to_name)
    about = f" about “{case_problem}”" if case_problem else ""
    lines = [
        f"Hello {client_name},",
        "",
        f"I'd like to introduce my colleague {to_name}, who will be looking after you"
        f"{about} from now on. I have passed on what we have talked about, so you won't "
        "need to start from the beginning again.",
    ]
    if call_on is not None:
        when = day_phrase(call_on, today)
        on = "" if when in ("today", "tomorrow") else "on "
        lines += ["", f"{colleague} will call you {on}{when}."]
    lines += ["", "Thank you for your trust,", first_name(from_name)]
    return f"Meet {colleague}, who will look after you", "\n".join(lines)
