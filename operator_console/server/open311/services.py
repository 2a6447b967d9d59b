"""Our categories as Open311 services, their definitions (the questions a form may ask), and the answers.

Service codes are the categories' codes with ``.`` where they have ``/`` (``essential_supplies.food``):
``services/{code}.json`` is a path of its own, and a client puts the code in it as it is. The
``/`` form is still read everywhere a code is taken (channels built on earlier releases send it).

Every service has a definition: the questions a case can answer beyond Open311's own fields, in
the order an operator asks them. An answer to one of them becomes the case's field (the ward
chosen from today's list, the household, the vulnerable people…) and is checked like one; an
answer to a question we do not ask is kept with the case as sent (``ChannelRefs``), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from operator_console.domain.case import Vulnerability, label
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.taxonomy import Category, Taxonomy
from operator_console.server.open311.wire import Attribute, AttributeValue, Service, ServiceDefinition

MAX_ATTRIBUTES = 50
_YES_NO = [AttributeValue(key="yes", name="Có (yes)"), AttributeValue(key="no", name="Không (no)")]
_YES = {"yes", "true", "1", "co", "có"}
_NO = {"no", "false", "0", "khong", "không"}
# The needs of a household: supplies, relief, people alone.
_HOUSEHOLD_NEEDS = ("essential_supplies", "policy_support", "vulnerable_person")


class AnswerError(ValueError):
    """An answer that is not one the question allows; ``code`` names the question."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"attribute[{code}]: {message}")
        self.code = code


def open311_code(category_code: str) -> str:
    return category_code.replace("/", ".")


def category_of(service_code: str, taxonomy: Taxonomy) -> Category | None:
    """The category a service code names (``a.b`` or ``a/b``); None if there is none."""
    return taxonomy.get(service_code.replace(".", "/"))


def service_list(taxonomy: Taxonomy) -> list[Service]:
    """Each top-level category followed by its sub-categories; the group is the top level's name."""
    return [
        Service(
            service_code=open311_code(category.code),
            service_name=category.label("vi"),
            description=category.label("en"),
            metadata=True,
            keywords=category.code.replace("/", ","),
            group=category_name(taxonomy, category.top),
        )
        for category in taxonomy.categories
    ]


@dataclass(frozen=True)
class _Question:
    code: str
    datatype: str
    description: str
    datatype_description: str
    needs: tuple[str, ...] | None = None
    """The top-level categories that ask it; None: every service."""


_QUESTIONS = (
    _Question(
        "ward_code",
        "singlevaluelist",
        "Phường/xã/đặc khu nơi cần hỗ trợ (Ward/commune where help is needed)",
        "One of today's wards, by its official code; leave out if unknown (a map pin alone is enough)",
    ),
    _Question(
        "household_size",
        "number",
        "Số người trong hộ (Household size)",
        "A whole number, 1 to 1000",
        _HOUSEHOLD_NEEDS,
    ),
    _Question(
        "vulnerable",
        "multivaluelist",
        "Trong hộ có (Vulnerable people in the household)",
        "Any of the listed keys",
        _HOUSEHOLD_NEEDS,
    ),
    _Question(
        "no_food_today",
        "singlevaluelist",
        "Hôm nay không còn gì ăn (No food left today)",
        "yes or no",
        ("essential_supplies",),
    ),
    _Question(
        "subject_name",
        "string",
        "Họ tên người cần hỗ trợ, nếu không phải người gửi (Person in need, if not the sender)",
        "At most 200 characters",
        _HOUSEHOLD_NEEDS,
    ),
    _Question(
        "subject_age",
        "number",
        "Tuổi người cần hỗ trợ (Age of the person in need)",
        "A whole number, 0 to 130",
        _HOUSEHOLD_NEEDS,
    ),
    _Question(
        "subject_phone",
        "string",
        "Số điện thoại người cần hỗ trợ (Phone of the person in need)",
        "A Vietnamese phone number",
        _HOUSEHOLD_NEEDS,
    ),
    _Question(
        "callback_consent",
        "singlevaluelist",
        "Đồng ý để cán bộ gọi lại (May an officer call back)",
        "yes or no",
    ),
)


def _asked(category: Category) -> list[_Question]:
    return [q for q in _QUESTIONS if q.needs is None or category.top in q.needs]


def definition(category: Category, gazetteer: Gazetteer) -> ServiceDefinition:
    attributes = []
    for order, question in enumerate(_asked(category), start=1):
        values: list[AttributeValue] = []
        if question.code == "ward_code":
            values = [AttributeValue(key=str(w.code), name=w.name) for w in gazetteer.current_wards]
        elif question.code == "vulnerable":
            values = [AttributeValue(key=v.value, name=label(v, "vi")) for v in Vulnerability]
        elif question.datatype == "singlevaluelist":
            values = list(_YES_NO)
        attributes.append(
            Attribute(
                code=question.code,
                datatype=question.datatype,  # type: ignore[arg-type]
                required=False,
                datatype_description=question.datatype_description,
                order=order,
                description=question.description,
                values=values,
            )
        )
    return ServiceDefinition(service_code=open311_code(category.code), attributes=attributes)


def read_answers(
    answers: list[tuple[str, str]], category: Category, gazetteer: Gazetteer
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The case's fields the answers give, and the answers kept as sent (questions we do not ask)."""
    if len(answers) > MAX_ATTRIBUTES:
        raise AnswerError("…", f"at most {MAX_ATTRIBUTES} answers")
    asked = {q.code for q in _asked(category)}
    fields: dict[str, Any] = {}
    kept: list[tuple[str, str]] = []
    vulnerable: list[str] = []
    for code, raw in answers:
        value = raw.strip()
        if code not in asked:
            kept.append((code, raw))
            continue
        if code == "vulnerable":
            for part in value.split(","):
                if part.strip() and part.strip() not in {v.value for v in Vulnerability}:
                    raise AnswerError(code, f"“{part.strip()}” is not one of its keys")
                if part.strip() and part.strip() not in vulnerable:
                    vulnerable.append(part.strip())
            continue
        if code in fields:
            raise AnswerError(code, "answered twice; it takes one value")
        if code == "ward_code":
            ward = gazetteer.current(int(value)) if _digits(value) else None
            if ward is None:
                raise AnswerError(code, f"“{value[:20]}” is not the code of one of today's wards")
            fields["ward_code"], fields["ward_checked"] = ward.code, True
        elif code == "household_size":
            if not _digits(value) or not 1 <= int(value) <= 1000:
                raise AnswerError(code, "a whole number, 1 to 1000")
            fields[code] = int(value)
        elif code == "subject_age":
            if not _digits(value) or int(value) > 130:
                raise AnswerError(code, "a whole number, 0 to 130")
            fields[code] = int(value)
        elif code in ("no_food_today", "callback_consent"):
            if value.lower() not in _YES | _NO:
                raise AnswerError(code, "yes or no")
            fields[code] = value.lower() in _YES
        else:  # subject_name, subject_phone: checked by the case's own rules
            fields[code] = value
    if vulnerable:
        fields["vulnerable"] = vulnerable
    return fields, kept


def _digits(text: str) -> bool:
    """0–9 only (``str.isdigit`` takes "²" and other scripts' digits, which ``int`` then refuses)."""
    return text.isascii() and text.isdigit() and len(text) <= 9


def category_name(taxonomy: Taxonomy, code: str) -> str:
    """A category's Vietnamese name (its code, for a category the taxonomy no longer has)."""
    category = taxonomy.get(code)
    return category.label("vi") if category else code
