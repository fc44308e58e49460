"""Settings → API tokens: make one (its key shown once), see when each was used, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from rapport.api.models import ApiToken
from rapport.api.services import token_create, token_revoke
from rapport.lib.http import refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required


@member_required
def token_list(request: PracticeRequest) -> HttpResponse:
    key, error, status = "", "", 200
    if request.method == "POST":
        try:
            _, key = token_create(member=request.member, name=request.POST.get("name", ""))
        except ValidationError as problem:
            error, status = " ".join(problem.messages), 400
    tokens = ApiToken.objects.for_practice(request.practice).filter(member=request.member)
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": tokens,
            "new_key": key,  # rendered once, never stored or redirected through a cookie
            "error": error,
            "schema_url": request.build_absolute_uri(reverse("api:openapi-json")),
        },
        status=status,
    )


@member_required
def token_revoke_view(request: PracticeRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(
        ApiToken.objects.for_practice(request.practice).filter(member=request.member), pk=token_id
    )
    if refused := refuse_unless_post(request):
        return refused
    token_revoke(token=token)
    messages.success(request, f"“{token.name}” no longer works.")
    return redirect("api_tokens")
