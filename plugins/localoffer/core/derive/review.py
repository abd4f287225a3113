"""When a service's details are due to be checked again: 12 months after ``reviewed``.

A service not reviewed for 12 months gets a checker warning and a "last checked" note on its
page (the contract). The review is due on the same day 12 months later (29 February: on 28
February), and overdue from that day on.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from localoffer.core.models.service import Service

REVIEW_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the last day of that month when it is shorter."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def review_due(service: Service) -> date:
    """The day the service's details are due to be checked again."""
    return add_months(service.reviewed, REVIEW_MONTHS)


def review_overdue(service: Service, today: date) -> bool:
    """Not reviewed for 12 months (or more) on ``today``."""
    return today >= review_due(service)
