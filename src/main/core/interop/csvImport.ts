// Importing prospects and contacts from a CRM's CSV export: a preview (mapping, first rows, duplicates, errors
// by line), then the import: every good row in one transaction, bad rows reported by line. Rows of the same
// company become one prospect with several contacts. A row matching an existing prospect (by a contact's email,
// else by company name, case-insensitive) is a duplicate: updated or skipped, as the rep chooses.
//
// Bulk-imported prospects get no automatic first touch: a CRM export of a whole book would otherwise put
// thousands of touches on tomorrow's list. The rep plans them from the Deals screen.
import type { CsvDuplicate, CsvImportResult, CsvLineError, CsvMapping, CsvPreview, CsvPreviewRow, InteropProgress } from '../../../shared/contract/interop';
import { LIMITS, prospectSchema, settingsSchema, type Contact, type Prospect } from '../../../shared/schema';
import { invalid } from '../errors';
import { newRecordFields, type ServiceContext } from '../services/context';
import { csvTextOf, type CsvEncoding } from './csvEncoding';
import { InFileDuplicates } from './csvInFile';
import { csvHeaderKey, CsvError, mappingIndexes, mapRow, parseCsv, suggestMapping, unmappedColumns, type CsvTable, type MappedRow } from './csv';

const PREVIEW_ROWS = 20;
const LISTED = 500;
const CHUNK = 2_000;

type Progress = (progress: InteropProgress) => void;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Match {
  prospect: Prospect;
  by: 'email' | 'company';
  contactName?: string;
}

export function createCsvImport(ctx: ServiceContext, progress: Progress) {
  const { store } = ctx;

  const parse = (text: string): CsvTable => {
    try {
      return parseCsv(text);
    } catch (error) {
      if (error instanceof CsvError) throw invalid(error.message);
      throw error;
    }
  };

  const indexesOf = (table: CsvTable, mapping: CsvMapping) => {
    try {
      return mappingIndexes(table.headers, mapping);
    } catch (error) {
      if (error instanceof CsvError) throw invalid(error.message);
      throw error;
    }
  };

  /** Existing prospects by company name and by contact email, lower-cased. */
  const existingIndex = () => {
    const byCompany = new Map<string, Prospect>();
    const byEmail = new Map<string, { prospect: Prospect; contact: Contact }>();
    for (const prospect of store.state.prospects.values()) {
      const key = prospect.company.trim().toLowerCase();
      const known = byCompany.get(key);
      if (!known || (known.archived && !prospect.archived)) byCompany.set(key, prospect);
      for (const contact of prospect.contacts) if (contact.email) byEmail.set(contact.email.toLowerCase(), { prospect, contact });
    }
    return {
      match(row: MappedRow): Match | null {
        const byMail = row.contact?.email ? byEmail.get(row.contact.email) : undefined;
        if (byMail) return { prospect: byMail.prospect, by: 'email', contactName: byMail.contact.name };
        const prospect = byCompany.get(row.company.toLowerCase());
        return prospect ? { prospect, by: 'company' } : null;
      },
    };
  };

  return {
    preview(request: { text?: string; bytes?: string; encoding?: CsvEncoding; mapping?: CsvMapping; unmappedToNotes?: boolean }): CsvPreview {
      const file = csvTextOf(request);
      const table = parse(file.text);
      const suggestedMapping = suggestMapping(table.headers, store.state.settings.csvMappings[csvHeaderKey(table.headers)]);
      const mapping = request.mapping ?? suggestedMapping;
      const base = {
        ...(file.encoding ? { encoding: file.encoding } : {}),
        headers: table.headers,
        delimiter: table.delimiter,
        suggestedMapping,
        mapping,
        rowCount: table.rows.length,
      };
      let indexes;
      try {
        indexes = mappingIndexes(table.headers, mapping);
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        return { ...base, mappingProblem: error.message, rows: [], duplicates: [], duplicateCount: 0, errors: [], errorCount: 0, newProspects: 0 };
      }
      const existing = existingIndex();
      const rows: CsvPreviewRow[] = [];
      const duplicates: CsvDuplicate[] = [];
      const errors: CsvLineError[] = [];
      let duplicateCount = 0;
      let errorCount = 0;
      const newCompanies = new Set<string>();
      const inFile = new InFileDuplicates();
      const extraNotes = request.unmappedToNotes ? unmappedColumns(table.headers, mapping) : [];
      for (const raw of table.rows) {
        const row = mapRow(raw, table.headers.length, indexes, extraNotes);
        if ('reason' in row) {
          if (errorCount++ < LISTED) errors.push(row);
          continue;
        }
        if (rows.length < PREVIEW_ROWS) {
          rows.push({
            line: row.line,
            company: row.company,
            website: row.website,
            contactName: row.contact?.name ?? '',
            email: row.contact?.email ?? '',
            phone: row.contact?.phone ?? '',
            role: row.contact?.role ?? '',
          });
        }
        /** Lists a duplicate (of an existing record, or of an earlier line) with the row's own fields. */
        const listDuplicate = (found: Pick<CsvDuplicate, 'matchedBy' | 'existing' | 'earlierLine'>) => {
          if (duplicateCount++ >= LISTED) return;
          duplicates.push({ line: row.line, company: row.company, contactName: row.contact?.name ?? '', email: row.contact?.email ?? '', ...found });
        };
        const match = existing.match(row);
        const repeated = match ? null : inFile.check(row);
        if (repeated) {
          const first = repeated.first;
          listDuplicate({ matchedBy: repeated.by, existing: { company: first.company, ...(first.contact ? { contactName: first.contact.name } : {}) }, earlierLine: first.line });
          continue;
        }
        if (!match) {
          newCompanies.add(row.company.toLowerCase());
          continue;
        }
        listDuplicate({
          matchedBy: match.by,
          existing: { prospectId: match.prospect.id, company: match.prospect.company, ...(match.contactName ? { contactName: match.contactName } : {}) },
        });
      }
      return { ...base, rows, duplicates, duplicateCount, errors, errorCount, newProspects: newCompanies.size };
    },

    async import(request: {
      text?: string;
      bytes?: string;
      encoding?: CsvEncoding;
      mapping: CsvMapping;
      duplicates: 'update' | 'skip';
      unmappedToNotes?: boolean;
    }): Promise<CsvImportResult> {
      const table = parse(csvTextOf(request).text);
      const indexes = indexesOf(table, request.mapping);
      const extraNotes = request.unmappedToNotes ? unmappedColumns(table.headers, request.mapping) : [];
      const total = table.rows.length;
      const existing = existingIndex();
      const result: CsvImportResult = { created: 0, updated: 0, skipped: 0, errors: [], errorCount: 0, prospectsCreated: 0, prospectsUpdated: 0, contactsCreated: 0 };

      // Drafts of the prospects to write: existing ones being updated (by id), new ones by company name.
      interface Draft {
        base: Prospect | null;
        company: string;
        website: string;
        notes: string;
        contacts: Contact[];
      }
      const drafts = new Map<string, Draft>();
      const inFile = new InFileDuplicates();
      /** The draft each row of the file went into, by line: a repeated row updates its earlier row's draft. */
      const draftOfLine = new Map<number, Draft>();
      const merge = (draft: Draft, row: MappedRow) => {
        if (row.website) draft.website = row.website;
        // Line by line, so what every row of a company repeats (its owner, its city) is written once.
        const known = new Set(draft.notes.split('\n'));
        const added = row.notes.split('\n').filter((line) => line && !known.has(line));
        if (added.length > 0 && !draft.notes.includes(row.notes)) draft.notes = [draft.notes, ...added].filter(Boolean).join('\n').slice(0, 20_000);
        const incoming = row.contact;
        if (!incoming) return;
        const same = draft.contacts.findIndex((c) =>
          incoming.email ? c.email.toLowerCase() === incoming.email : !c.email && c.name.toLowerCase() === incoming.name.toLowerCase(),
        );
        if (same < 0) {
          draft.contacts.push({ id: ctx.newId(), ...incoming });
          result.contactsCreated++;
          return;
        }
        const current = draft.contacts[same] as Contact;
        draft.contacts[same] = {
          ...current,
          name: incoming.name || current.name,
          email: incoming.email || current.email,
          phone: incoming.phone || current.phone,
          role: incoming.role || current.role,
        };
      };

      for (let i = 0; i < total; i++) {
        if (i > 0 && i % CHUNK === 0) {
          progress({ task: 'csv.import', done: i, total });
          await nextTick();
        }
        const row = mapRow(table.rows[i] as CsvTable['rows'][number], table.headers.length, indexes, extraNotes);
        if ('reason' in row) {
          if (result.errorCount++ < LISTED) result.errors.push(row);
          continue;
        }
        const match = existing.match(row);
        const repeated = match ? null : inFile.check(row);
        if (repeated) {
          const earlier = draftOfLine.get(repeated.first.line);
          if (request.duplicates === 'skip' || !earlier) {
            result.skipped++;
            continue;
          }
          merge(earlier, row);
          draftOfLine.set(row.line, earlier);
          result.updated++;
          continue;
        }
        if (match) {
          if (request.duplicates === 'skip') {
            result.skipped++;
            continue;
          }
          let draft = drafts.get(match.prospect.id);
          if (!draft) {
            const p = match.prospect;
            draft = { base: p, company: p.company, website: p.website, notes: p.notes, contacts: p.contacts.map((c) => ({ ...c })) };
            drafts.set(p.id, draft);
          }
          merge(draft, row);
          draftOfLine.set(row.line, draft);
          result.updated++;
        } else {
          const key = `new:${row.company.toLowerCase()}`;
          let draft = drafts.get(key);
          if (!draft) drafts.set(key, (draft = { base: null, company: row.company, website: '', notes: '', contacts: [] }));
          merge(draft, row);
          draftOfLine.set(row.line, draft);
          result.created++;
        }
      }
      progress({ task: 'csv.import', done: total, total });

      const now = ctx.nowIso();
      const records: Prospect[] = [];
      for (const draft of drafts.values()) {
        const fields = { company: draft.company, website: draft.website, notes: draft.notes, contacts: draft.contacts };
        if (draft.base) {
          records.push(prospectSchema.parse({ ...draft.base, ...fields, updatedAt: now }));
          result.prospectsUpdated++;
        } else {
          records.push(prospectSchema.parse({ ...newRecordFields(ctx), ...fields, archived: false }));
          result.prospectsCreated++;
        }
      }
      const settings = store.state.settings;
      const remembered = Object.fromEntries(Object.entries(request.mapping).map(([field, header]) => [field, header ?? null]));
      await store.transact((tx) => {
        for (const record of records) tx.put('prospects', record);
        tx.setSettings(settingsSchema.parse({ ...settings, csvMappings: rememberMapping(settings.csvMappings, csvHeaderKey(table.headers), remembered) }));
      });
      return result;
    },
  };
}

/** The mappings with this kind of file's mapping as the newest; the oldest ones go past the limit. */
function rememberMapping(
  mappings: Readonly<Record<string, Record<string, string | null>>>,
  key: string,
  mapping: Record<string, string | null>,
): Record<string, Record<string, string | null>> {
  const entries = Object.entries(mappings).filter(([existing]) => existing !== key);
  entries.push([key, mapping]);
  return Object.fromEntries(entries.slice(-LIMITS.csvMappingsKept));
}
