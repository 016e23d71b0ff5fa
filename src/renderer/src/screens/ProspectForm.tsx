// Create or edit a prospect: company, website, notes and contacts.
import { useState, type FormEvent } from 'react';
import type { Prospect } from '../../../shared/schema';
import { call } from '../api/client';
import { FormError, useFormAction } from '../components/Toasts';

interface ContactDraft {
  id?: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}
const blankContact = (): ContactDraft => ({ name: '', role: '', email: '', phone: '' });

export function ProspectForm({ prospect, onDone }: { prospect?: Prospect; onDone: (saved: Prospect) => void }) {
  const { run, error } = useFormAction();
  const [company, setCompany] = useState(prospect?.company ?? '');
  const [website, setWebsite] = useState(prospect?.website ?? '');
  const [notes, setNotes] = useState(prospect?.notes ?? '');
  const [contacts, setContacts] = useState<ContactDraft[]>(prospect?.contacts ?? []);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const input = { company, website, notes, contacts: contacts.filter((c) => c.name.trim() || c.email.trim()) };
    await run(async () => {
      const saved = prospect
        ? await call('prospects.update', { id: prospect.id, patch: input })
        : await call('prospects.create', input);
      onDone(saved);
    });
    setSaving(false);
  };
  const setContact = (index: number, patch: Partial<ContactDraft>) =>
    setContacts((all) => all.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label>
        Company
        <input value={company} onChange={(e) => setCompany(e.target.value)} required autoFocus />
      </label>
      <label>
        Website
        <input value={website} onChange={(e) => setWebsite(e.target.value)} placeholder="https://" />
      </label>
      <label>
        Notes
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
      </label>
      <fieldset>
        <legend>Contacts</legend>
        {contacts.map((contact, index) => (
          <div className="contact-row" key={contact.id ?? index} role="group" aria-label={`Contact ${index + 1}`}>
            <input aria-label="Contact name" placeholder="Name" value={contact.name} onChange={(e) => setContact(index, { name: e.target.value })} />
            <input aria-label="Contact role" placeholder="Role" value={contact.role} onChange={(e) => setContact(index, { role: e.target.value })} />
            <input aria-label="Contact email" placeholder="Email" type="email" value={contact.email} onChange={(e) => setContact(index, { email: e.target.value })} />
            <input aria-label="Contact phone" placeholder="Phone" value={contact.phone} onChange={(e) => setContact(index, { phone: e.target.value })} />
            <button type="button" className="ghost" aria-label={`Remove contact ${index + 1}`} onClick={() => setContacts((all) => all.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setContacts((all) => [...all, blankContact()])}>
          Add contact
        </button>
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {prospect ? 'Save prospect' : 'Create prospect'}
        </button>
      </div>
    </form>
  );
}
