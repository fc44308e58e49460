from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def practice(request: HttpRequest) -> dict[str, Any]:
    return {
        "practice": getattr(request, "practice", None),
        "member": getattr(request, "member", None),
    }
