"""Controlled vocabularies: the defaults that ship with localoffer, extendable in site settings.

A site adds its own terms in ``mkdocs.yml`` without touching code::

    plugins:
      - localoffer:
          vocabularies:
            areas:
              dales: The Dales        # term: label
            topics: [play]            # or just terms; the label is made from the term
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_TERMS: dict[str, dict[str, str]] = {
    "audiences": {
        "children": "Children",
        "young-people": "Young people",
        "children-in-care": "Children in care",
        "parents-carers": "Parents and carers",
        "professionals": "Professionals",
        "everyone": "Everyone",
    },
    "topics": {
        "education": "Education",
        "health": "Health",
        "social-care": "Social care",
        "short-breaks": "Short breaks",
        "transport": "Transport",
        "preparing-for-adulthood": "Preparing for adulthood",
        "send-support": "SEND support",
        "ehc-plans": "EHC plans",
        "mental-health": "Mental health",
        "local-offer": "Local Offer",
        "bullying": "Bullying",
        "safeguarding": "Safeguarding",
        "housing": "Housing",
    },
    "areas": {
        "countywide": "Countywide",
        "north": "North",
        "south": "South",
        "east": "East",
        "west": "West",
        "online": "Online",
        # For a consultation run nationally by a partner (the DfE, say): see ``organisation``.
        "national": "National",
    },
    "event_kinds": {
        "forum": "Forum",
        "drop-in": "Drop-in",
        "workshop": "Workshop",
        "activity": "Activity",
        "training": "Training",
        "information-session": "Information session",
        "young-inspectors": "Young Inspectors",
        "consultation-event": "Consultation event",
        "meeting": "Meeting",
    },
    "feedback_sources": {
        "survey": "Survey",
        "youth-forum": "Youth forum",
        "young-inspectors": "Young Inspectors",
        "parent-carer-forum": "Parent carer forum",
        "consultation": "Consultation",
        "local-offer-feedback": "Local Offer feedback",
        "event": "Event",
        "complaints-and-compliments": "Complaints and compliments",
    },
    "respondent_groups": {
        "children": "Children",
        "young-people": "Young people",
        "parents-carers": "Parents and carers",
        "professionals": "Professionals",
    },
    # The Local Offer directory (services/): what kind of provision a service is.
    "service_categories": {
        "education": "Education",
        "health": "Health",
        "social-care": "Social care",
        "short-breaks": "Short breaks",
        "transport": "Transport",
        "preparing-for-adulthood": "Preparing for adulthood",
        "advice-and-support": "Advice and support",
        "leisure": "Leisure",
        "childcare": "Childcare",
        "mental-health": "Mental health",
    },
    # What helps people take part in an event (``provisions:``), each with an icon on its page.
    "provisions": {
        "bsl": "British Sign Language (BSL) interpreter",
        "creche": "Crèche",
        "large-print": "Large print",
        "paper-copies": "Paper copies",
        "easy-read": "Easy Read",
        "quiet-room": "Quiet room",
        "step-free": "Step-free access",
        "hearing-loop": "Hearing loop",
        "changing-places": "Changing Places toilet",
        "captions": "Live captions",
    },
    # The four broad areas of need of the SEND Code of Practice (2015), 6.28 to 6.35.
    "needs": {
        "communication-and-interaction": "Communication and interaction",
        "cognition-and-learning": "Cognition and learning",
        "social-emotional-and-mental-health": "Social, emotional and mental health",
        "sensory-and-physical": "Sensory and physical",
    },
}

#: What each vocabulary is called in messages to editors.
DESCRIPTIONS: dict[str, str] = {
    "audiences": "audience",
    "topics": "topic",
    "areas": "area",
    "event_kinds": "event kind",
    "feedback_sources": "feedback source",
    "respondent_groups": "respondent group",
    "service_categories": "service category",
    "needs": "need",
    "provisions": "access provision",
}


class VocabularyError(ValueError):
    """The site's vocabulary settings are not usable."""


def label_for(term: str) -> str:
    """A readable label made from a term: ``short-breaks`` → ``Short breaks``."""
    text = term.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Vocabularies:
    """Every controlled vocabulary of a site: term → label, in a stable order."""

    terms: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: DEFAULT_TERMS)

    def __contains__(self, name: str) -> bool:
        return name in self.terms

    def allowed(self, name: str) -> tuple[str, ...]:
        return tuple(self.terms[name])

    def label(self, name: str, term: str) -> str:
        return self.terms.get(name, {}).get(term) or label_for(term)

    @classmethod
    def with_additions(cls, additions: Mapping[str, object] | None) -> Vocabularies:
        """The defaults plus a site's own terms (a list of terms or a term → label mapping)."""
        merged = {name: dict(terms) for name, terms in DEFAULT_TERMS.items()}
        for name, extra in (additions or {}).items():
            if name not in merged:
                known = ", ".join(sorted(merged))
                raise VocabularyError(f"unknown vocabulary '{name}' (the vocabularies are {known})")
            if isinstance(extra, str):
                extra = [extra]
            if isinstance(extra, list):
                items = {str(term): label_for(str(term)) for term in extra}
            elif isinstance(extra, Mapping):
                items = {str(k): str(v) if v else label_for(str(k)) for k, v in extra.items()}
            else:
                raise VocabularyError(
                    f"vocabulary '{name}' must be a list of terms or a mapping of term: label"
                )
            for term in items:
                if not _is_term(term):
                    raise VocabularyError(
                        f"'{term}' in vocabulary '{name}' is not a valid term: use lowercase "
                        "letters, digits and hyphens"
                    )
            merged[name].update(items)
        return cls(merged)


def _is_term(term: str) -> bool:
    return bool(term) and all(ch.islower() or ch.isdigit() or ch == "-" for ch in term)


DEFAULT_VOCABULARIES = Vocabularies()
