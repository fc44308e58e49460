"""Reading the answers: the themes of a practice's recent answers, each quote with the client
who wrote it, for the Themes page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from rapport.clients.models import Client
from rapport.feedback.models import FeedbackQuestion
from rapport.feedback.themes import Answer, themes_of
from rapport.practices.models import Practice

DAYS_PER_MONTH = 30.44  # on average: "the last 6 months" as a moment, not calendar months


@dataclass(frozen=True)
class Quote:
    words: str
    client: Client


@dataclass(frozen=True)
class ThemeShown:
    label: str
    count: int
    quotes: list[Quote]


@dataclass(frozen=True)
class ThemesFound:
    themes: list[ThemeShown]
    unthemed: list[tuple[FeedbackQuestion, Client]]  # answers in no theme, newest first
    answers: int


def answers_since(practice: Practice, *, months: int) -> list[FeedbackQuestion]:
    """The non-empty answers given in the last `months`, newest first, with their clients."""
    since = timezone.now() - timedelta(days=round(months * DAYS_PER_MONTH))
    return list(
        FeedbackQuestion.objects.for_practice(practice)
        .filter(request__answered_at__gte=since)
        .exclude(answer="")
        .select_related("request__client")
        .order_by("-request__answered_at", "-id")
    )


def _said_by(quote: str, in_theme: list[FeedbackQuestion]) -> FeedbackQuestion:
    """The answer a quote was cut from: quotes are whole answers, or their start."""
    start = quote.removesuffix("…")
    for answer in in_theme:
        if " ".join(answer.answer.split()).startswith(start):
            return answer
    return in_theme[0]


def themes_since(practice: Practice, *, months: int) -> ThemesFound:
    answers = answers_since(practice, months=months)
    by_id = {str(answer.pk): answer for answer in answers}
    themes = themes_of([Answer(str(answer.pk), answer.answer) for answer in answers])
    shown: list[ThemeShown] = []
    themed: set[str] = set()
    for theme in themes:
        in_theme = [by_id[answer_id] for answer_id in theme.answer_ids]
        themed.update(theme.answer_ids)
        quotes = []
        for quote in theme.quotes:
            said = _said_by(quote, in_theme)
            quotes.append(Quote(quote, said.request.client))
        shown.append(ThemeShown(theme.label, theme.count, quotes))
    unthemed = [(a, a.request.client) for a in answers if str(a.pk) not in themed]
    return ThemesFound(shown, unthemed, len(answers))
