"""A client's cases: open one, read its story, add what was tried and the advice given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from rapport.cases import services
from rapport.cases.forms import AdviceForm, CaseEditForm, CaseForm, StepForm
from rapport.cases.models import Case, Certainty
from rapport.clients.lookups import client_for
from rapport.clients.models import Client
from rapport.lib.forms import add_service_errors
from rapport.practices.access import PracticeRequest, member_required


def _case_for(request: PracticeRequest, client: Client, case_id: int) -> Case:
    case = get_object_or_404(Case.objects.for_practice(request.practice), pk=case_id, client=client)
    case.client = client
    return case


def _form_page(
    request: PracticeRequest, form: forms.BaseForm, context: dict[str, Any]
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/form.html", {"form": form, **context}, status=status)


@member_required
def case_new(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(
                client=client, created_by=request.member, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Case opened. Add what has been tried so far.")
            return redirect("case_detail", client_id=client.pk, case_id=case.pk)
    return _form_page(
        request, form, {"client": client, "title": "Open a case", "submit": "Open it"}
    )


@member_required
def case_detail(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    case = _case_for(request, client, case_id)
    advice = list(case.advice.select_related("member__user"))
    groups = [
        (kind.value, kind.label, [item for item in advice if item.certainty == kind])
        for kind in Certainty
    ]
    context = {
        "client": client,
        "case": case,
        "steps": list(case.steps.select_related("member__user")),
        "advice_groups": groups,
        "advice_count": len(advice),
    }
    return render(request, "cases/detail.html", context)


@member_required
def case_edit(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    case = _case_for(request, client, case_id)
    form = CaseEditForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_update(case=case, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved: the case is {case.get_status_display().lower()}.")
            return redirect("case_detail", client_id=client.pk, case_id=case.pk)
    context = {"client": client, "case": case, "title": "Edit the case", "submit": "Save"}
    return _form_page(request, form, context)


def _add_to_case(
    request: PracticeRequest,
    case: Case,
    form: StepForm | AdviceForm,
    add: Callable[..., object],
    words: tuple[str, str],
) -> HttpResponse:
    """Adds a step or advice with the form's data; `words` are the page's title and the notice."""
    if request.method == "POST" and form.is_valid():
        try:
            add(case=case, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, words[1])
            return redirect("case_detail", client_id=case.client_id, case_id=case.pk)
    context = {"client": case.client, "case": case, "title": words[0], "submit": "Add it"}
    return _form_page(request, form, context)


@member_required
def step_new(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    case = _case_for(request, client_for(request.practice, client_id), case_id)
    form = StepForm(request.POST or None, practice=request.practice)
    return _add_to_case(request, case, form, services.step_add, ("Add a step", "Step added."))


@member_required
def advice_new(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    case = _case_for(request, client_for(request.practice, client_id), case_id)
    form = AdviceForm(request.POST or None, practice=request.practice)
    return _add_to_case(request, case, form, services.advice_add, ("Add advice", "Advice added."))
