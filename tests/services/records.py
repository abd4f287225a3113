"""Valid service records for the tests, and a tiny site to check them in.

``SERVICE`` is valid on ``sitekit.TODAY`` (23 November 2026) with every kind of field given, so
that a test changes one thing and asserts the one problem it causes.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.sitekit import CONSULTATION, EVENT, SiteKit, replace

SP = "services/sendiass-anyshire.md"

SERVICE = """\
---
title: SENDIASS Anyshire
summary: Free, impartial advice about SEND for families and young people.
organisation:
  name: Anyshire County Council
  url: https://www.anyshire.example/
categories: [advice-and-support]
needs: [communication-and-interaction]
ages: {from: 0, to: 25}
audiences: [parents-carers, young-people]
areas: [countywide]
cost:
  amount: 3.50
  per: session
  note: Carers go free.
referral: both
locations:
  - name: County Hall
    address: Market Street, Anbury
    postcode: AY1 1AA
    accessibility: Step-free access and a hearing loop.
contact:
  email: sendiass@anyshire.example
  phone: 01632 960 400
  url: https://sendiass.anyshire.example/
hours: Monday to Friday, 9am to 5pm
languages: [English, British Sign Language]
reviewed: 2026-10-12
---
Advisers help with SEN support, EHC plans and annual reviews.
"""

#: As little as a service can be: the required fields only.
MINIMAL = """\
---
title: Portage
summary: Home visits for families of young children with SEND.
organisation: {name: Anyshire County Council}
categories: education
contact: {url: https://www.anyshire.example/portage}
reviewed: 2026-01-05
---
"""


def s(old: str, new: str) -> str:
    """``SERVICE`` with ``old`` (which must occur once) replaced by ``new``."""
    return replace(SERVICE, old, new)


EP = "events/short-breaks-drop-in-anbury.md"
CP = "consultations/short-breaks-statement-2027.md"


def service_kit(root: Path, service: str = SERVICE, files: dict[str, str] | None = None) -> SiteKit:
    """A site with the service at ``SP``, an event and a consultation, and ``files`` by path."""
    kit = SiteKit(root)
    kit.write(SP, service)
    kit.write(EP, EVENT)
    kit.write(CP, CONSULTATION)
    for rel, text in (files or {}).items():
        kit.write(rel, text)
    return kit
