"""Writing to clients: the starting templates, the check, and approving a message."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.cases.advice_words import advice_in_words
from rapport.cases.models import Advice, Case
from rapport.cases.services import case_link_interaction
from rapport.clients.models import Client, ContactKind
from rapport.messaging.checker import Finding, blocks_sending, check, custom_rule
from rapport.messaging.models import (
    InboundMail,
    MailStatus,
    MessageTemplate,
    OutboxMessage,
    PracticeRule,
    SilencedRule,
)
from rapport.messaging.outbox import outbox_cancel_opted_out
from rapport.messaging.rules import BUILT_IN, Rule
from rapport.messaging.starting_templates import STARTING_TEMPLATES
from rapport.messaging.templating import fill
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, Interaction, InteractionKind
from rapport.timeline.services import interaction_create


class Channel:
    EMAIL = "email"
    PHONE = "phone"
    TEXT = "text"
    IN_PERSON = "in_person"
    CHOICES = [
        (EMAIL, "Send by email"),
        (PHONE, "I said it on the phone"),
        (TEXT, "I sent it as a text"),
        (IN_PERSON, "I said it in person"),
    ]
    KIND = {
        PHONE: InteractionKind.CALL,
        TEXT: InteractionKind.MESSAGE,
        IN_PERSON: InteractionKind.MEETING,
    }


@transaction.atomic
def templates_ensure(*, practice: Practice) -> None:
    """The starting set, once: a practice that deleted one does not get it back."""
    if MessageTemplate.objects.for_practice(practice).exists():
        return
    MessageTemplate.objects.bulk_create(
        MessageTemplate(
            practice=practice,
            name=name,
            purpose=purpose,
            subject=subject,
            body=body,
            essential=essential,
        )
        for name, purpose, subject, body, essential in STARTING_TEMPLATES
    )


def message_draft(*, template: MessageTemplate, client: Client, member: Member) -> tuple[str, str]:
    """The template's subject and body with what Rapport knows filled in."""
    values = placeholder_values(client=client, member=member)
    return fill(template.subject, values), fill(template.body, values)


def advice_draft(*, advice: Advice, client: Client, member: Member) -> tuple[str, str]:
    """Sharing advice keeps its label's words: known plainly, "My best guess is…", or
    "I don't know yet; what I will do is…" with the next step."""
    said = advice_in_words(certainty=advice.certainty, text=advice.text, next_step=advice.next_step)
    subject = f"About “{advice.case.problem[:150].rstrip('. ')}”"
    body = f"Hi {client.display_name},\n\n{said}\n\n{member.user.name}"
    return subject, body


def placeholder_values(*, client: Client, member: Member) -> dict[str, str]:
    practice = client.practice
    return {
        "preferred_name": client.display_name,
        "full_name": client.full_name,
        "provider_name": member.user.name,
        "practice_name": practice.name,
        "practice_values": practice.core_values,
    }


def rules_for(practice: Practice) -> tuple[list[Rule], set[str]]:
    own = [
        custom_rule(
            id=f"practice-{rule.pk}",
            category=rule.category,
            phrase=rule.phrase,
            explanation=rule.explanation,
            fix=rule.fix,
        )
        for rule in PracticeRule.objects.for_practice(practice)
    ]
    silenced = set(SilencedRule.objects.for_practice(practice).values_list("rule_id", flat=True))
    return [*BUILT_IN, *own], silenced


@transaction.atomic
def rule_silence_toggle(*, practice: Practice, rule_id: str) -> bool:
    """Silences a built-in rule for the practice, or lets it speak again.

    Returns True if the rule is now silent."""
    existing = SilencedRule.objects.for_practice(practice).filter(rule_id=rule_id)
    if existing.exists():
        existing.delete()
        return False
    SilencedRule.objects.create(practice=practice, rule_id=rule_id)
    return True


def message_check(*, client: Client, subject: str, body: str) -> list[Finding]:
    """The subject and the body, as the client will read them: the subject is checked like
    the body, except that it need not greet them."""
    rules, silenced = rules_for(client.practice)
    person = partial(
        check,
        preferred_name=client.display_name,
        full_name=client.full_name,
        closeness=client.closeness,
        rules=rules,
    )
    subject_findings = [
        replace(finding, where="subject")
        for finding in person(subject, silenced={*silenced, "greeting-name"})
    ]
    return subject_findings + person(body, silenced=silenced)


@transaction.atomic
def client_unsubscribe(*, client: Client) -> None:
    """From now on only essential messages (about appointments) reach them, including what
    was approved before and is still waiting to go."""
    if not client.messages_opt_out:
        client.messages_opt_out = True
        client.save(update_fields=["messages_opt_out", "updated_at"])
        interaction_create(
            client=client,
            kind=InteractionKind.NOTE,
            summary="Unsubscribed from messages other than about appointments "
            "(with the link in an email).",
        )
        outbox_cancel_opted_out(client=client)


def reply_subject(subject: str) -> str:
    """“Re: …” once, however many times the conversation went back and forth."""
    subject = subject.strip() or "your message"
    return subject if subject[:3].lower() == "re:" else f"Re: {subject}"


def conversation_latest(*, client: Client, limit: int = 10) -> list[Interaction]:
    """The client's last messages either way, newest first, with the mail they came in."""
    return list(
        client.interactions.filter(kind__in=[InteractionKind.EMAIL, InteractionKind.MESSAGE])
        .select_related("mail", "outbox")
        .order_by("-occurred_at", "-id")[:limit]
    )


def mail_to_answer(*, client: Client) -> InboundMail | None:
    """The client's latest mail, which a reply answers and threads with."""
    return (
        InboundMail.objects.for_practice(client.practice)
        .filter(client=client, outgoing=False, status=MailStatus.LOGGED)
        .order_by("-sent_at", "-received_at")
        .first()
    )


@dataclass(frozen=True)
class Approved:
    interaction: Interaction
    outbox: OutboxMessage | None


@transaction.atomic
def message_approve(
    *,
    client: Client,
    member: Member,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
    essential: bool = False,
    answering: InboundMail | None = None,
    cc_address: str = "",
    cc_name: str = "",
    case: Case | None = None,
) -> Approved:
    """The provider approved these exact words: record them, and queue them if by email.

    An email waits the practice's undo window before the outbox may send it, and is not
    contact until it goes. `answering` threads it with the client's mail; `cc_address` sends
    the same email to someone else too (a partner the client is introduced to). A message
    about `case` joins its story: the email in the outbox, or what was said another way."""
    subject, body = subject.strip(), body.strip()
    if not body:
        raise ValidationError({"body": "Write the message first."})
    if case is not None and (case.client_id != client.pk or case.practice_id != client.practice_id):
        raise ValidationError({"case": "Choose one of this client's cases."})
    if blocks_sending(message_check(client=client, subject=subject, body=body)):
        raise ValidationError("Fix what the check marks as an error before this can go.")
    if channel != Channel.EMAIL:
        interaction = interaction_create(
            client=client,
            kind=Channel.KIND[channel],
            direction=Direction.OUTBOUND,
            summary=body,
            created_by=member,
        )
        if case is not None:
            case_link_interaction(case=case, interaction=interaction)
        return Approved(interaction, None)
    _email_allowed(client=client, subject=subject, to_address=to_address, essential=essential)
    interaction = interaction_create(
        client=client,
        kind=InteractionKind.EMAIL,
        direction=Direction.OUTBOUND,
        summary=f"{subject}\n\n{body}",
        created_by=member,
        delivered=False,
    )
    thread = [*answering.references, answering.message_id] if answering else []
    outbox = OutboxMessage.objects.create(
        practice=client.practice,
        client=client,
        interaction=interaction,
        to_address=to_address.strip(),
        to_name=client.full_name,
        cc_address=cc_address.strip(),
        cc_name=cc_name,
        reply_to=member.user.email,
        subject=subject,
        body=body,
        essential=essential,
        message_id=f"<{uuid.uuid4().hex}@rapport>",
        in_reply_to=thread[-1] if thread else "",
        references=" ".join(thread[-10:]),
        next_attempt_at=timezone.now() + timedelta(seconds=client.practice.undo_seconds),
        created_by=member,
        case=case,
    )
    return Approved(interaction, outbox)


def _email_allowed(*, client: Client, subject: str, to_address: str, essential: bool) -> None:
    """An email goes with a subject, to one of the client's addresses, and not at all to a client
    who opted out, unless it is about an appointment."""
    if not subject:
        raise ValidationError({"subject": "An email needs a subject."})
    addresses = set(
        client.contact_points.filter(kind=ContactKind.EMAIL).values_list("normalized", flat=True)
    )
    if to_address.strip().lower() not in addresses:
        raise ValidationError({"to_address": "Choose one of this client's email addresses."})
    if client.messages_opt_out and not essential:
        raise ValidationError(
            f"{client.display_name} asked not to get messages other than about appointments. "
            "Send this only if it is about an appointment, and mark it so."
        )
