"""Reads an .ics file with python-icalendar (Debian's python3-icalendar), a parser Touchplan does not use, and
prints what it found as JSON: every VEVENT's UID with its DTSTART and DTEND (an ISO instant in UTC for a
date-time, YYYY-MM-DD for a DATE value)."""
import datetime
import json
import sys

import icalendar


def value_of(prop):
    value = prop.dt
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    return value.isoformat()


with open(sys.argv[1], 'rb') as file:
    calendar = icalendar.Calendar.from_ical(file.read())

events = []
for component in calendar.walk('VEVENT'):
    events.append({
        'uid': str(component.get('UID')),
        'start': value_of(component.get('DTSTART')),
        'end': value_of(component.get('DTEND')),
        'summary': str(component.get('SUMMARY')),
    })
json.dump({'count': len(events), 'events': events}, sys.stdout)
