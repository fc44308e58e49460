"""What an action on one of Today's items posts."""

from __future__ import annotations

from django import forms

from rapport.attention.models import ActionKind
from rapport.lib.forms import DateField


class AgendaActionForm(forms.Form):
    action = forms.ChoiceField(choices=ActionKind.choices)
    until = DateField(required=False)
