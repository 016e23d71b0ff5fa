// Component tests (jsdom, Testing Library) against a fake window.api: a form showing dispatch's per-field errors,
// a dialog's focus, a list kept fresh by data.changed (and only by the changes it reads), the prospect page.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema, type Prospect } from '../../src/shared/schema';
import { useQuery } from '../../src/renderer/src/api/client';
import { Dialog } from '../../src/renderer/src/components/Dialog';
import { SettingsScreen } from '../../src/renderer/src/screens/SettingsScreen';
import { ProspectPage } from '../../src/renderer/src/screens/plan/ProspectPage';
import { ApiRefusal, installFakeApi, type FakeApi } from './fakeApi';
import { renderWithApp } from './render';

const NOW = '2026-03-10T08:00:00.000Z';
const base = { createdAt: NOW, updatedAt: NOW };
const prospect = (id: string, company: string): Prospect => ({ ...base, id, company, website: '', notes: '', contacts: [], archived: false });

let api: FakeApi;
beforeEach(() => {
  api = installFakeApi();
  // jsdom has no <dialog> methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

describe('Settings form', () => {
  beforeEach(() => {
    api.answer('settings.get', () => settingsSchema.parse({ timeZone: 'Europe/Berlin' }));
    api.answer('store.backups.list', () => ({ dataDir: '/tmp/data', backups: [] }));
  });

  it('shows the refusal of a field next to that field, and sends the chosen appearance', async () => {
    api.answer('settings.update', () => {
      throw new ApiRefusal({ code: 'invalid-request', message: 'Check the holidays', fields: { 'patch.nonWorkingDates.0': '"2026-13-01" is not a date' } });
    });
    renderWithApp(<SettingsScreen />);
    const holidays = await screen.findByLabelText(/Non-working dates/);
    await userEvent.type(holidays, '2026-13-01');
    await userEvent.selectOptions(screen.getByLabelText('Appearance'), 'Dark');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('"2026-13-01" is not a date')).toBeTruthy();
    expect(holidays.getAttribute('aria-invalid')).toBe('true');
    expect(holidays.getAttribute('aria-describedby')).toBe('holidays-error');
    expect(api.callsOf('settings.update')).toEqual([expect.objectContaining({ patch: expect.objectContaining({ theme: 'dark', nonWorkingDates: ['2026-13-01'] }) })]);
  });
});

describe('Dialog', () => {
  function Opener() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          New note
        </button>
        {open && (
          <Dialog title="New note" onClose={() => setOpen(false)}>
            <label>
              Text
              <input />
            </label>
          </Dialog>
        )}
      </>
    );
  }

  it('opens on its first field and gives focus back to its opener when it closes', async () => {
    renderWithApp(<Opener />);
    const opener = screen.getByRole('button', { name: 'New note' });
    await userEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByLabelText('Text'));
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(opener);
  });
});

describe('queries follow data.changed', () => {
  function Lists() {
    const prospects = useQuery('prospects.list', {});
    const templates = useQuery('templates.list', {});
    return (
      <>
        <ul aria-label="Prospects">{prospects.data?.map((p) => <li key={p.id}>{p.company}</li>)}</ul>
        <p>{templates.data?.length ?? 0} templates</p>
      </>
    );
  }

  it('refreshes the lists that read a changed collection, and only those', async () => {
    let companies = ['Acme'];
    api.answer('prospects.list', () => companies.map((company, i) => prospect(`p${i}`, company)));
    api.answer('templates.list', () => []);
    renderWithApp(<Lists />);
    await screen.findByText('Acme');
    expect(api.callsOf('templates.list')).toHaveLength(1);

    companies = ['Acme', 'Brightwater'];
    act(() => api.emit('data.changed', { collections: ['prospects'] }));
    await screen.findByText('Brightwater');
    expect(api.callsOf('prospects.list')).toHaveLength(2);
    expect(api.callsOf('templates.list')).toHaveLength(1);

    // A change to touches refreshes neither list; the prospects change after it shows the events were handled.
    act(() => api.emit('data.changed', { collections: ['touches'] }));
    act(() => api.emit('data.changed', { collections: ['prospects'] }));
    await waitFor(() => expect(api.callsOf('prospects.list')).toHaveLength(3));
    expect(api.callsOf('templates.list')).toHaveLength(1);
  });

  it('never lets an older answer overwrite a newer one', async () => {
    // The first search answers last: what shows is still the answer to the last search typed.
    const pending: ((value: Prospect[]) => void)[] = [];
    api.answer('prospects.list', () => new Promise<Prospect[]>((resolve) => pending.push(resolve)));
    function Search() {
      const [text, setText] = useState('a');
      const result = useQuery('prospects.list', { search: text } as never);
      return (
        <>
          <input aria-label="Search" value={text} onChange={(e) => setText(e.target.value)} />
          <ul aria-label="Found">{result.data?.map((p) => <li key={p.id}>{p.company}</li>)}</ul>
        </>
      );
    }
    renderWithApp(<Search />);
    await userEvent.type(screen.getByLabelText('Search'), 'c');
    await waitFor(() => expect(pending).toHaveLength(2));
    act(() => pending[1]?.([prospect('p2', 'Acme')]));
    await screen.findByText('Acme');
    act(() => pending[0]?.([prospect('p1', 'Atlas')]));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Found' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Acme']));
  });
});

describe('Prospect page', () => {
  it('shows contacts, deals with their meetings, planned touches and notes', async () => {
    api.answer('settings.get', () => settingsSchema.parse({ timeZone: 'UTC' }));
    api.answer('prospects.get', () => ({ ...prospect('p1', 'Brightwater Logistics'), notes: 'Met at the fair.', contacts: [{ id: 'c1', name: 'Lena Vogel', role: 'COO', email: '', phone: '' }] }));
    api.answer('deals.list', () => [{ ...base, id: 'd1', prospectId: 'p1', title: 'Fleet pilot', stage: 'evaluation', value: 40000, expectedClose: null, archived: false }]);
    api.answer('meetings.list', () => [{ ...base, id: 'm1', dealId: 'd1', title: 'Discovery call', start: '2026-03-12T10:00:00.000Z', end: '2026-03-12T11:00:00.000Z' }]);
    api.answer('touches.list', () => [
      { ...base, id: 't1', prospectId: 'p1', dealId: null, title: 'Send the fair pack', status: 'planned', action: 'deliver', channel: 'email', due: { allDay: true, date: '2026-03-11' } },
      { ...base, id: 't2', prospectId: 'p1', dealId: null, title: 'Old call', status: 'done', action: 'call', channel: 'phone', due: { allDay: true, date: '2026-03-01' } },
    ]);
    renderWithApp(<ProspectPage id="p1" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Brightwater Logistics' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Contacts' })).getByText('Lena Vogel')).toBeTruthy();
    expect(await within(screen.getByRole('region', { name: 'Deals' })).findByRole('link', { name: 'Discovery call' })).toBeTruthy();
    const touches = screen.getByRole('region', { name: 'Planned touches' });
    expect(within(touches).getByText('Send the fair pack')).toBeTruthy();
    expect(within(touches).queryByText('Old call')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Notes' })).getByText('Met at the fair.')).toBeTruthy();
  });
});
