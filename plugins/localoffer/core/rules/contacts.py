"""Published contacts are a service's own, never a named person's.

A service's ``contact`` is published on its page and in the open data, and people move on: the
address must be the service's shared one (``sendiass@anyshire.example``), never a person's own.
An address whose name is a first name and a surname joined by a dot, underscore or hyphen
(``jane.smith@``, ``j.smith@``, ``jane_smith@``) is taken for a person's, unless one of the
words is one that services use in their addresses (``short.breaks@``, ``send-team@``). As with
the anonymity rule for comments, a pattern cannot catch everything (``jsmith@`` looks like
``sendiass@``), so editors still read what they publish.
"""

from __future__ import annotations

import re

_PERSON = re.compile(r"^(?P<first>[a-z]+)[._-](?P<last>[a-z]+(?:-[a-z]+)?)\d{0,3}$")

#: Words services (and councils) use in shared addresses: an address with one is not a person's.
ROLE_WORDS = frozenset(
    (
        "access",
        "admin",
        "adoption",
        "adult",
        "adulthood",
        "adults",
        "advice",
        "answers",
        "appointments",
        "assessment",
        "autism",
        "booking",
        "bookings",
        "breaks",
        "business",
        "camhs",
        "care",
        "carer",
        "carers",
        "centre",
        "childcare",
        "children",
        "clinic",
        "club",
        "community",
        "contact",
        "contacts",
        "council",
        "county",
        "court",
        "customer",
        "cyp",
        "day",
        "desk",
        "direct",
        "disabilities",
        "disability",
        "duty",
        "early",
        "education",
        "ehc",
        "ehcp",
        "enquiries",
        "enquiry",
        "events",
        "families",
        "family",
        "forum",
        "foster",
        "front",
        "general",
        "health",
        "hearing",
        "hello",
        "help",
        "helpdesk",
        "home",
        "hub",
        "hubs",
        "inclusion",
        "info",
        "information",
        "intake",
        "issues",
        "learning",
        "leisure",
        "local",
        "mail",
        "main",
        "mental",
        "needs",
        "news",
        "nhs",
        "nursery",
        "offer",
        "office",
        "online",
        "outreach",
        "parent",
        "parents",
        "participation",
        "partnership",
        "pfa",
        "play",
        "portage",
        "post",
        "reception",
        "referral",
        "referrals",
        "school",
        "schools",
        "sen",
        "senco",
        "send",
        "sendco",
        "sendiass",
        "sensory",
        "service",
        "services",
        "short",
        "social",
        "speech",
        "sport",
        "sports",
        "support",
        "swim",
        "team",
        "teams",
        "therapies",
        "therapy",
        "transition",
        "transport",
        "travel",
        "vision",
        "welcome",
        "wellbeing",
        "young",
        "youth",
    )
)


def names_a_person(address: str) -> bool:
    """Whether the email ``address`` looks like a named person's own (``jane.smith@...``)."""
    local = address.split("@", 1)[0].strip().lower()
    match = _PERSON.match(local)
    if match is None:
        return False
    words = {match["first"], *match["last"].split("-")}
    return not words & ROLE_WORDS


def personal_email_message(address: str) -> str:
    return (
        f"'{address}' looks like a person's own email address: a service's contact is "
        "published, so give the service's shared address (such as sendiass@anyshire.example), "
        "never a named person's"
    )
