"""Reads for referrals: the partners to suggest for a need, and the introduction's draft."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from rapport.cases.models import Case, Certainty
from rapport.clients.models import Client
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.referrals.suggestions import Candidate, Suggestion, suggest


def partners_suggested(practice: Practice, need: str) -> list[tuple[Partner, Suggestion]]:
    """Every partner of the practice, best first for this need, with their past outcomes."""
    partners = list(
        Partner.objects.for_practice(practice).annotate(
            helped=Count("referrals", filter=Q(referrals__outcome=Outcome.HELPED)),
            not_a_fit=Count("referrals", filter=Q(referrals__outcome=Outcome.NOT_A_FIT)),
        )
    )
    by_id = {partner.pk: partner for partner in partners}
    candidates = [Candidate(p.pk, p.specialty_list, p.helped, p.not_a_fit) for p in partners]
    return [(by_id[found.partner_id], found) for found in suggest(need, candidates)]


def referrals_to_follow_up(practice: Practice) -> QuerySet[Referral]:
    """Referrals of current clients whose outcome Today will ask about, with their partner."""
    return (
        Referral.objects.for_practice(practice)
        .awaiting_follow_up()
        .filter(client__archived_at__isnull=True)
        .select_related("partner")
        .order_by("follow_up_at", "pk")
    )


_SAID = {
    Certainty.KNOWN: "What we know",
    Certainty.GUESS: "Our best guess",
    Certainty.UNKNOWN: "What we don't know yet",
}


def case_summary(case: Case) -> str:
    """The case told once, for someone picking it up: the problem, what was tried, the advice
    with its honest label."""
    lines = [f"The problem, in {case.client.display_name}'s words: “{case.problem}”"]
    steps = list(case.steps.all())
    if steps:
        lines.append("What was tried:")
        lines += [
            f"- {step.tried}" + (f" ({step.result})" if step.result else "") for step in steps
        ]
    advice = list(case.advice.all())
    for kind, label in _SAID.items():
        given = [item for item in advice if item.certainty == kind]
        if given:
            lines.append(f"{label}:")
            lines += [
                f"- {item.text}" + (f" Next: {item.next_step}." if item.next_step else "")
                for item in given
            ]
    return "\n".join(lines)


def introduction_draft(referral: Referral, member: Member) -> tuple[str, str]:
    """The subject and body of one introduction to both sides; the case summary only if the
    client agreed to share it."""
    client: Client = referral.client
    partner = referral.partner
    about = f" about {referral.need}" if referral.need else ""
    body = [
        f"Dear {client.display_name} and {partner.name},",
        "",
        f"{client.display_name}, I would like to introduce you to {partner.name}"
        + (f", who works with {partner.specialties}" if partner.specialties else "")
        + (f" ({partner.area})" if partner.area else "")
        + f". I think they may be a better fit{about}.",
        "",
        f"{partner.name}, {client.display_name} is happy to hear from you.",
    ]
    if referral.summary_shared and referral.case is not None:
        body += [
            "",
            f"{client.display_name} agreed that I share where things stand, "
            "so nobody has to tell the story again:",
            "",
            case_summary(referral.case),
        ]
    body += ["", "I will check in with you both in a little while.", "", member.user.name]
    subject = f"Introducing {client.display_name} and {partner.name}"
    return subject, "\n".join(body).strip()
