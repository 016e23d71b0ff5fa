// Payloads that mostly pass a channel's request schema, generated from the zod schema itself (walking zod 4's
// `_zod.def`, as store/recordCheck.ts does), with ids drawn from records that exist: so the fuzzer reaches the
// services behind validation, not only validation.
import fc from 'fast-check';

interface Def {
  type: string;
  format?: string;
  innerType?: Node;
  element?: Node;
  shape?: Record<string, Node>;
  options?: Node[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  keyType?: Node;
  valueType?: Node;
  checks?: Node[];
  check?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  pattern?: RegExp;
}
interface Node {
  _zod: { def: Def };
}

const INSTANTS = ['2026-12-02T09:00:00.000Z', '2026-12-03T10:30:00.000Z', '2026-12-01T08:00:00.000Z', '2027-01-15T14:00:00+01:00', '2025-06-02T09:00:00.000Z', '1900-01-01T00:00:00.000Z', '2199-12-31T23:59:59.999Z', '0000-01-01T00:30:00+01:00', '9999-12-31T23:00:00-02:00'];
const DATES = ['2026-12-02', '2026-12-04', '2026-12-25', '2027-03-01', '2025-01-01', '1900-01-01', '2199-12-31', '0000-01-01', '2026-02-29'];
const TIMES = ['09:00', '17:30', '00:00', '23:59', '24:00'];
/** File texts for the import channels' `text`. */
const FILES = [
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fuzz//EN\r\nBEGIN:VEVENT\r\nUID:fuzz-1@example\r\nDTSTAMP:20261201T090000Z\r\nDTSTART:20261204T090000Z\r\nDTEND:20261204T100000Z\r\nSUMMARY:Call with Quarry\r\nORGANIZER:mailto:me@rep.example\r\nATTENDEE:mailto:bob@quarry.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fuzz-2@example\r\nDTSTART;VALUE=DATE:20261207\r\nRRULE:FREQ=DAILY;COUNT=500\r\nSUMMARY:Daily\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  'company,name,email\r\nQuarry Foods,Bob Stone,bob@quarry.example\r\nNorthwind,Ana Ruiz,ANA@northwind.example\r\n,,bad\r\n',
];
const TEXTS = ['Recap and next steps', 'A written summary of their goals', '👩🏽‍💼 Émilie', 'مرحبا', '', ' ', 'x'.repeat(300)];

/** Ids of existing records, by the field that names them ('dealId' -> deals; '' -> any record). */
export type IdPools = (field: string) => string[];

export function arbitraryOf(node: Node, ids: IdPools, depth = 0, field = ''): fc.Arbitrary<unknown> {
  const def = node._zod.def;
  const pool = () => (ids(field).length > 0 ? ids(field) : ids(''));
  const id = fc.oneof({ weight: 6, arbitrary: fc.nat().map((i) => pool()[i % pool().length] as string) }, { weight: 1, arbitrary: fc.uuid() });
  const bound = (check: string) => def.checks?.map((c) => c._zod.def).find((c) => c.check === check);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
      return fc.option(arbitraryOf(def.innerType as Node, ids, depth, field), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as Node, ids, depth, field), { nil: null, freq: 4 });
    case 'object': {
      if (depth > 6) return fc.constant({});
      const fields = Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, arbitraryOf(value, ids, depth + 1, key)]));
      return fc.record(fields).map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
    }
    case 'array': {
      const max = Math.min(bound('max_length')?.maximum ?? 4, 4);
      const min = Math.min(bound('min_length')?.minimum ?? 0, max);
      return depth > 6 ? fc.constant([]) : fc.array(arbitraryOf(def.element as Node, ids, depth + 1, field), { minLength: min, maxLength: max });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, ids, depth + 1, field)));
    case 'record':
      return fc.dictionary(fc.constantFrom('company', 'email', 'name', 'Firma'), arbitraryOf(def.valueType as Node, ids, depth + 1), { maxKeys: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const min = bound('greater_than')?.value ?? -5;
      const max = bound('less_than')?.value ?? 5_000;
      return fc.integer({ min: Math.max(min, -1_000_000), max: Math.min(max, 1_000_000) });
    }
    case 'string': {
      const format = def.format ?? def.checks?.map((c) => c._zod.def).find((c) => c.check === 'string_format')?.format;
      if (format === 'uuid') return id;
      if (format === 'datetime') return fc.constantFrom(...INSTANTS);
      if (format === 'date') return fc.constantFrom(...DATES);
      if (format === 'email') return fc.constantFrom('ana@northwind.example', 'BOB@Quarry.example', 'not an email');
      if (format === 'regex') return fc.constantFrom(...TIMES);
      if (field === 'text') return fc.constantFrom(...FILES, ...TEXTS);
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TEXTS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}
