/** RFC 5545 text: a minimal iCalendar writer (CRLF, escaped TEXT, lines folded at 75 octets). */

export type IcsEvent =
  | {
      uid: string;
      date: string;
      start: string;
      end: string;
      summary: string;
      location?: string | null;
      description?: string | null;
    }
  | { uid: string; date: string; allDay: true; summary: string };

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (date: string) => date.replaceAll('-', '');
const localTime = (date: string, time: string) => `${compact(date)}T${time.replace(':', '')}00`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

const OSLO_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A whole VCALENDAR with times in Europe/Oslo (with its VTIMEZONE). */
export function buildIcs(calendarName: string, events: IcsEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Skolebro//Timeplan//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    'X-WR-TIMEZONE:Europe/Oslo',
    ...OSLO_TIMEZONE,
  ];
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcStamp(now)}`);
    if ('allDay' in event) {
      lines.push(
        `DTSTART;VALUE=DATE:${compact(event.date)}`,
        `DTEND;VALUE=DATE:${compact(nextDay(event.date))}`,
        'TRANSP:TRANSPARENT',
      );
    } else {
      lines.push(
        `DTSTART;TZID=Europe/Oslo:${localTime(event.date, event.start)}`,
        `DTEND;TZID=Europe/Oslo:${localTime(event.date, event.end)}`,
      );
      if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
      if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
