"""What the CMS calls each field of each record, and the help beneath it, in editors' words.

Keys are the field's place in the record's JSON Schema: ``event.starts`` for a field of the
record, ``Location.name`` for a field of a shared part (``$defs``). Every field the models have
must be here: the CMS config generator refuses a field without words, so a new field cannot
reach the editors' forms unexplained (``tests/cms/test_config.py``).
"""

from __future__ import annotations

from typing import NamedTuple


class FieldHelp(NamedTuple):
    label: str
    hint: str = ""


DATE = "A date: pick it, or type it as YYYY-MM-DD (2027-03-12)."
WHEN = "A date (2027-03-12), or a date and time in UK time (2027-03-12 18:00)."
IDS = "Ids are file names without .md, such as short-breaks-statement-2026."

FIELDS: dict[str, FieldHelp] = {
    # Consultations
    "consultation.title": FieldHelp("Title", "Up to 120 characters."),
    "consultation.summary": FieldHelp(
        "Summary", "One or two plain sentences, up to 300 characters: shown in lists and feeds."
    ),
    "consultation.opens": FieldHelp(
        "Opens", WHEN + " Write unknown if the opening date was never published."
    ),
    "consultation.closes": FieldHelp(
        "Closes", WHEN + " A date alone means until the end of that day."
    ),
    "consultation.audiences": FieldHelp("Who is being asked", "Choose one or more."),
    "consultation.topics": FieldHelp("Topics"),
    "consultation.areas": FieldHelp("Areas", "Leave empty for countywide."),
    "consultation.organisation": FieldHelp(
        "Run by another organisation",
        "Only when a partner (the DfE, an NHS board) runs it, not the council.",
    ),
    "consultation.lead": FieldHelp("Lead team or service", "The team running it."),
    "consultation.contact": FieldHelp(
        "Contact email", "For questions and accessible formats. Never a person's own address."
    ),
    "consultation.respond": FieldHelp(
        "Ways to respond", "Add one item for each way, and fill in one box in each."
    ),
    "consultation.easy_read": FieldHelp("Easy Read version", "A document: a file or a link."),
    "consultation.documents": FieldHelp("Documents"),
    "consultation.related": FieldHelp("Related consultations", IDS),
    "consultation.services": FieldHelp(
        "Services it is about", "Choose the services in the directory it would change."
    ),
    "consultation.extended": FieldHelp(
        "Closing date extended",
        "For each extension, the closing date it replaced and the day it was announced. "
        "Put the new date in Closes.",
    ),
    "consultation.paused": FieldHelp(
        "Paused", "Only if it was paused: responses already sent still count."
    ),
    "consultation.withdrawn": FieldHelp("Withdrawn", "Only if the consultation was withdrawn."),
    "consultation.outcome": FieldHelp(
        "Outcome", "When the decision is published: what was decided and why."
    ),
    "consultation.previous_ids": FieldHelp(
        "Old ids", "If this record was renamed, its old ids, so that old links still work."
    ),
    "RespondOption.online": FieldHelp("Online form", "Its web address (https://…)."),
    "RespondOption.email": FieldHelp("Email"),
    "RespondOption.post": FieldHelp("Post", "The postal address."),
    "RespondOption.phone": FieldHelp("Phone"),
    "RespondOption.event": FieldHelp("At an event", "The event's id."),
    "RespondOption.competition": FieldHelp(
        "Competition", "What to make and where to send it, or the competition's web page."
    ),
    "RespondOption.school_pack": FieldHelp(
        "School pack", "A pack for schools to take part as a class: upload it, or its web address."
    ),
    "RespondOption.pinboard": FieldHelp("Online pinboard", "Its web address (https://…)."),
    "RespondOption.recording": FieldHelp(
        "Voice or video recording", "Where to send it: an email address, a number or a web address."
    ),
    "RespondOption.form": FieldHelp(
        "Form to send back", "Upload the form, or its web address. Give a post or email way too."
    ),
    "Withdrawn.date": FieldHelp("Date withdrawn", DATE),
    "Withdrawn.reason": FieldHelp("Why it was withdrawn"),
    "Paused.date": FieldHelp("Date paused", DATE),
    "Paused.reason": FieldHelp("Why it was paused"),
    "Paused.resumes": FieldHelp("Resumes", DATE + " Leave empty if not known yet."),
    "Extension.from": FieldHelp("Earlier closing date", WHEN),
    "Extension.on": FieldHelp("Announced on", DATE),
    "Outcome.published": FieldHelp("Outcome published", DATE),
    "Outcome.summary": FieldHelp("What was decided"),
    "Outcome.documents": FieldHelp("Outcome documents"),
    "Outcome.feedback": FieldHelp(
        "Feedback rounds", 'Ids of the "You said, we did" rounds that answer it.'
    ),
    # Events
    "event.title": FieldHelp("Title", "Up to 120 characters."),
    "event.summary": FieldHelp("Summary", "One or two plain sentences, up to 300 characters."),
    "event.starts": FieldHelp(
        "Starts", WHEN + " A date alone is an all-day event. Leave empty only with Meets."
    ),
    "event.meets": FieldHelp(
        "Meets (no fixed dates)",
        'Only for a group without fixed dates, in words: "Saturday mornings in term time". '
        "Then leave Starts, Ends and Repeat empty.",
    ),
    "event.time_tbc": FieldHelp(
        "Time to be confirmed", "Tick if the date is set but the time is not: Starts is a date."
    ),
    "event.ends": FieldHelp(
        "Ends", "Like Starts: a time if Starts has one (an hour later if empty), or the last day."
    ),
    "event.repeat": FieldHelp("Repeats", "Only for a series of dates."),
    "event.engagement": FieldHelp(
        "Engagement opportunity",
        "Tick if children, young people or families give their views or help shape services.",
    ),
    "event.kind": FieldHelp("Kind of event"),
    "event.audiences": FieldHelp("Who it is for", "Choose one or more."),
    "event.ages": FieldHelp("Ages", "Of the children or young people, in years (0 to 25)."),
    "event.who_can_come": FieldHelp(
        "Who can come", "Open to anyone it is for, or only members, invited people or referrals."
    ),
    "event.provisions": FieldHelp(
        "Access and support", "BSL, a crèche, large print…: only what there will be for sure."
    ),
    "event.areas": FieldHelp("Areas"),
    "event.location": FieldHelp("Place", "Give a place, Online, or both (a hybrid event)."),
    "event.online": FieldHelp("Online"),
    "event.sessions": FieldHelp(
        "Sessions",
        "Only for an event on several dates, times or places: each session in order, with its "
        "times. Then leave Starts, Ends and Repeat empty.",
    ),
    "event.cost": FieldHelp("Cost", "Leave empty if it is free."),
    "event.booking": FieldHelp("Booking"),
    "event.organiser": FieldHelp("Organiser", "Who runs it."),
    "event.contact": FieldHelp("Contact email"),
    "event.consultation": FieldHelp(
        "Part of a consultation", "Choose it if this event is part of a consultation."
    ),
    "event.service": FieldHelp(
        "Run by a service", "Choose the service in the directory that runs it, if any."
    ),
    "event.status": FieldHelp("Status", "Leave as scheduled unless plans change."),
    "event.status_note": FieldHelp(
        "Status note", "What changed, shown with a status other than scheduled."
    ),
    "event.documents": FieldHelp("Documents", "The notes of a past meeting, for example."),
    "event.previous_ids": FieldHelp(
        "Old ids", "If this record was renamed, its old ids, so that old links still work."
    ),
    "Repeat.frequency": FieldHelp("How often"),
    "Repeat.weekday": FieldHelp("Day of the week", "Leave empty for the day of Starts."),
    "Repeat.week": FieldHelp(
        "Which week of the month", "Monthly only: 1 to 4, or last (the 2nd Tuesday, say)."
    ),
    "Repeat.until": FieldHelp("Until", DATE + " The last possible date: give this or How many."),
    "Repeat.count": FieldHelp("How many times", "Give this or Until, not both."),
    "Repeat.except": FieldHelp("Dates it does not happen", DATE),
    "Repeat.term_time_only": FieldHelp(
        "Term time only", "Tick to skip the school holidays (set once for the site)."
    ),
    "Repeat.school_holidays_only": FieldHelp(
        "School holidays only", "Tick if it happens only in the school holidays."
    ),
    "Ages.from": FieldHelp("From age"),
    "Ages.to": FieldHelp("To age"),
    "Location.name": FieldHelp("Name of the place"),
    "Location.address": FieldHelp(
        "Address", "Leave empty if the venue is given when people book: no map is shown."
    ),
    "Location.postcode": FieldHelp("Postcode"),
    "Location.accessibility": FieldHelp(
        "Access", "Step-free access, hearing loop, quiet room, parking."
    ),
    "Online.platform": FieldHelp("Platform", "Microsoft Teams, Zoom…"),
    "Online.url": FieldHelp("Link to join", "Leave empty if the link is sent when people book."),
    "Session.starts": FieldHelp("Starts", "A date and a time: YYYY-MM-DD HH:MM, in UK time."),
    "Session.ends": FieldHelp("Ends", "A date and a time, after Starts."),
    "Session.location": FieldHelp("Place", "Leave empty for the event's place."),
    "Session.online": FieldHelp("Online", "Leave empty for the event's place."),
    "Session.note": FieldHelp("Note", 'Up to 200 characters: "After school", "With a crèche".'),
    "Booking.required": FieldHelp("Booking needed"),
    "Booking.url": FieldHelp("Booking page", "Its web address (https://…)."),
    "Booking.email": FieldHelp("Booking email"),
    "Booking.phone": FieldHelp("Booking phone"),
    "Booking.deadline": FieldHelp("Book by", DATE),
    # Feedback rounds ("You said, we did")
    "feedback.title": FieldHelp("Title", "For example: Local Offer survey, spring 2027."),
    "feedback.source": FieldHelp("Where the comments came from"),
    "feedback.received": FieldHelp(
        "Gathered on", DATE + " The last day, if they were gathered over time."
    ),
    "feedback.summary": FieldHelp("Summary"),
    "feedback.consultation": FieldHelp("Related consultation"),
    "feedback.event": FieldHelp("Related event", "The event's id."),
    "feedback.documents": FieldHelp("Documents", "A Young Inspectors report, for example."),
    "feedback.comments": FieldHelp(
        "Comments", "Each comment with our response. Never a name, address, phone or email."
    ),
    "Comment.from": FieldHelp("From"),
    "Comment.regarding": FieldHelp(
        "About",
        "content: what the Local Offer has or lacks; accessibility: how easy it is to use; "
        "development: how it is developed.",
    ),
    "Comment.topics": FieldHelp("Topics"),
    "Comment.said": FieldHelp(
        "You said", "The comment, with anything that identifies anyone removed."
    ),
    "Comment.response": FieldHelp("We did", "Our response: what we say or do in reply."),
    "Comment.action": FieldHelp("Action", "Only if we are doing something about it."),
    "Comment.service": FieldHelp(
        "Service", "If the comment is about one service in the directory: its page shows it."
    ),
    "Comment.theme": FieldHelp("Theme", "The id of one of this round's themes, to show it there."),
    "feedback.respondents": FieldHelp(
        "Who took part", "How many of each group: children, young people, parents and carers."
    ),
    "feedback.themes": FieldHelp(
        "Themes", "What many comments were about, each summed up with how many and our response."
    ),
    "feedback.figures": FieldHelp(
        "Figures", "Counts and percentages, each with what it counts: shown as charts."
    ),
    "feedback.quotes": FieldHelp(
        "Quotes", "People's own words that need no response. Never anything that identifies them."
    ),
    "Theme.id": FieldHelp("Theme id", "Lowercase words and hyphens (waiting-times)."),
    "Theme.title": FieldHelp("Theme", "For example: Waiting times."),
    "Theme.summary": FieldHelp("What people said", "A summary of the comments on this theme."),
    "Theme.count": FieldHelp("Number of comments", "How many comments were about it in all."),
    "Theme.response": FieldHelp("We did", "Our response to this theme."),
    "Theme.action": FieldHelp("Action", "Only if we are doing something about it."),
    "Theme.topics": FieldHelp("Topics"),
    "Quote.said": FieldHelp("Quote", "Their words, with anything that identifies anyone removed."),
    "Quote.from": FieldHelp("From"),
    "Quote.theme": FieldHelp("Theme", "The id of one of this round's themes, to show it there."),
    "Figure.label": FieldHelp(
        "What it counts", "For example: responses, or agreed the plan was clear."
    ),
    "Figure.count": FieldHelp("Count", "A whole number (1200). Give a count or a percentage."),
    "Figure.percent": FieldHelp("Percentage", "0 to 100 (83). Give a count or a percentage."),
    "Figure.set": FieldHelp(
        "Set", "The question, for the answers that are parts of one whole (they add up to 100%)."
    ),
    "Action.status": FieldHelp("Action status"),
    "Action.due": FieldHelp("Due", DATE),
    "Action.completed": FieldHelp("Completed", DATE + " Only when done, and not in the future."),
    "Action.owner": FieldHelp("Who is doing it", "A team, never a person's name."),
    # Services (the Local Offer directory)
    "service.title": FieldHelp("Name of the service", "Up to 120 characters."),
    "service.summary": FieldHelp(
        "Summary", "One plain sentence, up to 300 characters: what it does and who it is for."
    ),
    "service.organisation": FieldHelp(
        "Provided by", "The council, an NHS body, a charity or a school."
    ),
    "service.categories": FieldHelp("Kind of service", "Choose one or more."),
    "service.needs": FieldHelp("Areas of need", "Leave empty if it is open to all needs."),
    "service.ages": FieldHelp("Ages", "Of the children or young people, in years (0 to 25)."),
    "service.audiences": FieldHelp("Who it is for"),
    "service.areas": FieldHelp("Areas"),
    "service.cost": FieldHelp(
        "Cost",
        "Leave empty if it is free. Otherwise the amount in pounds and what it is per, or the "
        "cost in words in Note.",
    ),
    "service.referral": FieldHelp(
        "How to get it",
        "self: families ask for it directly. professional: a GP, school or social worker "
        "refers them. both: either.",
    ),
    "service.locations": FieldHelp("Places", "Where it is given. Leave empty if nowhere to visit."),
    "service.contact": FieldHelp(
        "Contact", "At least one. The service's own address and number, never a person's."
    ),
    "service.hours": FieldHelp("Opening hours", "Monday to Friday, 9am to 5pm, term time only."),
    "service.languages": FieldHelp("Languages", "English, British Sign Language, Polish…"),
    "service.reviewed": FieldHelp(
        "Details last checked",
        DATE + " The day you checked them with the service: after 12 months the check warns.",
    ),
    "service.documents": FieldHelp("Documents", "A leaflet, for example."),
    "service.previous_ids": FieldHelp(
        "Old ids", "If this record was renamed, its old ids, so that old links still work."
    ),
    "Organisation.name": FieldHelp("Organisation"),
    "Organisation.url": FieldHelp("Its website", "A web address (https://…)."),
    "Cost.amount": FieldHelp("Amount in pounds", "3.50, or 0 if it is free."),
    "Cost.per": FieldHelp("Per", "What the amount is for: session, hour, term."),
    "Cost.note": FieldHelp("Note", "Anything else about the cost, or the cost in words."),
    "ServiceContact.email": FieldHelp("Email", "The service's shared address, never a person's."),
    "ServiceContact.phone": FieldHelp("Phone"),
    "ServiceContact.url": FieldHelp("Web page", "The service's own page (https://…)."),
    # Documents, wherever a record lists them
    "DocumentRef.title": FieldHelp("Document title"),
    "DocumentRef.file": FieldHelp("File", "Upload it here, or give a link instead."),
    "DocumentRef.url": FieldHelp("Or a link", "A web address (https://…) instead of a file."),
    "DocumentRef.easy_read": FieldHelp("Easy Read version"),
    "DocumentRef.accessible": FieldHelp(
        "Meets accessibility standards", "Tick only if you have checked it."
    ),
}

#: What each record type is called in the CMS.
COLLECTIONS: dict[str, tuple[str, str]] = {
    "consultation": ("Consultations", "Consultation"),
    "event": ("Events", "Event"),
    "feedback": ("You said, we did", "Feedback round"),
    "service": ("Services", "Service"),
}

#: For each list of the forms, what one item is called: its button says "Add document", and a
#: list of one says "1 document". Every list must be here (the generator refuses one without).
ITEM: dict[str, str] = {
    "consultation.respond": "way to respond",
    "consultation.documents": "document",
    "consultation.extended": "extension",
    "consultation.previous_ids": "old id",
    "Outcome.documents": "outcome document",
    "Outcome.feedback": "feedback round",
    "event.documents": "document",
    "event.previous_ids": "old id",
    "event.sessions": "session",
    "Repeat.except": "date it does not happen",
    "feedback.documents": "document",
    "feedback.comments": "comment",
    "feedback.themes": "theme",
    "feedback.figures": "figure",
    "feedback.quotes": "quote",
    "service.locations": "place",
    "service.languages": "language",
    "service.documents": "document",
    "service.previous_ids": "old id",
}

BODY = {
    "consultation": FieldHelp("Page text", "What is proposed, why, and what happens next."),
    "event": FieldHelp("Page text", "What happens, who it is for, and how to take part."),
    "service": FieldHelp("Page text", "What the service does, who can use it, and how to get it."),
}


def item_name(key: str) -> str:
    """What one item of the list ``key`` is called; a ``KeyError`` naming it when unnamed."""
    try:
        return ITEM[key]
    except KeyError:
        raise KeyError(
            f"no name for an item of the list '{key}': add it to ITEM in "
            "localoffer/present/field_help.py"
        ) from None


def field_help(key: str) -> FieldHelp:
    """The words for one field; a ``KeyError`` naming it when there are none."""
    try:
        return FIELDS[key]
    except KeyError:
        raise KeyError(
            f"no label for the field '{key}': add it to localoffer/present/field_help.py"
        ) from None
