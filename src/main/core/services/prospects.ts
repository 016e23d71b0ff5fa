// Prospects: the companies (or people) being sold to, with their contacts.
import { prospectSchema, type Prospect } from '../../../shared/schema';
import { notFound } from '../errors';
import { newRecordFields, type ServiceContext } from './context';
import { createFirstTouch } from './firstTouch';

type ParsedProspectInput = Omit<Prospect, 'id' | 'createdAt' | 'updatedAt' | 'archived' | 'contacts'> & {
  contacts: (Omit<Prospect['contacts'][number], 'id'> & { id?: string })[];
};

export function createProspectService(ctx: ServiceContext) {
  const { store } = ctx;
  const get = (id: string): Prospect => {
    const prospect = store.state.prospects.get(id);
    if (!prospect) throw notFound('Prospect', id);
    return prospect;
  };
  const withContactIds = (contacts: ParsedProspectInput['contacts']) =>
    contacts.map((contact) => ({ ...contact, id: contact.id ?? ctx.newId() }));

  return {
    get,
    list({ query, includeArchived }: { query: string; includeArchived: boolean }): Prospect[] {
      const needle = query.trim().toLowerCase();
      const result: Prospect[] = [];
      for (const prospect of store.state.prospects.values()) {
        if (prospect.archived && !includeArchived) continue;
        if (needle && !matches(prospect, needle)) continue;
        result.push(prospect);
      }
      return result.sort((a, b) => a.company.localeCompare(b.company));
    },
    async create(input: ParsedProspectInput): Promise<Prospect> {
      const prospect = prospectSchema.parse({ ...input, ...newRecordFields(ctx), contacts: withContactIds(input.contacts), archived: false });
      await store.transact((tx) => {
        tx.put('prospects', prospect);
        createFirstTouch(ctx, tx, { prospectId: prospect.id, dealId: null, name: prospect.company });
      });
      return prospect;
    },
    async update(id: string, patch: Partial<ParsedProspectInput>): Promise<Prospect> {
      return store.transact((tx) => {
        const current = get(id);
        const next = prospectSchema.parse({
          ...current,
          ...patch,
          contacts: patch.contacts ? withContactIds(patch.contacts) : current.contacts,
          updatedAt: ctx.nowIso(),
        });
        tx.put('prospects', next);
        return next;
      });
    },
    async setArchived(id: string, archived: boolean): Promise<Prospect> {
      return store.transact((tx) => {
        const next = { ...get(id), archived, updatedAt: ctx.nowIso() };
        tx.put('prospects', next);
        return next;
      });
    },
  };
}

function matches(prospect: Prospect, needle: string): boolean {
  if (prospect.company.toLowerCase().includes(needle) || prospect.website.toLowerCase().includes(needle)) return true;
  return prospect.contacts.some(
    (c) => c.name.toLowerCase().includes(needle) || c.email.toLowerCase().includes(needle),
  );
}
