// A realistic, seeded dataset of a rep's career: used by --demo (small) and by the bench (ten years:
// 3,000 prospects, 10,000 meetings, 60,000 touches). Same seed, same data.
import type { Action, Channel, Deal, DealStage, Meeting, Prospect, Touch } from '../../../shared/schema';

export interface DatasetSize {
  prospects: number;
  meetings: number;
  touches: number;
  /** How many years of history, ending at `now` (plus a few weeks of future). */
  years: number;
}
export const TEN_YEAR_CAREER: DatasetSize = { prospects: 3_000, meetings: 10_000, touches: 60_000, years: 10 };
export const DEMO_SIZE: DatasetSize = { prospects: 14, meetings: 30, touches: 120, years: 0.5 };

export interface GeneratedDataset {
  prospects: Prospect[];
  deals: Deal[];
  meetings: Meeting[];
  touches: Touch[];
}

const DAY = 86_400_000;
const FIRST = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Aperture', 'Hooli', 'Vandelay', 'Acme', 'Soylent', 'Oscorp', 'Wonka', 'Gringotts', 'Monarch', 'Pied Piper', 'Massive Dynamic', 'Blue Sun', 'Nakatomi', 'Virtucon', 'Dunder'];
const SECOND = ['Logistics', 'Health', 'Foods', 'Energy', 'Retail', 'Bank', 'Insurance', 'Labs', 'Manufacturing', 'Airlines', 'Pharma', 'Media', 'Telecom', 'Analytics', 'Robotics'];
const PEOPLE = ['Ana Souza', 'Ben Carter', 'Chloé Martin', 'Dmitri Petrov', 'Emma Jensen', 'Farid Haddad', 'Grace Liu', 'Hiro Tanaka', 'Ines García', 'Jonas Weber', 'Kara Okafor', 'Liam Byrne', 'Maya Patel', 'Noah Cohen', 'Olga Nowak', 'Priya Rao'];
const ROLES = ['VP Operations', 'Head of IT', 'CFO', 'Procurement lead', 'COO', 'Director of Sales', 'CTO', 'Plant manager'];
const STAGES: DealStage[] = ['discovery', 'evaluation', 'proposal', 'negotiation', 'won', 'lost'];
const DEAL_KINDS = ['Fleet tracking rollout', 'Analytics platform', 'Support contract', 'Pilot for EMEA', 'Renewal and upsell', 'Warehouse automation', 'Data migration'];
const STEPS: { action: Action; channel: Channel; title: string; value: string }[] = [
  { action: 'recap', channel: 'email', title: 'Recap and next steps', value: 'A written summary of their goals and the agreed next step' },
  { action: 'deliver', channel: 'email', title: 'Send the ROI model promised', value: 'Their own numbers in the ROI model they asked for' },
  { action: 'custom-demo', channel: 'video', title: 'Custom demo on their data', value: 'See their own workflow running before committing' },
  { action: 'proof-of-concept', channel: 'in-person', title: 'Kick off the proof of concept', value: 'Evidence from their environment that it works' },
  { action: 'reference-meeting', channel: 'video', title: 'Reference call with a peer customer', value: 'Hear from a peer who solved the same problem' },
  { action: 'business-justification', channel: 'email', title: 'Business case draft for the CFO', value: 'A business case they can take to their board' },
  { action: 'executive-visit', channel: 'in-person', title: 'Executive sponsor visit', value: 'A commitment from our leadership to their success' },
  { action: 'joint-content', channel: 'linkedin', title: 'Share the benchmark report', value: 'Industry benchmarks to compare their operation' },
  { action: 'peer-meeting', channel: 'phone', title: 'Connect their CTO with ours', value: 'Technical answers straight from our architects' },
];

function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEX8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** A version-4 UUID from four 32-bit draws (one hex digit per draw was 8x slower). */
function seededUuid(random: () => number): string {
  const a = HEX8(random() * 4_294_967_296);
  const b = HEX8(random() * 4_294_967_296);
  const c = HEX8(random() * 4_294_967_296);
  const d = HEX8(random() * 4_294_967_296);
  const variant = '89ab'[parseInt(c[0] as string, 16) & 3] as string;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Moves a weekend instant to the Monday after, at the same UTC time. */
function onWeekday(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return day === 6 ? ms + 2 * DAY : day === 0 ? ms + DAY : ms;
}

export function generateDataset(size: DatasetSize, nowMs: number, seed = 42): GeneratedDataset {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const iso = (ms: number) => new Date(ms).toISOString();
  const start = nowMs - size.years * 365 * DAY;
  const span = nowMs + 30 * DAY - start;

  const prospects: Prospect[] = [];
  for (let i = 0; i < size.prospects; i++) {
    const created = iso(start + (span * i) / size.prospects / 1.2);
    const company = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i >= FIRST.length * SECOND.length ? ` ${Math.floor(i / (FIRST.length * SECOND.length)) + 1}` : ''}`;
    const domain = company.toLowerCase().replace(/[^a-z0-9]+/g, '') + '.example';
    prospects.push({
      id: seededUuid(random),
      createdAt: created,
      updatedAt: created,
      company,
      website: `https://${domain}`,
      notes: '',
      contacts: Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const name = pick(PEOPLE);
        return { id: seededUuid(random), name, role: pick(ROLES), email: `${name.split(' ')[0]!.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${domain}`, phone: '' };
      }),
      archived: false,
    });
  }

  const deals: Deal[] = prospects.flatMap((prospect, i) => {
    const count = i % 3 === 0 ? 2 : 1;
    return Array.from({ length: count }, () => {
      const recent = Date.parse(prospect.createdAt) > nowMs - 120 * DAY;
      return {
        id: seededUuid(random),
        createdAt: prospect.createdAt,
        updatedAt: prospect.createdAt,
        prospectId: prospect.id,
        title: pick(DEAL_KINDS),
        value: Math.round(5 + random() * 195) * 1_000,
        stage: recent ? pick(STAGES.slice(0, 4)) : pick(STAGES),
        expectedClose: null,
        archived: false,
      };
    });
  });

  const meetings: Meeting[] = [];
  for (let i = 0; i < size.meetings; i++) {
    const deal = deals[Math.floor((i / size.meetings) * deals.length)] as Deal;
    const dayMs = onWeekday(start + (span * (i + random())) / size.meetings);
    const startMs = Math.floor(dayMs / DAY) * DAY + (9 + Math.floor(random() * 7)) * 3_600_000;
    const planned = random() > 0.25;
    const past = startMs < nowMs;
    meetings.push({
      id: seededUuid(random),
      createdAt: iso(startMs - 7 * DAY),
      updatedAt: iso(startMs - 7 * DAY),
      dealId: deal.id,
      title: pick(['Discovery call', 'Demo review', 'Proposal walkthrough', 'Negotiation', 'Technical deep-dive']),
      start: iso(startMs),
      end: iso(startMs + 3_600_000),
      location: pick(['Video call', 'Their office', 'Our office', 'Phone']),
      attendeeIds: [],
      callPlan: {
        needs: planned ? 'Reduce manual work in dispatch; visibility for the COO.' : '',
        idealOutcome: planned ? 'Agree to a proof of concept with a start date' : '',
        fallbackOutcome: planned ? 'A meeting with the economic buyer' : '',
        callToAction: planned ? 'Will you sponsor a two-week proof of concept starting on the 1st?' : '',
        discoveryQuestions: planned ? ['What does a delay cost you today?', 'Who else signs off?'] : [],
        storyline: '',
        objections: planned ? ['Budget is frozen until Q3'] : [],
        carriedCommitments: [],
      },
      debrief:
        past && random() > 0.3
          ? { outcome: pick(['ideal', 'fallback', 'none'] as const), ourCommitments: [], theirCommitments: [], notes: '', recordedAt: iso(startMs + 2 * 3_600_000) }
          : null,
      allDay: null,
      cancelledAt: null,
      externalUid: null,
    });
  }

  const dealsById = new Map(deals.map((deal) => [deal.id, deal]));
  const touches: Touch[] = [];
  for (let i = 0; i < size.touches; i++) {
    const meeting = meetings[Math.floor((i / size.touches) * meetings.length)] as Meeting;
    const deal = dealsById.get(meeting.dealId as string) as Deal;
    const step = STEPS[i % STEPS.length] as (typeof STEPS)[number];
    const dueMs = onWeekday(Date.parse(meeting.start) + (i % 6) * 3 * DAY);
    const allDay = random() < 0.5;
    // A rep of ten years has finished the old touches: only the last two weeks hold a few overdue ones.
    const past = dueMs < nowMs - DAY;
    const recent = dueMs > nowMs - 14 * DAY;
    const finished = past && (!recent || random() < 0.8);
    const status = finished ? (random() < 0.9 ? 'done' : 'skipped') : 'planned';
    touches.push({
      id: seededUuid(random),
      createdAt: meeting.createdAt,
      updatedAt: meeting.createdAt,
      prospectId: deal.prospectId,
      dealId: deal.id,
      meetingId: meeting.id,
      due: allDay ? { allDay: true, date: iso(dueMs).slice(0, 10) } : { allDay: false, at: iso(Math.floor(dueMs / DAY) * DAY + 10 * 3_600_000) },
      channel: step.channel,
      action: step.action,
      title: step.title,
      value: step.value,
      status,
      locked: random() < 0.05,
      completedAt: status === 'done' ? iso(dueMs) : null,
      outcomeNote: '',
      skipReason: status === 'skipped' ? 'Prospect out of office' : '',
    });
  }
  closeQuietDeals(deals, meetings, nowMs, random);
  planNextTouches(deals, touches, nowMs, random);
  return { prospects, deals, meetings, touches };
}

/**
 * A deal whose last meeting is long past was won or lost by now; a few stay open and drift, as in real
 * pipelines. Deals with recent or upcoming meetings stay in an active stage.
 */
function closeQuietDeals(deals: Deal[], meetings: Meeting[], nowMs: number, random: () => number): void {
  const lastMeeting = new Map<string, number>();
  for (const meeting of meetings) {
    const start = Date.parse(meeting.start);
    if (meeting.dealId && start > (lastMeeting.get(meeting.dealId) ?? 0)) lastMeeting.set(meeting.dealId, start);
  }
  for (const deal of deals) {
    const last = lastMeeting.get(deal.id) ?? 0;
    if (last > nowMs - 45 * DAY) {
      if (!ACTIVE.includes(deal.stage)) deal.stage = ACTIVE[Math.floor(random() * ACTIVE.length)] as DealStage;
    } else if (random() > 0.03) {
      deal.stage = random() < 0.45 ? 'won' : 'lost';
    }
  }
}
const ACTIVE: DealStage[] = ['discovery', 'evaluation', 'proposal', 'negotiation'];

/** Most open deals have their next milestone planned (the latest touch moves ahead); a few drift. */
function planNextTouches(deals: Deal[], touches: Touch[], nowMs: number, random: () => number): void {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const latest = new Map<string, Touch>();
  const hasNext = new Set<string>();
  for (const touch of touches) {
    if (!touch.dealId) continue;
    const due = touch.due.allDay ? touch.due.date : touch.due.at;
    if (touch.status === 'planned' && due >= today) hasNext.add(touch.dealId);
    const current = latest.get(touch.dealId);
    if (!current || due > (current.due.allDay ? current.due.date : current.due.at)) latest.set(touch.dealId, touch);
  }
  for (const deal of deals) {
    const touch = latest.get(deal.id);
    if (!ACTIVE.includes(deal.stage) || hasNext.has(deal.id) || !touch || random() < 0.15) continue;
    const dueMs = onWeekday(nowMs + (1 + Math.floor(random() * 8)) * DAY);
    touch.due = touch.due.allDay ? { allDay: true, date: new Date(dueMs).toISOString().slice(0, 10) } : { allDay: false, at: new Date(Math.floor(dueMs / DAY) * DAY + 14 * 3_600_000).toISOString() };
    touch.status = 'planned';
    touch.completedAt = null;
    touch.skipReason = '';
  }
}
