// Which stored collections each channel's answer is made from, so main's 'data.changed' event (which names the
// collections a change touched) refreshes only the queries it can affect. A channel not listed here is
// refreshed by every change: a missing entry costs a request, never a stale screen.
import type { Channel, Events } from '../../../shared/api';

type Collection = Events['data.changed']['collections'][number];

const READS: Partial<Record<Channel, readonly Collection[]>> = {
  'settings.get': ['settings'],
  'prospects.get': ['prospects'],
  'prospects.list': ['prospects'],
  'templates.list': ['templates'],
  'deals.list': ['deals'],
  'touches.list': ['touches'],
  // Readiness counts the planned touches of each meeting.
  'meetings.list': ['meetings', 'touches'],
  'meetings.get': ['meetings', 'touches', 'deals', 'prospects', 'settings'],
  'deals.overview': ['deals', 'prospects', 'meetings', 'touches', 'settings'],
  'deals.timeline': ['deals', 'prospects', 'meetings', 'touches', 'settings'],
  'today.view': ['touches', 'meetings', 'deals', 'prospects', 'settings'],
  'sequences.preview': ['templates', 'meetings', 'touches', 'settings'],
};

/** Whether a change to these collections can change the answer of this channel. */
export function isAffectedBy(channel: Channel, changed: readonly Collection[]): boolean {
  const reads = READS[channel];
  return !reads || reads.some((collection) => changed.includes(collection));
}
