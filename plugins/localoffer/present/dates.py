"""GOV.UK dates: "12 July 2019", and with the weekday "Tuesday 27 October 2026".

The wording itself is the core's (``core/wording.py``), so that the checker's messages and the
pages say dates the same way.
"""

from __future__ import annotations

from localoffer.core.wording import govuk_date, govuk_date_with_weekday

__all__ = ["FILTERS", "govuk_date", "govuk_date_with_weekday"]

FILTERS = {"govuk_date": govuk_date, "govuk_date_with_weekday": govuk_date_with_weekday}
