"""The CMS form of an event has its sessions (issue 18): a list of sessions, each with date and
time pickers that write the contract's ``YYYY-MM-DD HH:MM``, a place or online meeting of its own
(optional: the event's otherwise) and a note."""

from __future__ import annotations

import re

from localoffer.core.models.event import Session
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES
from localoffer.export.cms_config import CmsSettings, cms_config

from .test_config import fields_by_path


def event_form() -> dict[str, dict[str, object]]:
    config = cms_config(DEFAULT_VOCABULARIES, CmsSettings(backend={"name": "test-repo"}))
    events = next(c for c in config["collections"] if c["name"] == "events")
    return fields_by_path(events["fields"])


def test_sessions_are_a_list_of_sessions_with_date_and_time_pickers() -> None:
    form = event_form()
    sessions = form["sessions"]
    assert sessions["widget"] == "list" and sessions["label_singular"] == "session"
    assert sessions["required"] is False and sessions["default"] == []
    for name in ("starts", "ends"):
        field = form[f"sessions.{name}"]
        assert field["widget"] == "datetime" and field["required"] is True
        assert field["format"] == "YYYY-MM-DD HH:mm"
        assert (field["date_format"], field["time_format"]) == ("YYYY-MM-DD", "HH:mm")
    # What the picker writes is what the model reads.
    session = Session.model_validate({"starts": "2027-02-09 10:00", "ends": "2027-02-09 12:00"})
    assert session.ends.hour == 12
    for name in ("location", "online", "note"):
        assert form[f"sessions.{name}"]["required"] is False
    assert form["sessions.location"]["widget"] == "object"
    assert "sessions.location.name" in form and "sessions.online.platform" in form
    note = re.compile(str(form["sessions.note"]["pattern"][0]))  # type: ignore[index]
    assert note.match("x" * 200) and not note.match("x" * 201)
    # An event's own starts stays the text field that takes a date or a date and time.
    assert form["starts"]["widget"] == "string"
