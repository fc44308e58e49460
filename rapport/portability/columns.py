"""Which CSV column is what: by its header in the languages and programs that export
contacts, and where the header is unknown, by its values. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapport.portability.entries import FileProblem, parse_date

# The fields a provider can choose in the mapping step ("" leaves a column out).
FIELDS = ["full_name", "first_name", "last_name", "preferred_name", "email", "phone", "address",
          "organisation", "title", "birthday", "note", "tags", ""]  # fmt: skip
# Fields only the guesses use: Thunderbird's birthday in three columns, middle names.
INNER_FIELDS = ["middle_name", "anniversary", "birth_year", "birth_month", "birth_day"]
NAMES = {"full_name", "first_name", "last_name"}
IDENTIFYING = NAMES | {"email", "phone"}

_HEADERS = {
    "full_name": "name|display name|full name|anzeigename|nom complet|nom affiché|nombre "
    "completo|nombre para mostrar|nome completo|nome visualizzato|volledige naam|weergavenaam|"
    "表示名|名前|氏名|姓名|显示名称|полное имя|отображаемое имя|imię i nazwisko|nazwa wyświetlana",
    "first_name": "first name|given name|first|vorname|prénom|nombre|nome|voornaam|名|名字|имя|"
    "imię",
    "middle_name": "middle name|additional name|middle|weitere vornamen|deuxième prénom|segundo "
    "nombre|secondo nome|segundo nome|tweede voornaam|ミドル ネーム|中间名|отчество|drugie imię",
    "last_name": "last name|family name|last|surname|nachname|nom|apellidos|apellido|cognome|"
    "sobrenome|achternaam|姓|姓氏|фамилия|nazwisko",
    "preferred_name": "nickname|spitzname|surnom|apodo|soprannome|apelido|bijnaam|ニックネーム|"
    "昵称|псевдоним|pseudonim",
    "email": "e-mail address|e-mail 2 address|e-mail 3 address|email|email address|primary "
    "email|secondary email|alternate email 1|alternate email 2|e-mail-adresse|e-mail 2: adresse|"
    "e-mail 3: adresse|adresse de messagerie|adresse e-mail|dirección de correo electrónico|"
    "correo electrónico|indirizzo posta elettronica|indirizzo e-mail|endereço de email|"
    "endereço de e-mail|e-mailadres|電子メール アドレス|電子メール 2 アドレス|电子邮件地址|"
    "адрес эл. почты|адрес электронной почты|adres e-mail",
    "phone": "mobile phone|home phone|business phone|primary phone|other phone|mobile|home|work|"
    "mobile number|work phone|telefon|mobiltelefon|telefon privat|telefon geschäftlich|"
    "téléphone mobile|téléphone domicile|téléphone bureau|teléfono móvil|teléfono particular|"
    "teléfono del trabajo|telefono cellulare|abitazione|ufficio|telefone celular|telefone "
    "residencial|telefone comercial|mobiele telefoon|telefoon thuis|telefoon op werk|携帯電話|"
    "自宅電話|会社電話|移动电话|住宅电话|商务电话|мобильный телефон|домашний телефон|рабочий "
    "телефон|telefon komórkowy|telefon domowy|telefon służbowy",
    "address": "home street|business street|home address|work address|straße privat|straße "
    "geschäftlich|rue (domicile)|rue (bureau)|calle del domicilio|calle del trabajo|via "
    "(abitazione)|via (ufficio)|rua residencial|rua comercial|straat (thuis)|straat (werk)|"
    "番地 (自宅)|番地 (会社)|住宅所在街道|商务所在街道|улица (дом. адрес)|улица (раб. адрес)|"  # noqa: RUF001
    "ulica (dom)|ulica (praca)",
    "organisation": "company|organization|organisation|organization 1 - name|organization name|"
    "company name|firma|société|organización|empresa|società|bedrijf|会社名|单位|公司|"
    "организация",
    "title": "job title|position|fonction|puesto|posizione|cargo|functie|役職|职务|должность|"
    "stanowisko|organization 1 - title|organization title",
    "birthday": "birthday|geburtstag|anniversaire|cumpleaños|compleanno|aniversário|verjaardag|"
    "誕生日|生日|день рождения|urodziny",
    "anniversary": "anniversary|jahrestag|jubileo|anniversario|aniversario|jubileum|記念日|纪念日|"
    "годовщина|rocznica",
    "note": "notes|note|comments|notizen|notas|notities|メモ|附注|备注|заметки|notatki",
    "tags": "categories|category|group membership|labels|kategorien|catégories|categorías|"
    "categorie|categorias|categorieën|分類|类别|категории|kategorie",
    "birth_year": "birth year",
    "birth_month": "birth month",
    "birth_day": "birth day",
    # Known, and deliberately not read: a URL, a fax, when a connection was made...
    "": "url|connected on|e-mail display name|e-mail type|e-mail 2 display name|title|suffix|"
    "department|fax|business fax|home fax|pager|web page|web page 1|web page 2|personal "
    "website|business website|screen name|messenger id|distribution lists|custom 1|custom 2|"
    "custom 3|custom 4|organization department|yahoo phone|primary|home city|home state|"
    "home zipcode|home zip|home "
    "country|work city|work state|work zipcode|work zip|work country|home address 2|work "
    "address 2|fax number|pager number|other|anrede|abteilung|ort privat|postleitzahl privat|"
    "land/region privat|ort geschäftlich|postleitzahl geschäftlich|land/region geschäftlich|"
    "e-mail-typ|e-mail: angezeigter name|e-mail type|敬称|部署|"
    "e-mail 表示名|電子メールの種類",
}
HEADERS = {name: target for target, names in _HEADERS.items() for name in names.split("|")}
_EMAIL = re.compile(r"^[^@\s:;,]+@[^@\s:;,]+\.[^@\s:;,]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,24}$")
_NAME = re.compile(r"^[^\W\d_][^\d@:/\\=<>#%]{0,80}$")


def _normal(header: str) -> str:
    return " ".join(header.strip().strip('"').lower().split())


def by_header(header: str) -> str | None:
    """The field a header names, "" for a known column that is not read, None if unknown."""
    name = _normal(header)
    if name in HEADERS:
        return HEADERS[name]
    if re.match(r"^e-?mail \d+ - value$", name):
        return "email"
    if re.match(r"^phone \d+ - value$", name):
        return "phone"
    if re.match(r"^address \d+ - formatted$", name):
        return "address"
    if re.search(r" - (type|label)$", name) or re.match(r"^(e-?mail|phone|address) \d+ - ", name):
        return ""
    return None


def by_content(values: Sequence[str], region: str = "") -> str | None:
    """ "email", "phone", "birthday" or "name" when nine in ten values look like one; "" for
    a column with no values; None when they say nothing."""
    sample = [value.strip() for value in values if value.strip()][:200]
    if not sample:
        return ""
    for kind, looks in (
        ("email", lambda text: bool(_EMAIL.match(text))),
        ("birthday", lambda text: parse_date(text, region) is not None and not text.isdigit()),
        ("phone", lambda text: bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 6),
        ("name", lambda text: bool(_NAME.match(text))),
    ):
        if sum(1 for text in sample if looks(text)) >= 0.9 * len(sample):
            return kind
    return None


def _names_by_content(
    mapping: dict[int, str], names: list[int], columns: Sequence[Sequence[str]]
) -> list[int]:
    """Columns of names under unknown headers become the name when no header gave one;
    the ones left over are unclear."""
    if NAMES & set(mapping.values()) or not names:
        return names
    words = [len(value.split()) for value in columns[names[0]] if value.strip()]
    if sum(words) >= 1.5 * len(words) or len(names) == 1:
        mapping[names[0]] = "full_name"
        return names[1:]
    mapping[names[0]], mapping[names[1]] = "first_name", "last_name"
    return names[2:]


def guess(
    header: Sequence[str], rows: Sequence[Sequence[str]], region: str = ""
) -> tuple[dict[int, str], list[int]]:
    """Column index to field, and the indexes of the columns that are still unclear."""
    columns = [
        [row[index] if index < len(row) else "" for row in rows] for index in range(len(header))
    ]
    mapping: dict[int, str] = {}
    unknown: list[int] = []
    for index, name in enumerate(header):
        target = by_header(name)
        if target is None:
            unknown.append(index)
        elif target in ("email", "phone", "address", "tags") or (
            target and target not in set(mapping.values())
        ):
            mapping[index] = target
    unclear, names = [], []
    for index in unknown:
        kind = by_content(columns[index], region)
        if kind in ("email", "phone"):
            mapping[index] = kind
        elif kind == "birthday" and "birthday" not in mapping.values():
            mapping[index] = "birthday"
        elif kind == "name":
            names.append(index)
        elif kind != "":
            unclear.append(index)
    unclear += _names_by_content(mapping, names, columns)
    return mapping, sorted(unclear)


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """The row that holds the header: the first with two names we know (LinkedIn writes a
    few lines of notes above it), or else the first."""
    for index, row in enumerate(rows[:20]):
        if sum(1 for cell in row if by_header(cell) is not None) >= 2:
            return index
    return 0


def overrides(spec: str | Mapping[str, str], header: Sequence[str]) -> dict[int, str]:
    """ "Header=field,Other=" (as `--map` takes it) as column index to field."""
    pairs = spec.items() if isinstance(spec, Mapping) else (
        part.rsplit("=", 1) if "=" in part else (part, "?")
        for part in spec.split(",") if part.strip())  # fmt: skip
    known = {_normal(name): index for index, name in enumerate(header)}
    mapping = {}
    for name, target in pairs:
        if _normal(name) not in known:
            raise FileProblem(f"There is no column “{name.strip()}”: the columns are "
                              f"{', '.join(header)[:300]}.")  # fmt: skip
        if target.strip() not in FIELDS + INNER_FIELDS:
            raise FileProblem(f"“{target.strip()}” is not a field: use one of "
                              f"{', '.join(item for item in FIELDS if item)}, or nothing to "
                              "leave the column out.")  # fmt: skip
        mapping[known[_normal(name)]] = target.strip()
    return mapping
