// The three built-in sequence templates, as data with fixed ids (so they are found again on every start).
import { type Template, templateSchema } from '../schema';

const BUILT_IN_AT = '2026-01-01T00:00:00.000Z';

export const BUILT_IN_TEMPLATE_IDS = {
  immediateFollowUp: '3f6a1c2e-8b4d-4e71-9a5c-0d2e7b1f4a01',
  guidedDecision: '3f6a1c2e-8b4d-4e71-9a5c-0d2e7b1f4a02',
  longCycleNurture: '3f6a1c2e-8b4d-4e71-9a5c-0d2e7b1f4a03',
} as const;

const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: BUILT_IN_TEMPLATE_IDS.immediateFollowUp,
    createdAt: BUILT_IN_AT,
    updatedAt: BUILT_IN_AT,
    name: 'Immediate follow-up',
    description:
      'Recap the same business day, deliver what you promised two days later, then bring a first business case.',
    builtIn: true,
    steps: [
      {
        id: '6c0e2b7a-1d3f-4a85-8e6b-2f4a9c1d7e11',
        offsetDays: 0,
        time: null,
        channel: 'email',
        action: 'recap',
        title: 'Send the recap and agreed next steps',
        value: 'A written summary of their needs, what was decided and who does what by when',
      },
      {
        id: '6c0e2b7a-1d3f-4a85-8e6b-2f4a9c1d7e12',
        offsetDays: 2,
        time: '10:00',
        channel: 'email',
        action: 'deliver',
        title: 'Deliver what was promised in the meeting',
        value: 'The documents, answers and pricing they asked for, so they can move their evaluation on',
      },
      {
        id: '6c0e2b7a-1d3f-4a85-8e6b-2f4a9c1d7e13',
        offsetDays: 5,
        time: '11:00',
        channel: 'video',
        action: 'business-justification',
        title: 'Walk through a first estimate of the business case',
        value: 'A first estimate of the gains they can expect, in their own numbers, to share internally',
      },
    ],
  },
  {
    id: BUILT_IN_TEMPLATE_IDS.guidedDecision,
    createdAt: BUILT_IN_AT,
    updatedAt: BUILT_IN_AT,
    name: 'Guided decision',
    description:
      'Six milestones on a steady cadence that guide the buyer from the first meeting to an executive decision.',
    builtIn: true,
    steps: [
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f21',
        offsetDays: 0,
        time: null,
        channel: 'email',
        action: 'recap',
        title: 'Send the recap and the decision plan',
        value: 'A summary of their goals and a proposed path to a decision, with dates they can adjust',
      },
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f22',
        offsetDays: 3,
        time: '10:00',
        channel: 'video',
        action: 'custom-demo',
        title: 'Custom demo on their own use case',
        value: 'Seeing their own workflow and data in the product, not a generic tour',
      },
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f23',
        offsetDays: 8,
        time: '14:00',
        channel: 'video',
        action: 'proof-of-concept',
        title: 'Kick off the proof of concept',
        value: 'Evidence from their own environment that the solution meets their success criteria',
      },
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f24',
        offsetDays: 13,
        time: '11:00',
        channel: 'video',
        action: 'reference-meeting',
        title: 'Meet a reference customer',
        value: 'First-hand answers from a customer like them who has been through the same project',
      },
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f25',
        offsetDays: 18,
        time: '10:00',
        channel: 'video',
        action: 'business-justification',
        title: 'Build the business justification together',
        value: 'A business case in their numbers that their finance team and sponsor can approve',
      },
      {
        id: '7d1f3c8b-2e40-4b96-9f7c-3a5b0d2e8f26',
        offsetDays: 23,
        time: '10:00',
        channel: 'in-person',
        action: 'executive-visit',
        title: 'Executive visit with their sponsor',
        value: 'A commitment from our leadership to their success, and a direct line for their executive',
      },
    ],
  },
  {
    id: BUILT_IN_TEMPLATE_IDS.longCycleNurture,
    createdAt: BUILT_IN_AT,
    updatedAt: BUILT_IN_AT,
    name: 'Long-cycle nurture',
    description:
      'For buyers deciding over months: recap at once, then a milestone every month or so that keeps adding value.',
    builtIn: true,
    steps: [
      {
        id: '8e2a4d9c-3f51-4ca7-a08d-4b6c1e3f9a31',
        offsetDays: 0,
        time: null,
        channel: 'email',
        action: 'recap',
        title: 'Send the recap and agreed next steps',
        value: 'A written summary of their situation and of what will happen over the coming months',
      },
      {
        id: '8e2a4d9c-3f51-4ca7-a08d-4b6c1e3f9a32',
        offsetDays: 10,
        time: '10:00',
        channel: 'email',
        action: 'joint-content',
        title: 'Share content prepared for their situation',
        value: 'An analysis or guide on the problem they described, written with their context in mind',
      },
      {
        id: '8e2a4d9c-3f51-4ca7-a08d-4b6c1e3f9a33',
        offsetDays: 30,
        time: '11:00',
        channel: 'video',
        action: 'peer-meeting',
        title: 'Connect them with a peer',
        value: 'A conversation with a peer in their role about how they solved the same problem',
      },
      {
        id: '8e2a4d9c-3f51-4ca7-a08d-4b6c1e3f9a34',
        offsetDays: 55,
        time: '14:00',
        channel: 'video',
        action: 'reference-meeting',
        title: 'Meet a reference customer',
        value: 'Proof from a customer of their size and industry of the results they can expect',
      },
      {
        id: '8e2a4d9c-3f51-4ca7-a08d-4b6c1e3f9a35',
        offsetDays: 85,
        time: '10:00',
        channel: 'in-person',
        action: 'executive-visit',
        title: 'Executive visit before their planning cycle',
        value: 'Time with our leadership to shape next year\'s plan and secure a sponsor on both sides',
      },
    ],
  },
];

/** The built-in templates, validated, as fresh copies the caller may change. */
export function builtInTemplates(): Template[] {
  return BUILT_IN_TEMPLATES.map((t) => templateSchema.parse(t));
}
