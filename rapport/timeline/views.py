"""Logging what happened with a client, and keeping promises."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from rapport.clients.lookups import client_for
from rapport.clients.models import Client
from rapport.lib.forms import add_service_errors
from rapport.lib.http import local_target, refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required
from rapport.timeline import services
from rapport.timeline.form_extras import extras_for
from rapport.timeline.forms import InteractionForm, PromiseFormSet
from rapport.timeline.models import Interaction, Promise


def _interaction_for(request: PracticeRequest, client: Client, interaction_id: int) -> Interaction:
    return get_object_or_404(
        Interaction.objects.for_practice(request.practice), pk=interaction_id, client=client
    )


def _interaction_form_page(
    request: PracticeRequest, client: Client, interaction: Interaction | None
) -> HttpResponse:
    initial = None
    if interaction is None:
        initial = {key: request.GET[key] for key in ("kind", "direction") if key in request.GET}
    form = InteractionForm(request.POST or None, instance=interaction, initial=initial)
    # Only when logging: an interaction already logged is linked from where the extra lives.
    extras = extras_for(form, client) if interaction is None else []
    promises = PromiseFormSet(request.POST or None, prefix="promise")
    if request.method == "POST" and form.is_valid() and promises.is_valid():
        new_promises = [
            row for row in (sub.as_input() for sub in promises.forms) if row is not None
        ]
        try:
            if interaction is None:
                data = dict(form.cleaned_data)
                chosen = {extra.name: data.pop(extra.name) for extra in extras}
                with transaction.atomic():
                    logged = services.interaction_create(
                        client=client, promises=new_promises, created_by=request.member, **data
                    )
                    for extra in extras:
                        extra.save(logged, chosen[extra.name])
            else:
                services.interaction_update(interaction=form.instance, new_promises=new_promises)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Logged on the timeline.")
            return redirect(reverse("client_detail", args=[client.pk]) + "#timeline")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "timeline/interaction_form.html",
        {
            "form": form,
            "promises": promises,
            "client": client,
            "interaction": interaction,
            "extras": [form[extra.name] for extra in extras],
        },
        status=status,
    )


@member_required
def interaction_new(request: PracticeRequest, client_id: int) -> HttpResponse:
    return _interaction_form_page(request, client_for(request.practice, client_id), None)


@member_required
def interaction_edit(request: PracticeRequest, client_id: int, interaction_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    return _interaction_form_page(
        request, client, _interaction_for(request, client, interaction_id)
    )


@member_required
def interaction_delete(
    request: PracticeRequest, client_id: int, interaction_id: int
) -> HttpResponse:
    client = client_for(request.practice, client_id)
    interaction = _interaction_for(request, client, interaction_id)
    if refused := refuse_unless_post(request):
        return refused
    services.interaction_delete(interaction=interaction)
    messages.success(request, "Removed from the timeline.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#timeline")


@member_required
def promise_done(request: PracticeRequest, client_id: int, promise_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    promise = get_object_or_404(
        Promise.objects.for_practice(request.practice), pk=promise_id, client=client
    )
    if refused := refuse_unless_post(request):
        return refused
    done = request.POST.get("done", "1") == "1"
    services.promise_set_done(promise=promise, done=done)
    messages.success(request, f"Kept: {promise.text}" if done else f"Open again: {promise.text}")
    return redirect(local_target(request) or reverse("client_detail", args=[client.pk]))
