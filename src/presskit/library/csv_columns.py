"""What each column of an experts spreadsheet holds: the fields, the headings they go by, and
the cell conventions both import and export follow.

Headings are matched case-insensitively and without spaces, punctuation or a bracketed
remark, so ``E-mail``, ``EMAIL ADDRESS`` and ``Email (work)`` are all the e-mail column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: The fields a column can fill: the expert's own fields, plus first and last name, which
#: are joined into ``name`` for sheets that keep them apart.
FIELDS = (
    "name", "first_name", "last_name", "honorific", "pronouns", "title", "program", "email",
    "phone", "topics", "bio", "photo", "id",
)

#: What the app shows for each field in the mapping step; also export's headings.
FIELD_LABELS = {
    "name": "Name", "first_name": "First name", "last_name": "Last name",
    "honorific": "Honorific", "pronouns": "Pronouns", "title": "Title", "program": "Program",
    "email": "Email", "phone": "Phone", "topics": "Topics", "bio": "Bio", "photo": "Photo",
    "id": "ID",
}

#: Headings each field goes by, as ``heading_key`` reduces them.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "expert", "expertname", "person", "displayname",
             "nameofexpert", "scholar", "spokesperson"),
    "first_name": ("firstname", "givenname", "forename", "first"),
    "last_name": ("lastname", "surname", "familyname", "last"),
    "honorific": ("honorific", "prefix", "salutation", "courtesytitle"),
    "pronouns": ("pronouns", "pronoun"),
    "title": ("title", "position", "jobtitle", "role", "positiontitle", "job"),
    "program": ("program", "programme", "department", "dept", "team", "division", "unit",
                "center", "centre", "programarea", "practice"),
    "email": ("email", "emailaddress", "mail", "workemail", "emailaddr"),
    "phone": ("phone", "telephone", "tel", "phonenumber", "mobile", "cell", "cellphone",
              "mobilephone", "workphone", "telephonenumber"),
    "topics": ("topics", "topic", "tags", "tag", "expertise", "areasofexpertise",
               "keywords", "issues", "subjects", "focusareas", "areasoffocus"),
    "bio": ("bio", "biography", "shortbio", "about", "description", "profile"),
    "photo": ("photo", "headshot", "image", "picture", "photopath", "headshotpath", "photofile"),
    "id": ("id", "slug", "expertid"),
}
_FIELD_OF = {alias: field for field, aliases in ALIASES.items() for alias in aliases}

_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[\W_]+")

#: Spreadsheets run a cell starting with one of these as a formula, so export puts ``'`` in
#: front (the usual defence against CSV injection) and import takes it off again.
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")


def heading_key(heading: str) -> str:
    """``"E-mail Address (work)"`` → ``"emailaddress"``."""
    text = unicodedata.normalize("NFKC", heading).replace("\ufeff", "")
    return _NOT_ALNUM.sub("", _REMARK.sub("", text).casefold())


def field_for(heading: str) -> str | None:
    """The field a column heading names, or ``None`` if it names none we know."""
    key = heading_key(heading)
    return _FIELD_OF.get(key) or _FIELD_OF.get(_NOT_ALNUM.sub("", heading.casefold()))


def detect_mapping(headers: Sequence[str]) -> list[str | None]:
    """One field (or ``None``, ignored) per column; a field claimed twice keeps its first."""
    mapping: list[str | None] = []
    for heading in headers:
        field = field_for(heading)
        mapping.append(None if field in mapping else field)
    return mapping


def mapping_errors(mapping: Sequence[str | None]) -> list[str]:
    """Why ``mapping`` cannot be imported (empty if it can)."""
    errors = []
    chosen = [f for f in mapping if f is not None]
    unknown = sorted({f for f in chosen if f not in FIELDS})
    if unknown:
        errors.append(f"unknown field {unknown[0]!r}; the fields are {', '.join(FIELDS)}")
    twice = sorted({f for f in chosen if chosen.count(f) > 1})
    if twice:
        errors.append(f"two columns are mapped to {FIELD_LABELS.get(twice[0], twice[0])!r}; "
                      "choose one")
    if not {"name", "first_name", "last_name", "email"} & set(chosen):
        errors.append("no column holds the experts' names: map one to 'Name' (or to 'First "
                      "name' and 'Last name')")
    return errors


def split_topics(cell: str) -> list[str]:
    """``"sanctions; North Korea"`` or ``"sanctions, North Korea"`` → two topics.

    Semicolons win when there are any, so a single topic with a comma in it survives when
    written with a semicolon after it (``"Energy, Economics, and Security;"``).
    """
    separator = ";" if ";" in cell else ","
    return [topic.strip() for topic in cell.split(separator) if topic.strip()]


def join_topics(topics: Sequence[str]) -> str:
    """The cell ``split_topics`` reads back as ``topics``."""
    cell = "; ".join(topics)
    if len(topics) == 1 and "," in topics[0]:
        cell += ";"
    return cell


def protect_cell(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + value if _FORMULA_START.match(value) else value


def unprotect_cell(value: str) -> str:
    """Undo ``protect_cell``."""
    return value[1:] if value.startswith("'") and _FORMULA_START.match(value) else value
