// Turns the validated contents of the data files into the in-memory state and its shard index.
import type { CollectionName, CollectionRecord, Settings, Template } from '../../../shared/schema';
import { MAIN_SHARD } from './shards';
import { emptyState, ShardIndex, type ShardContent, type StoreState } from './state';

export interface Assembled {
  state: StoreState;
  index: ShardIndex;
  /** Shards whose file must be rewritten: a record moved, a duplicate dropped, or the main file was created. */
  rewrite: Set<string>;
}

export function assembleState(
  contents: Map<string, ShardContent>,
  initial: () => { settings: Settings; templates: Template[] },
): Assembled {
  const fresh = contents.has(MAIN_SHARD) ? null : initial();
  const state = emptyState(fresh?.settings as Settings);
  const index = new ShardIndex();
  const rewrite = new Set<string>();
  for (const [shard, content] of contents) {
    if (content.kind === 'main') {
      state.settings = content.file.settings;
      for (const template of content.file.templates) state.templates.set(template.id, template);
      for (const key of content.file.notifiedKeys) state.notifiedKeys.add(key);
      state.calendarSync = content.file.calendarSync;
      continue;
    }
    // The same record in two files (one restored from an older backup): the newest version wins.
    const map = state[content.collection] as Map<string, CollectionRecord[CollectionName]>;
    for (const touched of index.loadShard(shard, content.collection, content.records, map)) rewrite.add(touched);
  }
  if (fresh) {
    for (const template of fresh.templates) state.templates.set(template.id, template);
    rewrite.add(MAIN_SHARD);
  }
  return { state, index, rewrite };
}
