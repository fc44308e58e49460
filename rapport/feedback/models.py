"""Feedback requests: one or two open questions a provider asks a client, and the client's
answers in their own words. There is no rating of any kind, by design (P11): a number says
how much, never what would have helped, so no model here holds one (tests/feedback keep it so).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction

# A client is asked at most once in this long: feedback that is asked for too often is nagging.
ASK_AGAIN_AFTER = timedelta(days=90)
# How long the link in the request works: long enough for a busy week or two, not for ever.
LINK_LIFETIME = timedelta(days=30)
MOST_QUESTIONS = 2
QUESTION_LENGTH = 300
# Characters per answer: room for a long letter, not for a pasted document.
ANSWER_LENGTH = 5_000

GOOD_QUESTIONS = (
    "What would have made today more helpful?",
    "What might we do differently next time?",
    "Was there anything you hoped to talk about and did not?",
)


class FeedbackRequestQuerySet(PracticeQuerySet["FeedbackRequest"]):
    def sent(self) -> FeedbackRequestQuerySet:
        return self.filter(sent_at__isnull=False)

    def answered(self) -> FeedbackRequestQuerySet:
        return self.filter(answered_at__isnull=False)


class FeedbackRequest(PracticeOwned):
    """One request: drafted when the provider picks its questions, sent when they approve the
    message that carries its link, answered once (the link is then spent)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="feedback_requests")
    asked_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    message = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # The answer as it stands on the client's timeline.
    answer_note = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replied_at = models.DateTimeField(null=True, blank=True)
    reply = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["practice", "answered_at"], name="feedback_answered"),
            models.Index(fields=["client", "sent_at"], name="feedback_client_sent"),
        ]

    def __str__(self) -> str:
        return f"Feedback request {self.pk} for client {self.client_id}"


class FeedbackQuestion(PracticeOwned):
    """An open question of a request, and the client's answer to it ("" until they answer,
    or if they left it empty). Shown in the order they were written (by id)."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=QUESTION_LENGTH)
    answer = models.TextField(blank=True, max_length=ANSWER_LENGTH)

    objects = PracticeQuerySet["FeedbackQuestion"].as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text
