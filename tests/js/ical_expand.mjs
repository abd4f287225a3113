// Expand an iCalendar file with Mozilla's ical.js (the parser Thunderbird uses) and print, as
// JSON, each VEVENT's occurrences that overlap a window, in UTC.
//
//   node tests/js/ical_expand.mjs FILE.ics START END
//
// START and END are ISO 8601 (2026-10-01 or 2026-10-01T00:00:00Z), read as UTC. Like a calendar
// client, the script registers the file's own VTIMEZONE components before reading any event, so
// times are converted with the time zone the file describes (not the machine's). A TZID with no
// VTIMEZONE is an error: ical.js would otherwise read the time as floating local time.
//
// Output: [{uid, summary, status, allDay, occurrences: [{start, end}]}], timed occurrences as
// "2026-10-20T15:00:00Z", all-day ones as dates with DTEND's exclusive end ("2027-08-07").

import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [file, startArg, endArg] = process.argv.slice(2);
if (!file || !startArg || !endArg) {
  process.stderr.write("usage: node ical_expand.mjs FILE.ics START END\n");
  process.exit(2);
}

const toUtcTime = (text) => {
  const iso = /T/.test(text) ? text : `${text}T00:00:00Z`;
  return ICAL.Time.fromJSDate(new Date(iso), true);
};
const windowStart = toUtcTime(startArg);
const windowEnd = toUtcTime(endArg);
const utc = ICAL.Timezone.utcTimezone;

const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
const registered = new Set();
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  const zone = new ICAL.Timezone(vtimezone);
  ICAL.TimezoneService.register(zone);
  registered.add(zone.tzid);
}

const checkZone = (component, name) => {
  for (const property of component.getAllProperties(name)) {
    const tzid = property.getParameter("tzid");
    if (tzid && !registered.has(tzid)) {
      throw new Error(`${name.toUpperCase()} uses TZID ${tzid}, which has no VTIMEZONE`);
    }
  }
};

const show = (time) =>
  time.isDate ? time.toString() : time.convertToZone(utc).toString();

const result = [];
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  for (const name of ["dtstart", "dtend", "exdate", "rdate"]) checkZone(vevent, name);
  const event = new ICAL.Event(vevent);
  const occurrences = [];
  const iterator = event.iterator();
  let next;
  let guard = 0;
  while ((next = iterator.next())) {
    if (++guard > 20000) throw new Error(`${event.uid}: too many occurrences`);
    const details = event.getOccurrenceDetails(next);
    if (details.startDate.compare(windowEnd) >= 0) break;
    if (details.endDate.compare(windowStart) <= 0) continue;
    occurrences.push({ start: show(details.startDate), end: show(details.endDate) });
  }
  result.push({
    uid: event.uid,
    summary: event.summary,
    status: vevent.getFirstPropertyValue("status"),
    allDay: event.startDate.isDate,
    occurrences,
  });
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
