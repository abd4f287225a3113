"""Atom 1.0 (RFC 4287) feeds, and the consultations feed.

The consultations feed has an entry when a consultation opens (dated ``opens``; see
:func:`opened_at` for ``opens: unknown``), when its closing date is extended (dated the
extension's ``on``), when it is paused and when it resumes (``paused: date`` and ``resumes``),
when its outcome is published (dated ``outcome.published``) and when it is withdrawn (dated
``withdrawn.date``), only once that date has come. Entry ids are the page's absolute address with
``#opened``, ``#extended-<new closing date>``, ``#paused``, ``#resumed``, ``#outcome`` or
``#withdrawn``, so they never change between builds. The feed's ``updated`` is
the newest entry's date, not the time of the build, so rebuilding changes nothing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from localoffer.core.dates import start_of
from localoffer.core.models.consultation import Consultation
from localoffer.core.site import Site
from localoffer.present.date_or_time import govuk_date_or_time
from localoffer.present.dates import govuk_date

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
FEED_PATH = "consultations/feed.xml"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    link: str
    updated: datetime
    summary: str
    category: str = ""
    #: ``published`` (the same as ``updated`` unless given); omitted when ``known`` is false.
    published_known: bool = True


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    self_link: str
    alternate_link: str
    author: str
    entries: Sequence[Entry]
    #: ``updated`` when there are no entries (a feed must have one).
    fallback_updated: datetime


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def atom_bytes(feed: Feed) -> bytes:
    """The feed as UTF-8 XML; ElementTree escapes every text and attribute."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    entries = sorted(feed.entries, key=lambda e: (e.updated, e.id), reverse=True)
    root = ET.Element(f"{{{ATOM_NS}}}feed", {f"{{{XML_NS}}}lang": "en-GB"})
    sub(root, "id", feed.id)
    sub(root, "title", feed.title)
    sub(root, "subtitle", feed.subtitle)
    sub(root, "link", rel="self", type="application/atom+xml", href=feed.self_link)
    sub(root, "link", rel="alternate", type="text/html", href=feed.alternate_link)
    updated = entries[0].updated if entries else feed.fallback_updated
    sub(root, "updated", _rfc3339(updated))
    author = sub(root, "author")
    sub(author, "name", feed.author)
    for item in entries:
        entry = sub(root, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title)
        sub(entry, "link", rel="alternate", type="text/html", href=item.link)
        if item.published_known:
            sub(entry, "published", _rfc3339(item.updated))
        sub(entry, "updated", _rfc3339(item.updated))
        if item.category:
            sub(entry, "category", term=item.category)
        sub(entry, "summary", item.summary, type="text")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def _closes(value: date | datetime) -> str:
    """``15 January 2027`` or ``at 5pm on 15 January 2027``."""
    prefix = "at " if isinstance(value, datetime) else ""
    return prefix + govuk_date_or_time(value)


def _day(value: date) -> datetime:
    return start_of(value)


def opened_at(consultation: Consultation, now: datetime) -> datetime | None:
    """When the "opened" entry is dated, or ``None`` before it opens.

    With ``opens: unknown`` we cannot say when it opened, and must not invent a day. The entry
    has no ``published`` (RFC 4287 makes it optional, and we do not know it) and its ``updated``
    is the latest moment we know it was open: the start of the build's day while it is open,
    and the moment it closed once it has closed. So the date never claims an opening earlier
    than the truth, and it is the same for every build of a day (and, once it has closed, of
    every day). Its id never changes, so a feed reader shows it once; while it is open, the feed
    and the entry are "updated" each day, which is true: it is still open.
    """
    opens = consultation.opens_at
    if opens is None:
        return min(start_of(now.date()), consultation.closes_at)
    return opens if opens <= now else None


def extensions(consultation: Consultation) -> list[tuple[date, date | datetime]]:
    """Each extension as (the day it was announced, the closing date it moved to)."""
    if not consultation.extended:
        return []
    later = [extension.from_ for extension in consultation.extended[1:]]
    return [
        (extension.on, new)
        for extension, new in zip(consultation.extended, [*later, consultation.closes], strict=True)
    ]


def entry_moments(consultation: Consultation) -> list[datetime]:
    """The dates of every entry a consultation can have (those still to come included), for the
    key that says when the feed must be made again."""
    moments = [
        *([consultation.opens_at] if consultation.opens_at is not None else []),
        *(_day(on) for on, _ in extensions(consultation)),
    ]
    if consultation.paused is not None:
        moments.append(_day(consultation.paused.date))
        if consultation.paused.resumes is not None:
            moments.append(_day(consultation.paused.resumes))
    if consultation.outcome is not None:
        moments.append(_day(consultation.outcome.published))
    if consultation.withdrawn is not None:
        moments.append(_day(consultation.withdrawn.date))
    return moments


def _entry(page: str, name: str, title: str, updated: datetime, summary: str) -> Entry:
    return Entry(f"{page}#{name}", title, page, updated, summary, name.split("-")[0])


def _pause_entries(consultation: Consultation, page: str, now: datetime) -> list[Entry]:
    paused = consultation.paused
    if paused is None or _day(paused.date) > now:
        return []
    title = consultation.title
    resumes = (
        f"It resumes on {govuk_date(paused.resumes)}."
        if paused.resumes is not None
        else "We will say when it resumes."
    )
    entries = [
        _entry(
            page,
            "paused",
            f"Consultation paused: {title}",
            _day(paused.date),
            f"{paused.reason} Responses already sent still count. {resumes}",
        )
    ]
    if paused.resumes is not None and _day(paused.resumes) <= now:
        entries.append(
            _entry(
                page,
                "resumed",
                f"Consultation resumed: {title}",
                _day(paused.resumes),
                f"You can respond again. Closes {_closes(consultation.closes)}.",
            )
        )
    return entries


def consultation_entries(site: Site) -> list[Entry]:
    base = site.settings.base_url
    now = site.now
    entries: list[Entry] = []
    for consultation in site.consultations.values():
        page = f"{base}/consultations/{consultation.id}/"
        title = consultation.title
        opened = opened_at(consultation, now)
        if opened is not None:
            entries.append(
                Entry(
                    f"{page}#opened",
                    f"Consultation opened: {title}",
                    page,
                    opened,
                    f"{consultation.summary} Closes {_closes(consultation.closes)}.",
                    "opened",
                    published_known=consultation.opens is not None,
                )
            )
        for on, new in extensions(consultation):
            if _day(on) <= now:
                entries.append(
                    _entry(
                        page,
                        f"extended-{_iso(new)}",
                        f"Closing date extended to {govuk_date_or_time(new)}: {title}",
                        _day(on),
                        f"You can now respond until {_closes(new)}.",
                    )
                )
        entries.extend(_pause_entries(consultation, page, now))
        outcome = consultation.outcome
        if outcome is not None and _day(outcome.published) <= now:
            entries.append(
                _entry(
                    page,
                    "outcome",
                    f"Outcome published: {title}",
                    _day(outcome.published),
                    outcome.summary,
                )
            )
        withdrawn = consultation.withdrawn
        if withdrawn is not None and _day(withdrawn.date) <= now:
            entries.append(
                _entry(
                    page,
                    "withdrawn",
                    f"Consultation withdrawn: {title}",
                    _day(withdrawn.date),
                    withdrawn.reason,
                )
            )
    return entries


def _iso(value: date | datetime) -> str:
    """A closing date in an entry id: ``2027-03-15`` or ``2027-03-15T17:00``."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def consultations_feed(site: Site) -> bytes:
    settings = site.settings
    base = settings.base_url
    entries = consultation_entries(site)
    publisher = settings.authority or settings.site_name
    feed = Feed(
        id=f"{base}/{FEED_PATH}",
        title=f"Consultations – {settings.site_name}",
        subtitle=(
            f"Consultations opened, extended, paused and resumed, outcomes published and "
            f"withdrawals by {publisher}"
        ),
        self_link=f"{base}/{FEED_PATH}",
        alternate_link=f"{base}/consultations/",
        author=publisher,
        entries=entries,
        fallback_updated=start_of(site.today),
    )
    return atom_bytes(feed)
