"""Downloads of a practice's data, a client's own data on request, and erasing a client."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify

from rapport.clients.lookups import client_for
from rapport.portability.export import client_export, practice_file
from rapport.portability.models import Erasure, ExportFile, ExportKind
from rapport.portability.services import client_erase
from rapport.portability.tasks import export_file_request
from rapport.portability.undo import undoable
from rapport.practices.access import PracticeRequest, member_required

FORMATS = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "vcard": ("text/vcard; charset=utf-8", "vcf"),
}


def _download(body: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@member_required
def export_page(request: PracticeRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("format") in ExportKind.values:
        export_file_request(member=request.member, kind=ExportKind(request.POST["format"]))
        messages.success(request, "Being prepared: it will be ready to download here.")
        return redirect("export")
    kind = request.GET.get("format", "")
    if kind in FORMATS:
        return _download(practice_file(request.practice, kind), *_named(request, kind))
    erasures = Erasure.objects.for_practice(request.practice)[:20]
    imports = undoable(request.practice.pk)[:20]
    prepared = ExportFile.objects.for_practice(request.practice).defer("content").first()
    return render(
        request,
        "portability/export.html",
        {
            "erasures": erasures,
            "imports": imports,
            "prepared": prepared,
            "kinds": ExportKind.choices,
        },
    )


def _named(request: PracticeRequest, kind: str) -> tuple[str, str]:
    content_type, suffix = FORMATS[kind]
    stamp = timezone.localdate().isoformat()
    return content_type, f"{slugify(request.practice.name) or 'rapport'}-{stamp}.{suffix}"


@member_required
def export_download(request: PracticeRequest, export_id: int) -> HttpResponse:
    """The file a task prepared; another practice's is a 404, and so is one not ready yet."""
    prepared = ExportFile.objects.for_practice(request.practice).filter(finished_at__isnull=False)
    export = get_object_or_404(prepared, pk=export_id)
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET"})
    return _download(bytes(export.content), *_named(request, export.kind))


@member_required
def client_data(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    body = json.dumps(client_export(client), ensure_ascii=False, indent=1)
    name = f"{slugify(client.full_name) or 'client'}-{timezone.localdate().isoformat()}.json"
    return _download(body, "application/json", name)


@member_required
def client_erase_page(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm_name", "").strip() != client.full_name:
            error = f"Type their full name exactly as written, “{client.full_name}”, to confirm."
        else:
            try:
                client_erase(client=client, member=request.member)
            except ValidationError as refused:
                error = " ".join(refused.messages)
            else:
                messages.success(
                    request,
                    "Erased, with everything about them. Only a record that an erasure happened "
                    "is kept, with no name in it.",
                )
                return redirect("client_list")
    return render(
        request,
        "portability/erase.html",
        {"client": client, "error": error},
        status=400 if error else 200,
    )
