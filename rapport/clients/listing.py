"""The client list's orders and its tag filter: what the provider may choose, read safely from
the query string (a bookmark, a link, a hand-edited URL), and turned into an ORDER BY.

An order is a registered part: this floor offers name and last contact; a floor above that
knows another way to rank clients adds it with `order_add` (attention adds health), so the
list can offer it without importing upwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, OrderBy
from django.db.models.functions import Lower

from rapport.clients.models import Client, ClientQuerySet, Tag
from rapport.practices.models import Practice


@dataclass(frozen=True)
class ClientOrder:
    key: str  # as the query string carries it: "contact", and "-contact" the other way
    label: str  # as the provider reads it in the list of orders
    order_by: tuple[OrderBy, ...]


ORDERS: dict[str, ClientOrder] = {}
DEFAULT_ORDER = "name"


def order_add(order: ClientOrder) -> None:
    """Offers `order` in the list, after those added before it."""
    ORDERS[order.key] = order


# By the folded name (lib.text.fold), so "de Vries" and "Émile" sort among the D and E
# names on SQLite as on PostgreSQL, not after Z. The id makes the order total, so pages
# never repeat or skip a client; index clients_by_folded_name serves both directions.
order_add(ClientOrder("name", "Name, A to Z", (F("search_text").asc(), F("id").asc())))
order_add(ClientOrder("-name", "Name, Z to A", (F("search_text").desc(), F("id").desc())))
# Never in touch counts as the longest without contact. The two are exact reverses of each
# other, so one index (clients_by_last_contact) serves both.
order_add(
    ClientOrder(
        "contact",
        "Longest without contact",
        (F("last_contact_at").asc(nulls_first=True), F("id").asc()),
    )
)
order_add(
    ClientOrder(
        "-contact",
        "Most recent contact",
        (F("last_contact_at").desc(nulls_last=True), F("id").desc()),
    )
)


def order_for(key: str) -> ClientOrder:
    """The order asked for; an unknown key (an old bookmark, a typo) reads as the default."""
    return ORDERS.get(key, ORDERS[DEFAULT_ORDER])


@dataclass(frozen=True)
class ColumnSort:
    """A column heading that sorts the list: the order a click asks for, and how the list is
    sorted by that column now ("ascending", "descending", or "" when by another)."""

    key: str
    aria_sort: str


def column_sorts(order: ClientOrder) -> dict[str, ColumnSort]:
    """The headings of columns offered both ways ("name" and "-name"): a click turns the order
    in use around, or starts with the column's first way."""
    sorts = {}
    for key in ORDERS:
        if key.startswith("-") or f"-{key}" not in ORDERS:
            continue
        if order.key == key:
            sorts[key] = ColumnSort(f"-{key}", "ascending")
        elif order.key == f"-{key}":
            sorts[key] = ColumnSort(key, "descending")
        else:
            sorts[key] = ColumnSort(key, "")
    return sorts


@dataclass(frozen=True)
class TagChoice:
    tags: list[Tag]  # the practice's tags, to choose from
    chosen: Tag | None
    unknown: str  # a tag asked for that this practice does not have, to say so


def tag_choice(practice: Practice, asked: str) -> TagChoice:
    """The practice's tags and the one `asked` names (any case), in one query. A name that is
    not among them, another practice's tag included, chooses none."""
    tags = list(Tag.objects.for_practice(practice).order_by(Lower("name"), "id"))
    asked = asked.replace("\x00", "").strip()
    chosen = next((tag for tag in tags if tag.name.casefold() == asked.casefold()), None)
    return TagChoice(tags=tags, chosen=chosen, unknown=asked if asked and not chosen else "")


def clients_listed(
    clients: ClientQuerySet, *, tag: Tag | None, order: ClientOrder
) -> ClientQuerySet:
    """`clients` narrowed to those with `tag` (when one is chosen), in `order`."""
    if tag is not None:
        clients = clients.filter(tags=tag)
    return clients.order_by(*order.order_by)


def tags_by_client(clients: list[Client], tags: list[Tag]) -> dict[int, list[Tag]]:
    """Each listed client's tags, in name order, read as pairs of ids in one query: the
    practice's tags are already loaded (`tag_choice`), so no tag row is read twice and no
    related manager is built per client, which is what made a prefetch dear on this page."""
    by_id = {tag.pk: tag for tag in tags}
    shown: dict[int, list[Tag]] = {client.pk: [] for client in clients}
    pairs = (
        Tag.objects.filter(clients__in=list(shown))
        .order_by("name", "pk")
        .values_list("clients", "pk")
    )
    for client_id, tag_id in pairs:
        shown[client_id].append(by_id[tag_id])
    return shown
