"""Atom 1.0 (RFC 4287) feeds, and the consultations feed.

The consultations feed has an entry when a consultation opens (dated ``opens``), when its outcome
is published (dated ``outcome.published``) and when it is withdrawn (dated ``withdrawn.date``),
only once that date has come. Entry ids are the page's absolute address with ``#opened``,
``#outcome`` or ``#withdrawn``, so they never change between builds. The feed's ``updated`` is
the newest entry's date, not the time of the build, so rebuilding changes nothing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from localoffer.core.dates import start_of
from localoffer.core.site import Site
from localoffer.present.date_or_time import govuk_date_or_time

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


def consultation_entries(site: Site) -> list[Entry]:
    base = site.settings.base_url
    now = site.now
    entries: list[Entry] = []
    for consultation in site.consultations.values():
        page = f"{base}/consultations/{consultation.id}/"
        if consultation.opens_at <= now:
            entries.append(
                Entry(
                    id=f"{page}#opened",
                    title=f"Consultation opened: {consultation.title}",
                    link=page,
                    updated=consultation.opens_at,
                    summary=f"{consultation.summary} Closes {_closes(consultation.closes)}.",
                    category="opened",
                )
            )
        outcome = consultation.outcome
        if outcome is not None and _day(outcome.published) <= now:
            entries.append(
                Entry(
                    id=f"{page}#outcome",
                    title=f"Outcome published: {consultation.title}",
                    link=page,
                    updated=_day(outcome.published),
                    summary=outcome.summary,
                    category="outcome",
                )
            )
        withdrawn = consultation.withdrawn
        if withdrawn is not None and _day(withdrawn.date) <= now:
            entries.append(
                Entry(
                    id=f"{page}#withdrawn",
                    title=f"Consultation withdrawn: {consultation.title}",
                    link=page,
                    updated=_day(withdrawn.date),
                    summary=withdrawn.reason,
                    category="withdrawn",
                )
            )
    return entries


def consultations_feed(site: Site) -> bytes:
    settings = site.settings
    base = settings.base_url
    entries = consultation_entries(site)
    publisher = settings.authority or settings.site_name
    feed = Feed(
        id=f"{base}/{FEED_PATH}",
        title=f"Consultations – {settings.site_name}",
        subtitle=f"Consultations opened, outcomes published and withdrawals by {publisher}",
        self_link=f"{base}/{FEED_PATH}",
        alternate_link=f"{base}/consultations/",
        author=publisher,
        entries=entries,
        fallback_updated=start_of(site.today),
    )
    return atom_bytes(feed)
