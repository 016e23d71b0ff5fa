// Lint of touch texts: "just checking in" is not value (guide, don't chase). Plus the human labels.
import type { Action, Channel, DealStage, TouchStatus } from '../schema';

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  recap: 'Recap and next steps',
  deliver: 'Deliver what was promised',
  'custom-demo': 'Custom demo',
  'proof-of-concept': 'Proof of concept',
  'reference-meeting': 'Reference-account meeting',
  'executive-visit': 'Executive visit',
  'peer-meeting': 'Peer-to-peer meeting',
  'joint-content': 'Joint content',
  'business-justification': 'Business justification',
  call: 'Call',
  other: 'Other',
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  email: 'Email',
  phone: 'Phone',
  video: 'Video call',
  'in-person': 'In person',
  linkedin: 'LinkedIn',
  other: 'Other',
};

export const STAGE_LABELS: Readonly<Record<DealStage, string>> = {
  discovery: 'Discovery',
  evaluation: 'Evaluation',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};

export const TOUCH_STATUS_LABELS: Readonly<Record<TouchStatus, string>> = {
  planned: 'Planned',
  done: 'Done',
  skipped: 'Skipped',
};

/** The milestone actions that move a buyer's decision forward, in the order a deal usually meets them. */
export const MILESTONE_ACTIONS: readonly Action[] = [
  'recap',
  'deliver',
  'custom-demo',
  'proof-of-concept',
  'reference-meeting',
  'executive-visit',
  'peer-meeting',
  'joint-content',
  'business-justification',
];

export interface TouchTextWarning {
  /** The chase phrase as written in the text. */
  phrase: string;
  message: string;
  suggestions: Action[];
}

// Between the words of a phrase: any run of spaces, hyphens or punctuation, or nothing ("check-in", "checkin").
const GAP = '[^\\p{L}\\p{N}]*';
const phrase = (...words: string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${words.join(GAP)}(?![\\p{L}\\p{N}])`, 'iu');

/** Chase phrases, most specific first so the reported phrase is the whole of it. */
const CHASE_PHRASES: readonly RegExp[] = [
  phrase('just', 'check(?:ing|s)?', 'in'),
  phrase('just', 'follow(?:ing)?', 'up'),
  phrase('(?:wanted|want|wanting)', 'to', `(?:follow${GAP}up|check${GAP}in|touch${GAP}base|circle${GAP}back)`),
  phrase('follow(?:ing)?', 'up', 'to', 'see'),
  phrase('check(?:ing|s)?', 'in'),
  phrase('touch(?:ing|ed)?', 'base'),
  phrase('circl(?:e|ing|ed)', 'back'),
  phrase('bump(?:ing|ed)?', `(?:this|it|my${GAP}(?:email|message|note))`),
  // "any update(s)" only as a question: "Any updates?", "any update on the contract", not "send any updates to the spec".
  new RegExp(
    `(?<![\\p{L}\\p{N}])any${GAP}updates?(?=\\s*(?:\\?|$)|${GAP}(?:on|about|regarding|from|yet|so${GAP}far)(?![\\p{L}\\p{N}]))`,
    'iu',
  ),
];

/**
 * Looks for a chase phrase ("just checking in", "touching base", "any updates?" …, any case, any
 * punctuation between the words). Returns null for a text that offers value, else the phrase found,
 * why it is a problem, and the milestone actions to plan instead.
 */
export function lintTouchText(text: string): TouchTextWarning | null {
  for (const re of CHASE_PHRASES) {
    const match = re.exec(text);
    if (!match) continue;
    const found = match[0].trim();
    return {
      phrase: found,
      message:
        `"${found}" offers the prospect no value: it asks for their attention and gives nothing back. ` +
        'Guide, don\'t chase: plan a milestone action that moves their decision forward, such as a recap and ' +
        'next steps, delivering what was promised, a custom demo or a reference-account meeting, and say what ' +
        'they get from it.',
      suggestions: [...MILESTONE_ACTIONS],
    };
  }
  return null;
}
