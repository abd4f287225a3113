"""A service of the Local Offer directory: ``services/<id>.md``.

The fields follow Open Referral UK (ORUK, built on HSDS), so that ``/data/services.json`` can
be read by other directories (``export/oruk.py``). Whether the details are due to be checked
again depends on today, so it is worked out by ``core/derive/review.py`` and checked by
``core/rules/services.py``, not here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    TypeAdapter,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)

from localoffer.core.models.base import (
    Areas,
    Audiences,
    EditorDate,
    Email,
    IdList,
    Needs,
    Phone,
    RecordModel,
    ServiceCategories,
    StrictModel,
    Text,
    Url,
    _as_list,
)
from localoffer.core.models.documents import Documents
from localoffer.core.models.event import Ages, Location
from localoffer.core.rules.contacts import names_a_person, personal_email_message

REFERRALS = ("self", "professional", "both")
Referral = Literal["self", "professional", "both"]
FREE = "Free"
MAX_HOURS = 200


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


class Organisation(StrictModel):
    """Who provides the service: the council, an NHS body, a charity, a school."""

    name: Text
    url: Url | None = None


class Cost(StrictModel):
    """A price: ``amount`` (in pounds) ``per`` something, with a ``note``; or a ``note`` alone
    for a cost that is best said in words."""

    amount: Annotated[float, Field(ge=0, le=100_000)] | None = None
    per: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Cost:
        if self.amount is None and self.note is None:
            raise ValueError(
                "a cost needs 'amount:' (in pounds, such as 3.50) or 'note:' (the cost in "
                "words), or write it as text instead: 'cost: £3.50 a session'"
            )
        if self.per is not None and self.amount is None:
            raise ValueError("'per:' says what the amount is for: give 'amount:' with it")
        return self

    @property
    def is_free(self) -> bool:
        return self.amount == 0


_COST_TEXT: TypeAdapter[str] = TypeAdapter(Text)


def _cost(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
    """Text ("Free", "£3.50 a session") or a group of fields (amount, per, note), each with
    its own messages (rather than one for each way it could have been written)."""
    if isinstance(value, dict):
        return Cost.model_validate(value, context=info.context)
    if value is None:
        raise ValueError("is empty: write the cost, or remove the line (it is then Free)")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(
            f"is a number ({value}): say what it is for, as text ('£{value} a session') or as "
            f"'amount: {value}' with 'per: session'"
        )
    if not isinstance(value, str):
        raise ValueError(
            "is neither text nor a group of fields: write it as text ('Free', '£3.50 a "
            "session'), or as amount, per and note indented below it"
        )
    return _COST_TEXT.validate_python(value)


CostField = Annotated[str | Cost, WrapValidator(_cost)]


class ServiceContact(StrictModel):
    """How to reach the service: at least one of email, phone and url, never a person's own."""

    email: Email | None = None
    phone: Phone | None = None
    url: Url | None = None

    @field_validator("email")
    @classmethod
    def _not_a_person(cls, email: str | None) -> str | None:
        if email is not None and names_a_person(email):
            raise ValueError(personal_email_message(email))
        return email

    @model_validator(mode="after")
    def _one_way(self) -> ServiceContact:
        if self.email is None and self.phone is None and self.url is None:
            raise ValueError(
                "a contact needs at least one of 'email:', 'phone:' or 'url:' (the service's "
                "web page)"
            )
        return self


class Service(RecordModel):
    title: Annotated[Text, Field(max_length=120)]
    summary: Annotated[Text, Field(max_length=300)]
    organisation: Organisation
    categories: Annotated[ServiceCategories, Field(min_length=1)]
    needs: Needs = Field(default_factory=list)
    ages: Ages | None = None
    audiences: Audiences = Field(default_factory=list)
    areas: Areas = Field(default_factory=list)
    cost: CostField = FREE
    referral: Annotated[Referral, BeforeValidator(_lower)] = "self"
    locations: Annotated[list[Location], BeforeValidator(_as_list)] = Field(default_factory=list)
    contact: ServiceContact
    hours: Annotated[Text, Field(max_length=MAX_HOURS)] | None = None
    languages: Annotated[list[Text], BeforeValidator(_as_list)] = Field(default_factory=list)
    reviewed: EditorDate
    documents: Documents = Field(default_factory=list)
    previous_ids: IdList = Field(default_factory=list)

    @property
    def is_free(self) -> bool:
        """Free of charge: the default, a text that says so, or an amount of 0."""
        if isinstance(self.cost, Cost):
            return self.cost.is_free
        return self.cost.strip().lower() in {"free", "free of charge", "no charge", "£0", "0"}
