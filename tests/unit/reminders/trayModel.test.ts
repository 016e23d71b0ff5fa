import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../src/main/core/reminders/trayModel';
import { todayView } from '../../../src/shared/domain/today';
import type { TrayMenuItem } from '../../../src/shared/hostModels';
import { prospect, settings, timed, allDay, touch, uid } from '../domain/fixtures';

const NOW = '2026-03-10T12:00:00.000Z';
const s = settings();
const model = (touches: ReturnType<typeof touch>[]) =>
  buildTrayModel(todayView({ touches, meetings: [], deals: [], prospects: [prospect({ id: uid(9000), company: 'Acme' })] }, NOW, s), s);
const tail: TrayMenuItem[] = [
  { kind: 'separator' },
  { kind: 'command', label: 'Open Today', command: { type: 'open.today' } },
  { kind: 'command', label: 'New meeting…', command: { type: 'meeting.new' } },
  { kind: 'command', label: 'Pause notifications for 1 hour', command: { type: 'notifications.pauseHour' } },
  { kind: 'separator' },
  { kind: 'command', label: 'Quit', command: { type: 'app.quit' } },
];
const touchMenu = (touchId: string): TrayMenuItem[] => [
  { kind: 'command', label: 'Done', command: { type: 'touch.done', touchId } },
  { kind: 'command', label: 'Snooze 1 hour', command: { type: 'touch.snoozeHour', touchId } },
  { kind: 'command', label: 'Tomorrow', command: { type: 'touch.tomorrow', touchId } },
  { kind: 'command', label: 'Open', command: { type: 'touch.open', touchId } },
];

describe('tray model', () => {
  it.each([
    {
      name: 'empty',
      touches: [],
      expected: {
        tooltip: 'Touchplan — 0 touches today (0 overdue)',
        hasOverdue: false,
        items: [{ kind: 'label', label: '0 touches today · 0 overdue' }, ...tail],
      },
    },
    {
      name: 'only overdue',
      touches: [
        touch({ id: uid(1), title: 'Send the recap', due: timed('2026-03-10T09:00:00.000Z') }),
        touch({ id: uid(2), title: 'Deliver the case study', due: allDay('2026-03-06') }),
      ],
      expected: {
        tooltip: 'Touchplan — 2 touches today (2 overdue)',
        hasOverdue: true,
        items: [
          { kind: 'label', label: '2 touches today · 2 overdue' },
          { kind: 'separator' },
          { kind: 'submenu', label: '⚠ 6 Mar Deliver the case study — Acme', items: touchMenu(uid(2)) },
          { kind: 'submenu', label: '⚠ 09:00 Send the recap — Acme', items: touchMenu(uid(1)) },
          ...tail,
        ],
      },
    },
    {
      name: 'one due later today',
      touches: [touch({ id: uid(1), title: 'Call Ana', due: timed('2026-03-10T15:30:00.000Z') })],
      expected: {
        tooltip: 'Touchplan — 1 touch today (0 overdue)',
        hasOverdue: false,
        items: [
          { kind: 'label', label: '1 touch today · 0 overdue' },
          { kind: 'separator' },
          { kind: 'submenu', label: '15:30 Call Ana — Acme', items: touchMenu(uid(1)) },
          ...tail,
        ],
      },
    },
  ])('$name', ({ touches, expected }) => {
    expect(model(touches)).toEqual(expected);
  });

  it('lists overdue first, then today, up to 10, then "N more…" opening Today', () => {
    const touches = [
      ...Array.from({ length: 4 }, (_, i) => touch({ id: uid(100 + i), title: `Late ${i}`, due: timed(`2026-03-10T0${i + 1}:00:00.000Z`) })),
      ...Array.from({ length: 9 }, (_, i) => touch({ id: uid(200 + i), title: `Later ${i}`, due: timed(`2026-03-10T1${i}:30:00.000Z`) })),
    ];
    const m = model(touches.filter((t) => t.title !== 'Later 0' && t.title !== 'Later 1'));
    expect(m.tooltip).toBe('Touchplan — 11 touches today (4 overdue)');
    const submenus = m.items.filter((i) => i.kind === 'submenu').map((i) => i.label);
    expect(submenus).toHaveLength(10);
    expect(submenus.slice(0, 5)).toEqual([
      '⚠ 01:00 Late 0 — Acme',
      '⚠ 02:00 Late 1 — Acme',
      '⚠ 03:00 Late 2 — Acme',
      '⚠ 04:00 Late 3 — Acme',
      '12:30 Later 2 — Acme',
    ]);
    const more = m.items[m.items.findIndex((i) => i.kind === 'submenu' && i.label === submenus[9]) + 1];
    expect(more).toEqual({ kind: 'command', label: '1 more…', command: { type: 'open.today' } });
  });

  it('says when notifications are paused, and carries a message the OS could not show', () => {
    const view = todayView({ touches: [], meetings: [], deals: [], prospects: [] }, NOW, s);
    const m = buildTrayModel(view, s, { pausedUntil: Date.parse('2026-03-10T13:00:00.000Z'), message: 'Touch due at 12:00: Call Ana' });
    expect(m.items[0]).toEqual({ kind: 'label', label: '🔔 Touch due at 12:00: Call Ana' });
    expect(m.items).toContainEqual({ kind: 'label', label: 'Notifications paused until 13:00' });
  });
});
