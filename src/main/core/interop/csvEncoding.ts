// Decoding a CSV file's bytes: a byte-order mark names UTF-8 or UTF-16 (LE/BE); without one, bytes that are
// valid UTF-8 are UTF-8, and anything else is Windows-1252 (what Excel on Windows writes). TextDecoder does the
// decoding (Node ships full ICU); no detector guesses between 8-bit code pages, since a CRM export is one of these.
import type { CSV_ENCODINGS } from '../../../shared/contract/interop';

export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'UTF-16 LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'UTF-16 BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

// Bytes 0x80-0x9F of Windows-1252 (€, ‚, „, …, ‘, ’, “, ”, –, — ...); 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned.
const C1 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 control characters; those are mapped here. */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009F]/g, (c) => C1[c.charCodeAt(0) - 0x80] as string);
}

/** The bytes read in the encoding the rep chose (a byte-order mark of that encoding is dropped). */
export function decodeCsvBytesAs(bytes: Uint8Array, encoding: CsvEncoding): DecodedCsv {
  const bom = (length: number, ...marks: number[]) => marks.every((mark, i) => bytes[i] === mark) ? bytes.subarray(length) : bytes;
  switch (encoding) {
    case 'UTF-8':
    case 'UTF-8 with BOM':
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom(3, 0xef, 0xbb, 0xbf)), encoding };
    case 'UTF-16 LE':
      return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bom(2, 0xff, 0xfe)), encoding };
    case 'UTF-16 BE':
      return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bom(2, 0xfe, 0xff)), encoding };
    case 'Windows-1252':
      return { text: decodeWindows1252(bytes), encoding };
  }
}

/**
 * The request's file: its base64 bytes when the host sent them (decoded here, in the encoding the rep chose or
 * else the detected one), else its text as it came.
 */
export function csvTextOf(request: { text?: string; bytes?: string; encoding?: CsvEncoding }): { text: string; encoding?: CsvEncoding } {
  if (request.bytes === undefined) return { text: request.text ?? '' };
  const bytes = Buffer.from(request.bytes, 'base64');
  return request.encoding ? decodeCsvBytesAs(bytes, request.encoding) : decodeCsvBytes(bytes);
}
