// Random and adversarial payloads for every channel: objects built from the contract's own field names, filled
// with the values that broke things before (year edges, offsets, huge strings, NaN, prototype keys, deep
// nesting, emoji and right-to-left text) and with the ids of records that exist, so requests reach deep code.
import fc from 'fast-check';

/** Field names the channels read (the arbitrary puts them at the top level and inside `patch`). */
const KEYS = [
  'id', 'dealId', 'meetingId', 'prospectId', 'templateId', 'touchId', 'undoId', 'name', 'patch', 'start', 'end',
  'from', 'to', 'title', 'company', 'contacts', 'due', 'date', 'at', 'allDay', 'channel', 'action', 'value',
  'status', 'stage', 'query', 'includeClosed', 'includeArchived', 'timeZone', 'nonWorkingDates', 'workingDays',
  'callPlan', 'discoveryQuestions', 'attendeeIds', 'outcome', 'ourCommitments', 'theirCommitments', 'adapt',
  'mode', 'text', 'mapping', 'links', 'windowDays', 'minutes', 'shift', 'steps', 'offsetDays', 'locked',
  'maxPerDay', 'email', 'notes', 'reason', 'note', 'duplicates', 'fileName', '__proto__', 'constructor',
] as const;

const STRINGS = [
  '', ' ', '2026-12-02', '2026-12-02T09:00:00.000Z', '2026-12-02T11:00:00+02:00', '0000-01-01T00:30:00+01:00',
  '9999-12-31T23:00:00-02:00', '1899-12-31', '2200-01-01', '2026-02-30', '25/12/2026', '09:00', '24:00',
  'Europe/Berlin', 'Mars/Olympus', 'email', 'recap', 'planned', 'won', 'replace', 'keep', 'later', 'ideal',
  '👩🏽‍💼 Émilie', 'مرحبا بالعالم', '\u202Eevil\u202C', 'a\u0000b', '<script>alert(1)</script>', '%', '../../etc/passwd',
  'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261202T090000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR',
  'company,email\r\nAcme,a@acme.example\r\n',
];

export function payloadArbitrary(ids: () => string[]): fc.Arbitrary<unknown> {
  const id = fc.oneof(fc.constantFrom(...ids()), fc.uuid(), fc.constant('not-an-id'));
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...STRINGS) },
    { weight: 3, arbitrary: id },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 5_000, maxLength: 20_000 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -10, max: 5_000 }), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 0.5)) },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withObjectString: true, withNullPrototype: true }) },
  );
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('tree'), { maxKeys: 6 }),
    ),
  }));
  // Mostly objects of the contract's fields; sometimes anything at all.
  return fc.oneof(
    { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 8 }) },
    { weight: 1, arbitrary: tree },
  );
}
