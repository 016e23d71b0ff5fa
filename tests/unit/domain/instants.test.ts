// Instants are normalized to UTC at the boundary; the fast path for strings already canonical must agree with
// the full Date round trip on every kind of input.
import { expect, test } from 'vitest';
import { instantSchema, toUtcInstant } from '../../../src/shared/schema';

const roundTrip = (value: string) => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
};

test('toUtcInstant equals the Date round trip, canonical or not', () => {
  const days = ['01', '28', '29', '30', '31'];
  const months = ['01', '02', '04', '12', '13'];
  for (const month of months) {
    for (const day of days) {
      for (const time of ['00:00:00.000Z', '23:59:59.999Z', '24:00:00.000Z', '12:00:00+02:00', '12:00:00.5Z']) {
        const value = `2028-${month}-${day}T${time}`;
        expect(toUtcInstant(value), value).toBe(roundTrip(value));
      }
    }
  }
});

test('an instant with an offset is stored as UTC; years no rep means are refused', () => {
  expect(instantSchema.parse('2026-12-02T11:00:00+02:00')).toBe('2026-12-02T09:00:00.000Z');
  expect(instantSchema.safeParse('0000-01-01T00:30:00+01:00').error?.issues[0]?.message).toBe('The year must be between 1900 and 2199');
  expect(instantSchema.safeParse('9999-12-31T23:00:00-02:00').success).toBe(false);
});
