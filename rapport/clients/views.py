"""The client list, and editing what we know about a client (the client page is on the desk)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from rapport.clients import services
from rapport.clients.forms import (
    BulkActionForm,
    ClientForm,
    ContactPointFormSet,
    FactForm,
    ImportantDateForm,
    contact_point_rows,
)
from rapport.clients.list_rows import list_rows
from rapport.clients.listing import (
    ORDERS,
    clients_listed,
    column_sorts,
    order_for,
    tag_choice,
    tags_by_client,
)
from rapport.clients.lookups import client_for
from rapport.clients.models import Client, ClientStatus, Fact, ImportantDate
from rapport.lib.forms import add_service_errors
from rapport.lib.http import UrlPattern, is_htmx, local_target, refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required

CLIENTS_PER_PAGE = 50
ARCHIVED = "archived"


@member_required
def client_list(request: PracticeRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    clients = Client.objects.for_practice(request.practice)
    if status == ARCHIVED:
        clients = clients.archived()
    else:
        clients = clients.current()
        if status in ClientStatus.values:
            clients = clients.filter(status=status)
        else:
            status = ""
    tags = tag_choice(request.practice, request.GET.get("tag", ""))
    order = order_for(request.GET.get("sort", ""))
    clients = (
        clients_listed(clients.matching(query), tag=tags.chosen, order=order)
    ).select_related("reading")
    page = Paginator(clients, CLIENTS_PER_PAGE).get_page(request.GET.get("page"))
    listed = list(page.object_list)
    tags_of = tags_by_client(listed, tags.tags)
    client_url = UrlPattern("client_detail")
    context = {
        "page": page,
        "rows": list_rows(
            request, [(client, client_url(client.pk), tags_of[client.pk]) for client in listed]
        ),
        "query": query,
        "status": status,
        "statuses": [*ClientStatus.choices, (ARCHIVED, "Archived")],
        "tags": tags,
        "order": order,
        "orders": ORDERS.values(),
        "sorts": column_sorts(order),
        "bulk_form": BulkActionForm(practice=request.practice),
        "status_choices": ClientStatus.choices,
        "has_any": query
        or status
        or tags.chosen
        or page.paginator.count
        or Client.objects.for_practice(request.practice).exists(),
    }
    template = "clients/_list_results.html" if is_htmx(request) else "clients/list.html"
    return render(request, template, context)


@member_required
@require_POST
def client_bulk(request: PracticeRequest) -> HttpResponse:
    form = BulkActionForm(request.POST, practice=request.practice)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect(local_target(request) or "client_list")
    ids = [client.pk for client in form.cleaned_data["clients"]]
    action = form.cleaned_data["action"]
    practice = request.practice
    if action == "tag":
        tag = form.cleaned_data["tag"].strip()
        count = services.clients_tag(practice=practice, client_ids=ids, tag_name=tag)
        messages.success(request, f"Tagged {count} client{'s' if count != 1 else ''} “{tag}”.")
    elif action == "status":
        new_status = ClientStatus(form.cleaned_data["status"])
        count = services.clients_set_status(practice=practice, client_ids=ids, status=new_status)
        messages.success(
            request, f"{count} client{'s' if count != 1 else ''} now {new_status.label.lower()}."
        )
    else:
        count = services.clients_archive(practice=practice, client_ids=ids)
        messages.success(
            request,
            f"Archived {count} client{'s' if count != 1 else ''}. "
            "Find them under the Archived filter to restore them.",
        )
    return redirect(local_target(request) or "client_list")


def _client_form_page(request: PracticeRequest, client: Client | None) -> HttpResponse:
    region = request.practice.default_region
    form = ClientForm(request.POST or None, instance=client, initial=_initial_tags(client))
    points = ContactPointFormSet(
        request.POST or None,
        initial=None if request.POST else contact_point_rows(client),
        form_kwargs={"region": region},
        prefix="contact",
    )
    duplicates: list[Client] = []
    if request.method == "POST" and form.is_valid() and points.is_valid():
        inputs = [row for row in (sub.as_input() for sub in points.forms) if row is not None]
        emails = [row.value for row in inputs if row.kind == "email"]
        duplicates = list(
            services.client_duplicates(practice=request.practice, emails=emails, exclude=client)
        )
        if duplicates and not form.cleaned_data.get("confirm_duplicate"):
            form.add_error(None, "A client with this email address is already in your book.")
        else:
            saved = _save_client(request, form, client, inputs)
            if saved is not None:
                return redirect("client_detail", client_id=saved.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "clients/form.html",
        {"form": form, "points": points, "client": client, "duplicates": duplicates},
        status=status,
    )


def _initial_tags(client: Client | None) -> dict[str, str]:
    if client is None:
        return {}
    return {"tag_names": ", ".join(tag.name for tag in client.tags.all())}


def _save_client(
    request: PracticeRequest,
    form: ClientForm,
    client: Client | None,
    inputs: list[services.ContactPointInput],
) -> Client | None:
    profile = {name: form.cleaned_data[name] for name in ClientForm.Meta.fields}
    try:
        if client is None:
            saved = services.client_create(
                practice=request.practice,
                contact_points=inputs,
                tag_names=form.tag_list(),
                created_by=request.member,
                **profile,
            )
            messages.success(request, f"{saved.display_name} is in your client book.")
        else:
            saved = services.client_update(
                client=client, profile=profile, contact_points=inputs, tag_names=form.tag_list()
            )
            messages.success(request, "Saved.")
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    return saved


@member_required
def client_new(request: PracticeRequest) -> HttpResponse:
    return _client_form_page(request, None)


@member_required
def client_edit(request: PracticeRequest, client_id: int) -> HttpResponse:
    return _client_form_page(request, client_for(request.practice, client_id))


@member_required
def client_unarchive(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    if refused := refuse_unless_post(request):
        return refused
    services.client_unarchive(client=client)
    messages.success(request, f"{client.display_name} is back in your client list.")
    return redirect("client_detail", client_id=client.pk)


def _fact_for(request: PracticeRequest, client: Client, fact_id: int) -> Fact:
    return get_object_or_404(Fact.objects.for_practice(request.practice), pk=fact_id, client=client)


def _fact_form_page(request: PracticeRequest, client: Client, fact: Fact | None) -> HttpResponse:
    initial = {"category": request.GET.get("category")} if fact is None else None
    form = FactForm(request.POST or None, instance=fact, client=client, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if fact is None:
                data = form.cleaned_data
                services.fact_create(client=client, **data)
            else:
                services.fact_update(fact=form.instance)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved. You will remember.")
            return redirect(reverse("client_detail", args=[client.pk]) + "#facts")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "clients/fact_form.html",
        {"form": form, "client": client, "fact": fact},
        status=status,
    )


@member_required
def fact_new(request: PracticeRequest, client_id: int) -> HttpResponse:
    return _fact_form_page(request, client_for(request.practice, client_id), None)


@member_required
def fact_edit(request: PracticeRequest, client_id: int, fact_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    return _fact_form_page(request, client, _fact_for(request, client, fact_id))


@member_required
def fact_confirm(request: PracticeRequest, client_id: int, fact_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    fact = _fact_for(request, client, fact_id)
    if refused := refuse_unless_post(request):
        return refused
    services.fact_confirm(fact=fact)
    messages.success(request, f"Confirmed: {fact.text}")
    return redirect(reverse("client_detail", args=[client.pk]) + "#facts")


@member_required
def fact_ask_again(request: PracticeRequest, client_id: int, fact_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    fact = _fact_for(request, client, fact_id)
    if refused := refuse_unless_post(request):
        return refused
    services.fact_mark_ask_again(fact=fact)
    messages.info(request, f"On the ask-again list: {fact.text}")
    return redirect(reverse("client_detail", args=[client.pk]) + "#facts")


@member_required
def fact_delete(request: PracticeRequest, client_id: int, fact_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    fact = _fact_for(request, client, fact_id)
    if refused := refuse_unless_post(request):
        return refused
    fact.delete()
    messages.success(request, "Fact removed.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#facts")


def _date_form_page(
    request: PracticeRequest, client: Client, important_date: ImportantDate | None
) -> HttpResponse:
    instance = important_date or ImportantDate(practice=request.practice, client=client)
    form = ImportantDateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.important_date_save(important_date=form.instance)
        messages.success(request, f"Saved: {form.instance}.")
        return redirect(reverse("client_detail", args=[client.pk]) + "#dates")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "clients/date_form.html",
        {"form": form, "client": client, "important_date": important_date},
        status=status,
    )


def _date_for(request: PracticeRequest, client: Client, date_id: int) -> ImportantDate:
    return get_object_or_404(
        ImportantDate.objects.for_practice(request.practice), pk=date_id, client=client
    )


@member_required
def date_new(request: PracticeRequest, client_id: int) -> HttpResponse:
    return _date_form_page(request, client_for(request.practice, client_id), None)


@member_required
def date_edit(request: PracticeRequest, client_id: int, date_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    return _date_form_page(request, client, _date_for(request, client, date_id))


@member_required
def date_delete(request: PracticeRequest, client_id: int, date_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    important_date = _date_for(request, client, date_id)
    if refused := refuse_unless_post(request):
        return refused
    important_date.delete()
    messages.success(request, "Date removed.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#dates")
