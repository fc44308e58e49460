"""Today outside the browser: as plain data (for --json and the API) and as a terminal table."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from rapport.desk.today.agenda import Agenda
from rapport.handoffs.models import Handoff
from rapport.practices.models import Practice


def agenda_as_data(agenda: Agenda) -> dict[str, Any]:
    """Today as data; with every handoff of the practice still waiting for its Got it (the
    sections show a member only those handed to them)."""
    return {
        "practice": agenda.practice.name,
        "day": agenda.today.isoformat(),
        "total": agenda.total,
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "total": section.total,
                "capped": section.capped,
                "items": [
                    {
                        "section": item.section,
                        "object_id": item.object_id,
                        "client_id": item.client.pk,
                        "client": item.client.display_name,
                        "headline": item.headline,
                        "detail": item.detail,
                        "badge": item.badge,
                        "suggestion": item.suggestion,
                    }
                    for item in section.items
                ],
            }
            for section in agenda.sections
        ],
        "pending_handoffs": pending_handoffs_as_data(agenda.practice),
    }


def pending_handoffs_as_data(practice: Practice) -> list[dict[str, Any]]:
    """Every handoff in the practice still waiting for its Got it, oldest first: Today shows
    each only to the member it was handed to, a script sees them all."""
    pending = Handoff.objects.for_practice(practice).pending().select_related("client")
    return [
        {
            "id": handoff.pk,
            "client_id": handoff.client_id,
            "client": handoff.client.display_name,
            "case_id": handoff.case_id,
            "from_name": handoff.from_name,
            "to_name": handoff.to_name,
            "to_member_id": handoff.to_member_id,
            "handed_at": handoff.created_at.isoformat(),
            "call_on": handoff.call_on.isoformat() if handoff.call_on else None,
            "next_steps": handoff.next_steps,
        }
        for handoff in pending.order_by("created_at", "pk")
    ]


def agenda_as_table(agenda: Agenda, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 120)
    first = 28
    rest = max(width - first - 3, 30)
    lines = [f"Today, {agenda.today:%A %-d %B %Y} · {agenda.practice.name}", ""]
    if not agenda.total:
        lines.append("Nothing needs you today.")
    for section in agenda.sections:
        if not section.total:
            continue
        lines.append(f"{section.title} ({section.total}{'+' if section.capped else ''})")
        lines.append("-" * min(width, first + 3 + rest))
        for item in section.items:
            what = item.headline + (f" [{item.badge}]" if item.badge else "")
            text = " ".join(part for part in (item.detail, item.suggestion) if part)
            left = textwrap.wrap(item.client.display_name, first) or [""]
            right = textwrap.wrap(what, rest) + textwrap.wrap(text, rest)
            for index in range(max(len(left), len(right))):
                name = left[index] if index < len(left) else ""
                info = right[index] if index < len(right) else ""
                lines.append(f"{name:<{first}} | {info}".rstrip())
        if section.more:
            lines.append(f"{'':<{first}} | and {section.more} more")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
