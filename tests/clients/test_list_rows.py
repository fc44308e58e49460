"""The client list's rows, made in Python (`clients.list_rows`), are the HTML the template loop
made before, byte for byte: the loop is kept here as the reference and both render the same
awkward clients (another name they go by, archived, health overridden with reasons that need
escaping, tags with characters a URL must encode, never contacted) under a query string that
already filters, sorts and pages."""

from __future__ import annotations

from datetime import timedelta

from django.template import engines
from django.test import RequestFactory
from django.utils import timezone

from rapport.attention.models import ClientReading, HealthWord
from rapport.clients.list_rows import list_rows
from rapport.clients.models import Client, ClientStatus, Tag
from rapport.clients.services import client_create
from rapport.practices.models import Member
from tests.conftest import NOW

# The loop as `clients/_list_results.html` held it until the rows were made in Python.
REFERENCE = """{% for client, url, client_tags in rows %}
      <tr>
        <td class="col-pick"><label><input type="checkbox" name="clients" value="{{ client.pk }}" aria-label="Select {{ client.display_name }}"></label></td>
        <td class="col-name"><a href="{{ url }}">{{ client.display_name }}</a>
          {% if client.preferred_name and client.preferred_name != client.full_name %}<small class="muted">{{ client.full_name }}</small>{% endif %}</td>
        <td class="col-status"><span class="status status-{{ client.status }}">{{ client.get_status_display }}</span>{% if client.is_archived %} <small class="muted">archived</small>{% endif %}</td>
        <td class="col-health">{% with reading=client.reading %}{% if reading %}<span class="health-chip health-{{ reading.shown_word }}" title="{{ reading.reasons|join:' ' }}">{{ reading.shown_label }}{% if reading.override_word %}*{% endif %}</span>{% endif %}{% endwith %}</td>
        <td class="col-contact"><span class="card-label">Last contact </span>{% if client.last_contact_at %}<time datetime="{{ client.last_contact_at|date:'c' }}">{{ client.last_contact_at|days_ago }}</time>{% else %}<span class="muted">never</span>{% endif %}</td>
        <td class="col-tags">{% for tag in client_tags %}<a class="chip" href="{% query_with tag=tag.name page=None %}">{{ tag.name }}</a>{% endfor %}</td>
      </tr>
    {% endfor %}"""  # noqa: E501


def _clients(member: Member) -> list[tuple[Client, str, list[Tag]]]:
    practice = member.practice
    plain = client_create(practice=practice, full_name="Ana <Plain> & Co")
    known_as = client_create(practice=practice, full_name="Robert Smith", preferred_name="Bob")
    client_create(practice=practice, full_name="Cleo", preferred_name="Cleo")
    archived = client_create(practice=practice, full_name="Dov Archived")
    Client.objects.filter(pk=archived.pk).update(
        archived_at=NOW, status=ClientStatus.PAUSED, last_contact_at=NOW - timedelta(days=40)
    )
    Client.objects.filter(pk=known_as.pk).update(last_contact_at=NOW - timedelta(hours=3))
    ClientReading.objects.update_or_create(
        client=known_as,
        defaults={
            "practice": practice,
            "score": 40,
            "word": HealthWord.COOLING_,
            "reasons": ['No reply to "hello" <3 weeks>', "Fewer sessions & shorter"],
            "override_word": HealthWord.STEADY_,
        },
    )
    ClientReading.objects.filter(client=plain).delete()  # not read yet: no chip
    tags = [
        Tag.objects.create(practice=practice, name="VIP & friends"),
        Tag.objects.create(practice=practice, name="café/ünï"),
    ]
    listed = Client.objects.for_practice(practice).select_related("reading").order_by("pk")
    return [(client, f"/clients/{client.pk}/", tags[: client.pk % 3]) for client in listed]


def test_rows_are_the_html_the_template_made(owner: Member, clock: object) -> None:
    rows = _clients(owner)
    assert len(rows) == 4
    request = RequestFactory().get("/clients/", {"q": "a b", "sort": "-health", "page": "2"})
    timezone.activate(owner.practice.zone)
    try:
        expected = engines["django"].from_string(REFERENCE).render({"rows": rows}, request)
        made = list_rows(request, rows)
    finally:
        timezone.deactivate()
    assert made == expected
    # The cases the comparison is there for were all present.
    for shown in ("health-steady", "*</span>", "&amp; shorter", 'class="chip"', "archived</small>",
                  "<small class=\"muted\">Robert Smith</small>", "never</span>", "&lt;Plain&gt;",
                  'class="col-health"></td>'):  # fmt: skip
        assert shown in made, shown
