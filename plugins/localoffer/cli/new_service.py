"""The file ``localoffer new service TITLE`` writes: a service with every field explained.

Its placeholder texts come from ``core/placeholders.py``: the checker reports each one left in
the file as an error naming its field, so an unedited file cannot be published.
"""

from __future__ import annotations

import json
from datetime import date

from localoffer.core import placeholders as p


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def service_template(*, title: str, today: date, email: str, authority: str = "") -> str:
    """A new service (``title`` already quoted for YAML), reviewed ``today``, provided by the
    site's ``authority`` (the council) until the editor says otherwise."""
    provider = _quote(authority or "The council")
    return f"""---
# A service of the Local Offer directory. Every line starting with # is an explanation:
# delete it or leave it. Run `localoffer check` after editing: it names the line of any mistake.

# The service's name (up to 120 characters).
title: {title}
# One plain sentence (up to 300 characters), shown in the directory and in search results.
summary: {_quote(p.SERVICE_SUMMARY.text)}
# Who provides it: the council, an NHS body, a charity, a school. url is optional.
organisation:
  name: {provider}
  # url: https://www.example.org/
# What kind of service it is, one or more: education, health, social-care, short-breaks,
# transport, preparing-for-adulthood, advice-and-support, leisure, childcare, mental-health.
categories: [advice-and-support]
# Optional: the areas of need it is for (leave it out if it is open to all needs):
# communication-and-interaction, cognition-and-learning, social-emotional-and-mental-health,
# sensory-and-physical.
# needs: [communication-and-interaction]
# Optional: the ages of the children or young people it is for, in years (0 to 25).
# ages: {{from: 0, to: 25}}
# Optional: who it is for: children, young-people, parents-carers, professionals, everyone.
audiences: [parents-carers]
# Optional: countywide, north, south, east, west, online.
areas: [countywide]
# Optional, default Free. Text ("£3.50 a session"), or the amount in pounds, what it is per
# and a note:
# cost:
#   amount: 3.50
#   per: session
#   note: Carers go free.
cost: Free
# How to get it: self (families ask for it directly; the default), professional (a GP,
# health visitor, school or social worker refers them) or both.
referral: self
# Optional: the places where it is given, with what helps people get in (step-free access,
# hearing loop, quiet room, parking). Remove the whole list if there is no place to visit.
locations:
  - name: {p.SERVICE_LOCATION_NAME.text}
    address: {p.SERVICE_LOCATION_ADDRESS.text}
    postcode: {p.SERVICE_LOCATION_POSTCODE.text}
    # accessibility: Step-free access and a hearing loop.
# How to reach the service: at least one of email, phone and url. The service's shared
# address and number, never a person's own: contacts are published.
contact:
  email: {email}
  # phone: 01632 960000
  # url: https://www.example.org/our-service
# Optional: when it is open or runs.
# hours: Monday to Friday, 9am to 5pm, term time only
# Optional: the languages it is offered in, besides English, or including it.
# languages: [English, British Sign Language]
# The day the details were last checked with the service (YYYY-MM-DD, not in the future).
# After 12 months the check warns, and the page says when they were last checked.
reviewed: {today.isoformat()}
# Optional: documents, each with a title and a file (under content/) or a url.
# documents:
#   - title: Leaflet
#     file: documents/our-service-leaflet.pdf
# If you rename this file, list the old name so old links keep working:
# previous_ids: [old-file-name]
---

{p.SERVICE_BODY[0].text}

{p.SERVICE_BODY[1].text}
"""
