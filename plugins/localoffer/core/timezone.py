"""The one time zone the Local Offer lives in."""

from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
