"""GOV.UK times: "5pm", "10:30am", "midday" and "midnight", in UK time."""

from __future__ import annotations

from datetime import datetime, time

from localoffer.core.timezone import LONDON


def govuk_time(value: datetime | time) -> str:
    at = (
        value.astimezone(LONDON).time()
        if isinstance(value, datetime) and value.tzinfo
        else (value.time() if isinstance(value, datetime) else value)
    )
    if at.hour == 12 and at.minute == 0:
        return "midday"
    if at.hour == 0 and at.minute == 0:
        return "midnight"
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    minutes = f":{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes}{suffix}"


FILTERS = {"govuk_time": govuk_time}
