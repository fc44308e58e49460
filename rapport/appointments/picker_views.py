"""The client picker's list, for htmx as the provider types in the booking form."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from rapport.appointments.client_picker import client_picker
from rapport.lib.http import id_param
from rapport.practices.access import PracticeRequest, member_required


@member_required
def appointment_client_picker(request: PracticeRequest) -> HttpResponse:
    """Up to twenty of this practice's current clients whose names hold what was typed, with
    the one already chosen kept first."""
    picker = client_picker(
        request.practice,
        query=request.GET.get("client_q", ""),
        selected_id=id_param(request.GET.get("client", "")),
    )
    return render(request, "appointments/_client_matches.html", {"picker": picker})
