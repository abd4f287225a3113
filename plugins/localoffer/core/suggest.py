"""Nearest-name suggestions for typos ("closse" → "closes")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: Other words editors use for a field or term, and the name they probably meant.
SYNONYMS = {
    "venue": "location",
    "place": "location",
    "where": "location",
    "address": "location",
    "type": "kind",
    "price": "cost",
    "fee": "cost",
    "description": "summary",
    "start": "starts",
    "end": "ends",
    "finish": "ends",
    "open": "opens",
    "close": "closes",
    "audience": "audiences",
    "topic": "topics",
    "area": "areas",
    "tags": "topics",
    "email": "contact",
    "link": "url",
    "href": "url",
    "path": "file",
    "online-link": "url",
    "weekly": "frequency",
    "day": "weekday",
    "times": "count",
    "exceptions": "except",
    "excluding": "except",
    "comment": "said",
    "reply": "response",
    "answer": "response",
    "parents": "parents-carers",
    "carers": "parents-carers",
    "young-person": "young-people",
    "child": "children",
    "teenagers": "young-people",
    "all": "everyone",
    "canceled": "cancelled",
    "biweekly": "fortnightly",
    "bi-weekly": "fortnightly",
    "every-two-weeks": "fortnightly",
    "every-other-week": "fortnightly",
    "week": "weekly",
    "month": "monthly",
    "every-week": "weekly",
    "every-month": "monthly",
    "complete": "done",
    "completed": "done",
    "in progress": "in-progress",
    # Services: the SEND Code of Practice's areas of need, and categories, as people say them
    "sensory": "sensory-and-physical",
    "physical": "sensory-and-physical",
    "communication": "communication-and-interaction",
    "cognition": "cognition-and-learning",
    "learning": "cognition-and-learning",
    "semh": "social-emotional-and-mental-health",
    "advice": "advice-and-support",
    "support": "advice-and-support",
    "respite": "short-breaks",
    "activities": "leisure",
    "sport": "leisure",
    "referred": "referral",
    "reviewed-on": "reviewed",
    "checked": "reviewed",
    "last-checked": "reviewed",
    "category": "categories",
    "need": "needs",
    "language": "languages",
    "opening-hours": "hours",
    "provider": "organisation",
    "organization": "organisation",
    # Issue 18: audiences, ways to respond and access provisions as people write them
    "looked-after-children": "children-in-care",
    "looked-after": "children-in-care",
    "cla": "children-in-care",
    "lac": "children-in-care",
    "competition-entry": "competition",
    "art-competition": "competition",
    "schools-pack": "school_pack",
    "school-pack": "school_pack",
    "padlet": "pinboard",
    "noticeboard": "pinboard",
    "voice": "recording",
    "video": "recording",
    "audio": "recording",
    "paper-form": "form",
    "download": "form",
    "sign-language": "bsl",
    "british-sign-language": "bsl",
    "interpreter": "bsl",
    "signing": "bsl",
    "childcare-on-site": "creche",
    "wheelchair": "step-free",
    "wheelchair-access": "step-free",
    "wheelchair-accessible": "step-free",
    "accessible-toilet": "changing-places",
    "loop": "hearing-loop",
    "induction-loop": "hearing-loop",
    "subtitles": "captions",
    "quiet-space": "quiet-room",
    "paper": "paper-copies",
    "printed-copies": "paper-copies",
    "access": "provisions",
    "accessibility-provisions": "provisions",
    "eligibility": "who_can_come",
    "who-can-attend": "who_can_come",
}


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word``, or None when nothing is close."""
    options = list(choices)
    lowered = word.strip().lower().replace("_", "-").replace(" ", "-")
    for option in options:
        if option.lower().replace("_", "-") == lowered:
            return option
    synonym = SYNONYMS.get(lowered) or SYNONYMS.get(word.strip().lower())
    if synonym in options:
        return synonym
    matches = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A sentence to append to a message: " Did you mean 'closes'?" or ""."""
    match = nearest(word, choices)
    return f" Did you mean '{match}'?" if match else ""
