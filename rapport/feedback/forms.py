"""The feedback forms: the provider's questions, the client's answers, the themes' period.
Open questions and text boxes only: there is no rating field, and a test keeps it so."""

from __future__ import annotations

from typing import Any

from django import forms

from rapport.feedback.models import (
    ANSWER_LENGTH,
    GOOD_QUESTIONS,
    MOST_QUESTIONS,
    QUESTION_LENGTH,
    FeedbackQuestion,
)


class FeedbackAskForm(forms.Form):
    chosen = forms.MultipleChoiceField(
        label="Questions to ask",
        choices=[(question, question) for question in GOOD_QUESTIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=[GOOD_QUESTIONS[0]],
    )
    own = forms.CharField(
        label="Or a question of your own",
        max_length=QUESTION_LENGTH,
        required=False,
        help_text=f"Open questions only, {MOST_QUESTIONS} at most in all: ask what would "
        "have helped, not how much they liked it.",
    )

    def questions(self) -> list[str]:
        return [*self.cleaned_data["chosen"], self.cleaned_data["own"]]


class FeedbackAnswerForm(forms.Form):
    """One text box per question; the limit is said beside each box."""

    def __init__(self, *args: Any, questions: list[FeedbackQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question.text,
                required=False,
                max_length=ANSWER_LENGTH,
                strip=True,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=f"In your own words, up to {ANSWER_LENGTH:,} characters.",
                error_messages={
                    "max_length": f"Please keep this to {ANSWER_LENGTH:,} characters or fewer "
                    "(this one has %(show_value)s): shorten it, and send it again."
                },
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields]


class ThemesPeriodForm(forms.Form):
    months = forms.ChoiceField(
        label="Answers of the last",
        choices=[("3", "3 months"), ("6", "6 months"), ("12", "12 months")],
        initial="6",
    )
