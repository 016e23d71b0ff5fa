// RFC 5545 3.1: content lines are folded at 75 octets, continued after CRLF + one space, never inside a character.
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../../src/main/core/interop/icsWrite';

const unfold = (text: string) => text.replace(/\r\n /g, '');
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('foldLine', () => {
  it.each([
    ['a short line', 'SUMMARY:Recap'],
    ['exactly 75 ASCII octets', `DESCRIPTION:${'x'.repeat(63)}`],
    ['a long ASCII line', `DESCRIPTION:${'Value: their own numbers in the ROI model they asked for. '.repeat(9)}`],
    ['a long line of two-byte characters', `SUMMARY:${'Müller Straße Café '.repeat(12)}`],
    ['a long line of emoji (four bytes, surrogate pairs)', `SUMMARY:${'Kick-off 🚀 '.repeat(20)}`],
  ])('%s: lines of at most 75 octets that unfold to the original', (_name, line) => {
    const folded = foldLine(line);
    expect(unfold(folded)).toBe(line);
    const physical = folded.split('\r\n');
    physical.forEach((part, index) => {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toMatch(/\uFFFD/);
    });
    // A fold never splits a surrogate pair.
    for (const part of physical) expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
    if (octets(line) <= 75) expect(folded).toBe(line);
  });
});
