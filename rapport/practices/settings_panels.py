"""Parts of the settings page that apps above the practice add, such as the mailbox.

The settings page belongs to the practice, below every app that has something to
set; an app adds its part here (from its AppConfig.ready), so the page shows it without
importing upwards. A part is for the practice's owner only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, QueryDict

from rapport.practices.models import Practice


@dataclass(frozen=True)
class SettingsPanel:
    # The hidden field its form posts (and its form's prefix): which form was sent.
    name: str
    # Rendered with `form`, inside the page.
    template: str
    # Its form, bound to what was posted or not.
    form: Callable[[Practice, QueryDict | None, str], forms.ModelForm[Any]]
    # After the form was saved: what the page says (and anything done at once).
    saved: Callable[[HttpRequest, forms.ModelForm[Any]], None]


_PANELS: dict[str, SettingsPanel] = {}


def settings_panel_add(panel: SettingsPanel) -> None:
    """Adds a part, once: calling it again with the same name replaces the part."""
    _PANELS[panel.name] = panel


def settings_panels() -> list[SettingsPanel]:
    return list(_PANELS.values())
