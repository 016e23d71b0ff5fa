// Sequence templates: the three built-ins (read-only; duplicate them to change them) and the rep's own.
import { templateSchema, type Template } from '../../../shared/schema';
import type { TemplateStepInput } from '../../../shared/contract/templates';
import { conflict } from '../errors';
import { newRecordFields, type ServiceContext } from './context';
import { clip, getTemplate, withStepIds } from './planCommon';

export interface ParsedTemplateInput {
  name: string;
  description: string;
  steps: TemplateStepInput[];
}

const refuseBuiltIn = (template: Template, verb: string) => {
  if (template.builtIn) {
    throw conflict(`"${template.name}" is a built-in template and cannot be ${verb}. Duplicate it to make your own version.`);
  }
};

export function createTemplateService(ctx: ServiceContext) {
  const { store } = ctx;
  const get = (id: string) => getTemplate(ctx, id);
  return {
    get,
    /** Built-ins first (in their fixed order), then the rep's own by name. */
    list(): Template[] {
      const all = [...store.state.templates.values()];
      const builtIns = all.filter((t) => t.builtIn).sort((a, b) => a.id.localeCompare(b.id));
      const own = all.filter((t) => !t.builtIn).sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
      return [...builtIns, ...own];
    },
    async create(input: ParsedTemplateInput): Promise<Template> {
      const template = templateSchema.parse({
        ...newRecordFields(ctx),
        name: input.name,
        description: input.description,
        builtIn: false,
        steps: withStepIds(ctx, input.steps),
      });
      await store.transact((tx) => tx.put('templates', template));
      return template;
    },
    async update(id: string, patch: Partial<ParsedTemplateInput>): Promise<Template> {
      return store.transact((tx) => {
        const current = get(id);
        refuseBuiltIn(current, 'edited');
        const next = templateSchema.parse({
          ...current,
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.steps !== undefined && { steps: withStepIds(ctx, patch.steps) }),
          updatedAt: ctx.nowIso(),
        });
        tx.put('templates', next);
        return next;
      });
    },
    async duplicate(id: string): Promise<Template> {
      return store.transact((tx) => {
        const source = get(id);
        const copy = templateSchema.parse({
          ...newRecordFields(ctx),
          name: clip(`${source.name} (copy)`, 200),
          description: source.description,
          builtIn: false,
          steps: source.steps.map((step) => ({ ...step, id: ctx.newId() })),
        });
        tx.put('templates', copy);
        return copy;
      });
    },
    async remove(id: string): Promise<null> {
      await store.transact((tx) => {
        refuseBuiltIn(get(id), 'deleted');
        tx.remove('templates', id);
      });
      return null;
    },
  };
}
