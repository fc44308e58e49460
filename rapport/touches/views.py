"""Planning and logging touches, the monthly reflection, and the practice's kinds."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from rapport.clients.lookups import client_for
from rapport.clients.models import Client, Fact
from rapport.lib.dates import month_param
from rapport.lib.forms import add_service_errors
from rapport.lib.http import id_param, refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required
from rapport.touches.forms import TouchDoneForm, TouchForm, TouchKindForm
from rapport.touches.models import Touch, TouchKind
from rapport.touches.reflection import add_months, reflection_for
from rapport.touches.services import (
    budget_status,
    budget_warning,
    kinds_ensure,
    touch_delete,
    touch_done,
    touch_plan,
    touch_repeats,
    touch_update,
)


def _touch_for(request: PracticeRequest, client: Client, touch_id: int) -> Touch:
    return get_object_or_404(
        Touch.objects.for_practice(request.practice).select_related("kind", "interaction"),
        pk=touch_id,
        client=client,
    )


def _back(client: Client) -> str:
    return reverse("client_detail", args=[client.pk]) + "#touches"


def _idea_fact(request: PracticeRequest, client: Client) -> Fact | None:
    raw = request.POST.get("fact") or request.GET.get("fact") or ""
    if (fact_id := id_param(raw)) is None:
        return None
    return Fact.objects.filter(practice=request.practice, client=client, pk=fact_id).first()


def _warn(request: PracticeRequest, touch: Touch) -> None:
    if not touch.kind.suits(touch.client):
        messages.warning(
            request,
            f"{touch.kind.name} is usually kept for clients you know better than "
            f"{touch.client.display_name}: make sure it will feel right to them.",
        )
    warning = budget_warning(touch.practice, touch.planned_on) if touch.cost else ""
    if warning:
        messages.warning(request, f"Planned. {warning} It is your call.")


@member_required
def touch_new(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    kinds_ensure(practice=request.practice)
    fact = _idea_fact(request, client)
    lost_fact = bool(request.POST.get("fact")) and fact is None
    initial = {
        "kind": request.GET.get("kind"),
        "note": request.GET.get("note", "")[:2000],
        "planned_on": timezone.localdate(),
    }
    form = TouchForm(request.POST or None, initial=initial, client=client)
    repeats: list[Touch] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        repeats = touch_repeats(
            client=client, kind=data["kind"], note=data["note"], source_fact=fact,
            on=data["planned_on"],
        )  # fmt: skip
        if repeats and not data["confirm_repeat"]:
            form.add_error(
                None, "Something very like this was given recently: see below. Plan it anyway?"
            )
        else:
            try:
                touch = touch_plan(
                    client=client,
                    kind=data["kind"],
                    planned_on=data["planned_on"],
                    note=data["note"],
                    cost=data["cost"],
                    source_fact=fact,
                    created_by=request.member,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Planned for {touch.planned_on:%A %-d %B}.")
                if lost_fact:
                    messages.info(
                        request,
                        "The fact this idea came from was deleted meanwhile; the touch is "
                        "planned without it.",
                    )
                _warn(request, touch)
                return redirect(_back(client))
    return render(
        request,
        "touches/form.html",
        {
            "client": client,
            "form": form,
            "fact": fact,
            "repeats": repeats,
            "touch": None,
            "budget": budget_status(request.practice),
        },
        status=400 if form.errors else 200,
    )


@member_required
def touch_edit(request: PracticeRequest, client_id: int, touch_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    touch = _touch_for(request, client, touch_id)
    form = TouchForm(request.POST or None, instance=touch, client=client)
    done_form = TouchDoneForm(initial={"done_on": timezone.localdate(), "response": touch.response})
    if request.method == "POST" and form.is_valid():
        try:
            touch_update(touch=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(_back(client))
    return render(
        request,
        "touches/form.html",
        {
            "client": client,
            "form": form,
            "done_form": done_form,
            "touch": touch,
            "budget": budget_status(request.practice),
        },
        status=400 if form.errors else 200,
    )


@member_required
def touch_mark_done(request: PracticeRequest, client_id: int, touch_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    touch = _touch_for(request, client, touch_id)
    if refused := refuse_unless_post(request):
        return refused
    form = TouchDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the day it was done, as a date.")
        return redirect("touch_edit", client_id=client.pk, touch_id=touch.pk)
    try:
        touch_done(
            touch=touch,
            response=form.cleaned_data["response"],
            done_on=form.cleaned_data["done_on"],
            member=request.member,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Done, and on the timeline.")
    return redirect(_back(client))


@member_required
def touch_remove(request: PracticeRequest, client_id: int, touch_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    touch = _touch_for(request, client, touch_id)
    if refused := refuse_unless_post(request):
        return refused
    touch_delete(touch=touch)
    messages.success(request, "Deleted.")
    return redirect(_back(client))


def _month_param(request: PracticeRequest) -> date:
    raw = request.GET.get("month", "")
    if raw and (month := month_param(raw)) is not None:
        return month
    if raw:
        messages.error(request, f"“{raw[:20]}” is not a month such as 2026-11: showing this one.")
    return timezone.localdate().replace(day=1)


@member_required
def reflection(request: PracticeRequest) -> HttpResponse:
    month = _month_param(request)
    data = reflection_for(request.member, month)
    this_month = timezone.localdate().replace(day=1)
    return render(
        request,
        "touches/reflection.html",
        {
            "reflection": data,
            "previous": add_months(month, -1),
            "next": add_months(month, 1) if month < this_month else None,
            "budget": budget_status(request.practice),
        },
    )


@member_required
def kind_list(request: PracticeRequest) -> HttpResponse:
    kinds_ensure(practice=request.practice)
    form = TouchKindForm(request.POST or None, practice=request.practice)
    if request.method == "POST" and form.is_valid():
        kind = form.save(commit=False)
        kind.practice = request.practice
        kind.save()
        messages.success(request, f"Added “{kind.name}”.")
        return redirect("touch_kinds")
    return render(
        request,
        "touches/kinds.html",
        {"kinds": TouchKind.objects.for_practice(request.practice), "form": form},
        status=400 if form.errors else 200,
    )


@member_required
def kind_edit(request: PracticeRequest, kind_id: int) -> HttpResponse:
    kind = get_object_or_404(TouchKind.objects.for_practice(request.practice), pk=kind_id)
    form = TouchKindForm(request.POST or None, instance=kind, practice=request.practice)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("touch_kinds")
    return render(
        request,
        "touches/kind_form.html",
        {"kind": kind, "form": form},
        status=400 if form.errors else 200,
    )


@member_required
def kind_delete(request: PracticeRequest, kind_id: int) -> HttpResponse:
    kind = get_object_or_404(TouchKind.objects.for_practice(request.practice), pk=kind_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        kind.delete()
    except ProtectedError:
        messages.error(
            request,
            f"“{kind.name}” is in the history of touches, so it stays. Rename it, or change "
            "its rules, instead.",
        )
    else:
        messages.success(request, f"Deleted “{kind.name}”.")
    return redirect("touch_kinds")
