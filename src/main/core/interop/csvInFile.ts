// Duplicates inside one CSV file: a row whose contact email (case-folded) an earlier row already has, or a
// row that adds nothing to a company an earlier row already named (no contact, or the same one). Further
// contacts of the same company are not duplicates: they become the prospect's contacts.
import type { MappedRow } from './csv';

export interface InFileMatch {
  /** The earlier row of the file this one repeats. */
  first: MappedRow;
  by: 'email' | 'company';
}

export class InFileDuplicates {
  private readonly byEmail = new Map<string, MappedRow>();
  private readonly byCompany = new Map<string, MappedRow[]>();

  /** The earlier row this one repeats, if any; otherwise the row is remembered for the next ones. */
  check(row: MappedRow): InFileMatch | null {
    const email = row.contact?.email ?? '';
    const byEmail = email ? this.byEmail.get(email) : undefined;
    if (byEmail) return { first: byEmail, by: 'email' };
    const company = row.company.toLowerCase();
    const sameCompany = this.byCompany.get(company) ?? [];
    const repeats = sameCompany.find((earlier) => !row.contact || sameContact(earlier, row));
    if (repeats) return { first: repeats, by: 'company' };
    if (email) this.byEmail.set(email, row);
    this.byCompany.set(company, [...sameCompany, row]);
    return null;
  }
}

function sameContact(a: MappedRow, b: MappedRow): boolean {
  if (!a.contact || !b.contact) return false;
  if (a.contact.email || b.contact.email) return a.contact.email === b.contact.email;
  return a.contact.name.toLowerCase() === b.contact.name.toLowerCase();
}
