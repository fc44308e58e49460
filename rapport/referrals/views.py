"""Trusted partners, and referring a client to one: the suggestion, the consent, the
introduction through the composer (or for copying by hand), and how it went."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from rapport.cases.models import Case
from rapport.clients.lookups import client_for
from rapport.lib.forms import add_service_errors
from rapport.lib.http import id_param
from rapport.messaging.composer import composer_open, composer_submit, findings_context
from rapport.messaging.forms import ComposeForm
from rapport.messaging.services import Approved, message_check, templates_ensure
from rapport.practices.access import PracticeRequest, member_required
from rapport.referrals import services
from rapport.referrals.forms import IntroductionCopyForm, OutcomeForm, PartnerForm, ReferForm
from rapport.referrals.models import Partner, Referral
from rapport.referrals.queries import introduction_draft, partners_suggested


def _partner_for(request: PracticeRequest, partner_id: int) -> Partner:
    return get_object_or_404(Partner.objects.for_practice(request.practice), pk=partner_id)


def _referral_for(request: PracticeRequest, referral_id: int) -> Referral:
    return get_object_or_404(
        Referral.objects.for_practice(request.practice).select_related("client", "partner", "case"),
        pk=referral_id,
    )


@member_required
def partner_list(request: PracticeRequest) -> HttpResponse:
    partners = Partner.objects.for_practice(request.practice)
    return render(request, "referrals/partners.html", {"partners": partners})


def _partner_form_page(
    request: PracticeRequest, form: PartnerForm, partner: Partner | None
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "partner": partner}
    return render(request, "referrals/partner_form.html", context, status=status)


@member_required
def partner_new(request: PracticeRequest) -> HttpResponse:
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(practice=request.practice, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{partner.name} is among your partners.")
            return redirect("partner_detail", partner.pk)
    return _partner_form_page(request, form, None)


@member_required
def partner_edit(request: PracticeRequest, partner_id: int) -> HttpResponse:
    partner = _partner_for(request, partner_id)
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(partner=partner, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect("partner_detail", partner.pk)
    return _partner_form_page(request, form, partner)


@member_required
def partner_detail(request: PracticeRequest, partner_id: int) -> HttpResponse:
    partner = _partner_for(request, partner_id)
    referrals = partner.referrals.select_related("client", "case", "referred_by__user")
    return render(
        request, "referrals/partner.html", {"partner": partner, "referrals": list(referrals)}
    )


@member_required
def partner_delete(request: PracticeRequest, partner_id: int) -> HttpResponse:
    partner = _partner_for(request, partner_id)
    if request.method == "POST":
        services.partner_delete(partner=partner)
        messages.success(request, f"{partner.name} is no longer among your partners.")
        return redirect("partner_list")
    count = partner.referrals.count()
    return render(request, "referrals/partner_delete.html", {"partner": partner, "count": count})


@member_required
def refer(request: PracticeRequest, client_id: int) -> HttpResponse:
    """Suggests partners for the need (typed, or the case's problem) and records the choice."""
    client = client_for(request.practice, client_id)
    case = None
    if raw_case := request.GET.get("case", ""):
        case_id = id_param(raw_case)
        case = get_object_or_404(
            Case.objects.for_practice(request.practice), pk=case_id or 0, client=client
        )
    if (partner_id := id_param(request.POST.get("partner", ""))) is not None:
        _partner_for(request, partner_id)  # another practice's partner is a 404, as a page is
    need = str(request.GET.get("need", ""))[:300].strip()
    form = ReferForm(
        request.POST or None,
        practice=request.practice,
        case=case,
        initial={"need": need or (case.problem[:300] if case else "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_create(
                client=client, case=case, member=request.member, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Referred to {referral.partner.name}. Now the introduction.")
            return redirect("referral_introduction", referral.pk)
    looked_for = need or (case.problem if case else "")
    suggested = partners_suggested(request.practice, looked_for)
    context = {
        "client": client,
        "case": case,
        "form": form,
        "need": need,
        "suggested": suggested,
        "matched": any(found.matched for _, found in suggested),
    }
    return render(
        request, "referrals/refer.html", context, status=400 if request.method == "POST" else 200
    )


@member_required
def introduction(request: PracticeRequest, referral_id: int) -> HttpResponse:
    """One introduction to both sides, in the composer; for a partner with no email, the
    words to copy by hand, checked the same way."""
    referral = _referral_for(request, referral_id)
    client, partner = referral.client, referral.partner
    client.practice = request.practice
    if not partner.email:
        return _to_copy(request, referral)
    about = (
        f"Introducing {client.display_name} to {partner.name}: one email to both, "
        f"with {partner.name} <{partner.email}> in copy"
    )
    templates_ensure(practice=request.practice)
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return services.introduction_approve(
                referral=referral,
                member=request.member,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
                essential=data["essential"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    subject, body = introduction_draft(referral, request.member)
    form = ComposeForm(initial={"subject": subject, "body": body}, client=client)
    return composer_open(request, client=client, form=form, about=about)


def _to_copy(request: PracticeRequest, referral: Referral) -> HttpResponse:
    """The partner takes introductions another way: the words, checked, with a copy button."""
    form = IntroductionCopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.introduction_keep(referral=referral, text=form.cleaned_data["text"])
        messages.success(request, "Kept with the referral. Send it the way they like.")
        return redirect(reverse("client_detail", args=[referral.client_id]) + "#timeline")
    if request.method != "POST":
        if referral.introduction:
            text = referral.introduction
        else:
            subject, body = introduction_draft(referral, request.member)
            text = f"{subject}\n\n{body}"
        form = IntroductionCopyForm(initial={"text": text})
    text = str(form["text"].value() or "")
    findings = message_check(client=referral.client, subject="", body=text)
    context = {
        "referral": referral,
        "client": referral.client,
        "form": form,
        **findings_context(findings, text),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "referrals/copy.html", context, status=status)


@member_required
def outcome(request: PracticeRequest, referral_id: int) -> HttpResponse:
    referral = _referral_for(request, referral_id)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_outcome_record(
                referral=referral,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                member=request.member,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Noted: {referral.get_outcome_display().lower()}."
                + (
                    f" Today asks again in {referral.follow_up_days} days."
                    if referral.follow_up_at
                    else ""
                ),
            )
            return redirect("partner_detail", referral.partner_id)
    context = {"referral": referral, "form": form}
    return render(
        request, "referrals/outcome.html", context, status=400 if request.method == "POST" else 200
    )
