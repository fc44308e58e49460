"""A client's cases: open one, read its story, add what was tried and the advice given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse

from rapport.cases import services
from rapport.cases.forms import AdviceForm, CaseEditForm, CaseForm, StepForm
from rapport.cases.history import case_history, linkable
from rapport.cases.models import Advice, Case, Certainty, Step
from rapport.clients.lookups import client_for
from rapport.clients.models import Client
from rapport.lib.forms import add_service_errors
from rapport.lib.http import id_param, refuse_unless_post
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
    interactions, facts = linkable(case)
    context = {
        "client": client,
        "case": case,
        "history": case_history(case),
        "advice_groups": groups,
        "advice_count": len(advice),
        "linkable_interactions": interactions,
        "linkable_facts": facts,
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


def _back(case: Case, anchor: str = "") -> HttpResponse:
    url = reverse("case_detail", kwargs={"client_id": case.client_id, "case_id": case.pk})
    return redirect(url + anchor)


@member_required
def step_edit(request: PracticeRequest, client_id: int, case_id: int, step_id: int) -> HttpResponse:
    case = _case_for(request, client_for(request.practice, client_id), case_id)
    step = get_object_or_404(Step.objects.for_practice(request.practice), pk=step_id, case=case)
    form = StepForm(request.POST or None, instance=step, practice=request.practice)
    return _edit_in_case(
        request,
        case,
        form,
        save=lambda **data: services.step_update(step=step, **data),
        remove=lambda: services.step_delete(step=step),
        what="step",
    )


@member_required
def advice_edit(
    request: PracticeRequest, client_id: int, case_id: int, advice_id: int
) -> HttpResponse:
    case = _case_for(request, client_for(request.practice, client_id), case_id)
    advice = get_object_or_404(
        Advice.objects.for_practice(request.practice), pk=advice_id, case=case
    )
    form = AdviceForm(request.POST or None, instance=advice, practice=request.practice)
    return _edit_in_case(
        request,
        case,
        form,
        save=lambda **data: services.advice_update(advice=advice, **data),
        remove=lambda: services.advice_delete(advice=advice),
        what="advice",
    )


def _edit_in_case(
    request: PracticeRequest,
    case: Case,
    form: StepForm | AdviceForm,
    *,
    save: Callable[..., object],
    remove: Callable[[], None],
    what: str,
) -> HttpResponse:
    """Edits a step or advice; a POST with `remove` takes it out of the case instead."""
    if request.method == "POST" and "remove" in request.POST:
        remove()
        messages.success(request, f"Removed the {what} from the case.")
        return _back(case)
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved the {what}.")
            return _back(case)
    context = {
        "client": case.client,
        "case": case,
        "title": f"Edit the {what}",
        "submit": "Save",
        "removable": what,
    }
    return _form_page(request, form, context)


@member_required
def case_delete(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    case = _case_for(request, client, case_id)
    if refused := refuse_unless_post(request):
        return refused
    services.case_delete(case=case)
    messages.success(request, "Case deleted. What was linked to it stays on their record.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#cases")


@member_required
def case_link(request: PracticeRequest, client_id: int, case_id: int) -> HttpResponse:
    """Links the ticked conversations and facts of this client to the case, or unlinks one.

    Only this client's own are looked for, so another client's id is a 404."""
    client = client_for(request.practice, client_id)
    case = _case_for(request, client, case_id)
    if refused := refuse_unless_post(request):
        return refused
    interactions = _ids(request, "interaction")
    facts = _ids(request, "fact")
    found_interactions = list(client.interactions.filter(pk__in=interactions))
    found_facts = list(client.facts.filter(pk__in=facts))
    if len(found_interactions) != len(set(interactions)) or len(found_facts) != len(set(facts)):
        raise Http404("Not this client's.")
    unlink = request.POST.get("unlink") == "1"
    if not (found_interactions or found_facts):
        messages.error(request, "Tick a conversation or a fact to link to the case.")
        return _back(case, "#link")
    with transaction.atomic():
        for interaction in found_interactions:
            if unlink:
                services.case_unlink_interaction(case=case, interaction=interaction)
            else:
                services.case_link_interaction(case=case, interaction=interaction)
        for fact in found_facts:
            if unlink:
                services.case_unlink_fact(case=case, fact=fact)
            else:
                services.case_link_fact(case=case, fact=fact)
    if unlink:
        messages.success(request, "Taken out of the case's story; it stays on their record.")
    else:
        said = [
            f"{len(found)} {word}{pluralize(len(found))}"
            for found, word in ((found_interactions, "conversation"), (found_facts, "fact"))
            if found
        ]
        messages.success(request, f"Now in the case's story: {' and '.join(said)}.")
    return _back(case)


def _ids(request: PracticeRequest, name: str) -> list[int]:
    """The posted ids; one that is not a number is no id of theirs."""
    ids = [id_param(raw) for raw in request.POST.getlist(name)]
    if None in ids:
        raise Http404("Not this client's.")
    return [found for found in ids if found is not None]
