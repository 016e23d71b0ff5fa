// Reading a CRM's CSV export of prospects and contacts with papaparse. Plain Node: no Electron, no store.
//
// - The delimiter is detected (comma, semicolon, tab, pipe); a UTF-8 BOM is dropped; quoted fields may hold
//   newlines. Each row keeps the line of the file it starts on (what a text editor shows), so errors point
//   at the right line even after a quoted newline.
// - The first line must be the header. A file whose first line looks like data (an email address, a URL,
//   a phone number as a column name) is refused as a whole: nothing is imported.
// - Headers of HubSpot, Salesforce and Pipedrive exports are recognised for the suggested mapping.
import Papa from 'papaparse';
import { z } from 'zod';
import { CSV_FIELDS, type CsvField, type CsvMapping } from '../../../shared/contract/interop';
import { hasBinary } from './icsParse';

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
  /** A structural problem papaparse found in the row (e.g. an unclosed quote). */
  problem?: string;
}

export interface CsvTable {
  headers: string[];
  delimiter: string;
  rows: CsvRow[];
}

export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new CsvError('The file is empty.');
  if (hasBinary(source.slice(0, 4096))) throw new CsvError('This is not a CSV file: it contains binary data. Nothing was imported.');

  const records: CsvRow[] = [];
  let pos = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };
  let delimiter = ',';
  Papa.parse<string[]>(source, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    step(result) {
      // The row starts after the previous row's end and any line breaks (and skipped blank lines) after it.
      let start = pos;
      while (start < source.length && (source.charCodeAt(start) === 10 || source.charCodeAt(start) === 13)) start++;
      advance(start);
      const rowLine = line;
      advance(Math.max(start, Math.min(result.meta.cursor, source.length)));
      delimiter = result.meta.delimiter || delimiter;
      const problem = result.errors.find((e) => e.type === 'Quotes')?.message;
      records.push({ line: rowLine, cells: result.data.map((cell) => cell ?? ''), ...(problem ? { problem } : {}) });
    },
  });
  const header = records.shift();
  if (!header) throw new CsvError('The file has no rows.');
  const headers = header.cells.map((cell) => cell.trim());
  checkHeader(headers);
  return { headers, delimiter, rows: records };
}

const LOOKS_LIKE_DATA: [RegExp, string][] = [
  [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'],
  [/^(https?:\/\/|www\.)\S+$/i, 'a web address'],
  [/^\+?[\d\s().-]{6,}$/, 'a number'],
  [/^\d{4}-\d{2}-\d{2}/, 'a date'],
];

function checkHeader(headers: string[]): void {
  if (headers.every((h) => h === '')) throw new CsvError('The first line is empty: it must name the columns. Nothing was imported.');
  for (const cell of headers) {
    for (const [pattern, what] of LOOKS_LIKE_DATA) {
      if (pattern.test(cell)) {
        throw new CsvError(
          `The file has no header: its first line holds ${what} ("${cell.slice(0, 60)}") where the column names should be. ` +
            'Add a first line naming the columns (for example Company,First Name,Last Name,Email) and try again. Nothing was imported.',
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mapping

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Known headers per field, normalised; the first matching field wins, in this order. */
const SYNONYMS: Record<CsvField, string[]> = {
  company: [
    'companyname', 'company', 'accountname', 'account', 'organizationname', 'organization', 'organisation',
    'organisationname', 'associatedcompany', 'companyaccount', 'firm', 'employer', 'firma', 'unternehmen',
  ],
  website: [
    'website', 'websiteurl', 'companywebsite', 'companydomainname', 'domain', 'organizationwebsite', 'web',
    'url', 'accountwebsite', 'companydomain', 'webseite',
  ],
  firstName: ['firstname', 'givenname', 'personfirstname', 'contactfirstname', 'forename', 'vorname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'personlastname', 'contactlastname', 'nachname', 'nom'],
  contactName: ['personname', 'fullname', 'contactname', 'name', 'contact', 'contactfullname', 'person'],
  email: [
    'email', 'emailaddress', 'email1', 'personemail', 'personemailwork', 'workemail', 'contactemail',
    'primaryemail', 'mail', 'businessemail',
  ],
  phone: [
    'phone', 'phonenumber', 'personphone', 'personphonework', 'workphone', 'businessphone', 'mobilephone',
    'mobile', 'mobilephonenumber', 'telephone', 'contactphone', 'telefon',
  ],
  role: ['jobtitle', 'title', 'personjobtitle', 'role', 'position', 'contactjobtitle', 'jobrole'],
  notes: ['notes', 'note', 'description', 'accountdescription', 'comments', 'organizationnotes', 'notizen'],
};

/**
 * The mapping to suggest for these headers: the remembered one where its headers still exist, else the known
 * CRM headers. Pipedrive's "Person - Name" is a full name; "Name" alone is one too unless a company column
 * is missing and it sits in an organisation export ("Organization - Name" is matched first).
 */
export function suggestMapping(headers: string[], remembered: Record<string, string | null> = {}): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  for (const field of CSV_FIELDS) {
    const header = remembered[field];
    if (header && headers.includes(header)) {
      mapping[field] = header;
      used.add(header);
    }
  }
  const byNormal = new Map<string, string>();
  for (const header of headers) if (!byNormal.has(normalise(header))) byNormal.set(normalise(header), header);
  for (const field of CSV_FIELDS) {
    if (mapping[field] || remembered[field] === null) continue;
    for (const synonym of SYNONYMS[field]) {
      const header = byNormal.get(synonym);
      if (header && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  // A full name and first/last names together: the separate ones are more precise.
  if (mapping.contactName && mapping.firstName && mapping.lastName) delete mapping.contactName;
  for (const field of CSV_FIELDS) if (!(field in mapping)) mapping[field] = null;
  return mapping;
}

/**
 * What identifies a kind of CSV file (one CRM's export): its set of headers, case and order aside, hashed to a
 * short key (FNV-1a) so the remembered mappings stay small.
 */
export function csvHeaderKey(headers: readonly string[]): string {
  const text = [...new Set(headers.map((header) => header.trim().toLowerCase()))].sort().join('\u001f');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `headers-${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

/** Columns no field is mapped to, with their index: their values can go to the prospect's notes. */
export function unmappedColumns(headers: readonly string[], mapping: CsvMapping): { header: string; index: number }[] {
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  return headers.flatMap((header, index) => (header && !mapped.has(header) ? [{ header, index }] : []));
}

export interface MappedRow {
  line: number;
  company: string;
  website: string;
  notes: string;
  contact: { name: string; email: string; phone: string; role: string } | null;
}

const emailSchema = z.email();

/** Column indexes of a mapping against the headers; throws CsvError when a mapped header is not in the file. */
export function mappingIndexes(headers: string[], mapping: CsvMapping): Partial<Record<CsvField, number>> {
  const indexes: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const index = headers.indexOf(header);
    if (index < 0) throw new CsvError(`The column "${header}" chosen for ${field} is not in the file.`);
    indexes[field] = index;
  }
  if (indexes.company === undefined) throw new CsvError('Choose the column holding the company name: every prospect needs one.');
  return indexes;
}

/** One row mapped to a prospect and (maybe) a contact, or the reason it cannot be imported. */
export function mapRow(
  row: CsvRow,
  headerCount: number,
  indexes: Partial<Record<CsvField, number>>,
  extraNotes: readonly { header: string; index: number }[] = [],
): MappedRow | { line: number; reason: string } {
  const fail = (reason: string) => ({ line: row.line, reason });
  if (row.problem) return fail(`The row is malformed: ${row.problem}.`);
  if (row.cells.length > headerCount && row.cells.slice(headerCount).some((c) => c.trim() !== '')) {
    return fail(`The row has ${row.cells.length} fields but the header names ${headerCount}.`);
  }
  const get = (field: CsvField) => {
    const index = indexes[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  // Every problem of the row is reported, so an invalid email is not hidden behind a missing company.
  const problems: string[] = [];
  const company = get('company');
  if (!company) problems.push('The company is missing.');
  if (company.length > 200) problems.push('The company name is longer than 200 characters.');
  const email = get('email');
  if (email && !emailSchema.safeParse(email).success) problems.push(`"${email.slice(0, 80)}" is not a valid email address.`);
  const website = get('website');
  if (website.length > 500) problems.push('The website is longer than 500 characters.');
  const name = get('contactName') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
  const phone = get('phone');
  const role = get('role');
  if (name.length > 200) problems.push('The contact name is longer than 200 characters.');
  if (role.length > 200) problems.push('The contact role is longer than 200 characters.');
  if (phone.length > 60) problems.push('The phone number is longer than 60 characters.');
  if (problems.length > 0) return fail(problems.join(' '));
  const hasContact = Boolean(name || email || phone);
  return {
    line: row.line,
    company,
    website,
    notes: [get('notes'), ...extraNotes.flatMap(({ header, index }) => {
      const value = (row.cells[index] ?? '').trim();
      return value ? [`${header}: ${value}`] : [];
    })]
      .filter(Boolean)
      .join('\n')
      .slice(0, 20_000),
    contact: hasContact ? { name: name || email.split('@')[0] || phone, email: email.toLowerCase(), phone, role } : null,
  };
}
