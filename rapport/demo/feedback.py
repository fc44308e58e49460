"""The demo's feedback: a dozen clients asked what would have helped over the last months, in
their own words, which fall into at least three themes (late starts, a written summary,
booking online) and a few in none; two answers still wait for a reply on Today."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rapport.clients.models import Client, ContactKind
from rapport.feedback.models import GOOD_QUESTIONS, FeedbackQuestion, FeedbackRequest
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, InteractionKind
from rapport.timeline.services import interaction_create

# (days ago answered, the client's words)
ANSWERS = (
    (150, "We started late again, so the session felt rushed at the end."),
    (131, "A written summary afterwards, so I can remember what we agreed."),
    (118, "Being able to book online instead of phoning during work hours."),
    (96, "Starting on time. We started late and I had to leave before we finished."),
    (84, "A short written summary of the session would help me at home."),
    (71, "Online booking. I never manage to call when the office is open."),
    (58, "More time to talk about the money side before we began."),
    (45, "It started late, which left less time for the part I came for."),
    (33, "Some written notes or a summary to take away with me."),
    (21, "Nothing really, it was what I needed."),
    (9, "If I could book the next session online I would have done it there and then."),
    (2, "A quieter room; I could hear the next appointment waiting outside."),
)
WAITING = 2  # the latest answers, not yet replied to


def demo_feedback(practice: Practice, owner: Member) -> None:
    now = timezone.now()
    asked_ones = (
        Client.objects.for_practice(practice)
        .current()
        .filter(messages_opt_out=False, contact_points__kind=ContactKind.EMAIL)
        .distinct()
        .order_by("pk")
    )
    question = GOOD_QUESTIONS[0]
    for number, (client, (days, words)) in enumerate(zip(asked_ones, ANSWERS, strict=False)):
        answered = now - timedelta(days=days, hours=3)
        asked = answered - timedelta(days=1)
        message = interaction_create(
            client=client,
            kind=InteractionKind.EMAIL,
            direction=Direction.OUTBOUND,
            occurred_at=asked,
            summary=f"What would have helped?\n\n{question} (with the private link to answer)",
            created_by=owner,
        )
        note = interaction_create(
            client=client,
            kind=InteractionKind.NOTE,
            direction=Direction.INBOUND,
            occurred_at=answered,
            summary="Answered your feedback request.",
            client_words=f"{question}\n{words}",
        )
        waiting = number >= len(ANSWERS) - WAITING
        reply = None
        if not waiting:
            reply = interaction_create(
                client=client,
                kind=InteractionKind.EMAIL,
                direction=Direction.OUTBOUND,
                occurred_at=answered + timedelta(hours=5),
                summary="Re: What would have helped?\n\nThank you for telling me.",
                created_by=owner,
            )
        request = FeedbackRequest.objects.create(
            practice=practice,
            client=client,
            asked_by=owner,
            created_at=asked,
            sent_at=asked,
            message=message,
        )
        FeedbackQuestion.objects.create(
            practice=practice, request=request, text=question, answer=words
        )
        # Answered once its answer is written, as feedback_answer does: Today quotes it.
        request.answered_at, request.answer_note = answered, note
        request.replied_at, request.reply = None if reply is None else reply.occurred_at, reply
        request.save()
