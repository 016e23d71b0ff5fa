// Matching people to prospects by the domain of their email address or the prospect's website.
import type { Prospect } from '../../../shared/schema';

/** Mailbox providers: their domain says nothing about the company. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.co.uk',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
  'mail.com', 'yandex.ru', 'qq.com', '163.com', 'zoho.com', 'fastmail.com', 'hey.com', 't-online.de', 'orange.fr',
]);

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(domain);
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/** "https://www.Northwind.example/about" -> "northwind.example"; "" when there is no host. */
export function websiteDomain(website: string): string {
  const trimmed = website.trim().toLowerCase();
  if (!trimmed) return '';
  const host = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#:]/)[0] ?? '';
  return host.replace(/^www\./, '');
}

/** "harbor-freight-logistics.example" -> "Harbor Freight Logistics". */
export function companyFromDomain(domain: string): string {
  const label = domain.split('.')[0] ?? domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Domain -> prospect, from websites and contacts' email addresses (free-mail domains left out). */
export function prospectsByDomain(prospects: Iterable<Prospect>): Map<string, Prospect> {
  const index = new Map<string, Prospect>();
  for (const prospect of prospects) {
    const domains = [websiteDomain(prospect.website), ...prospect.contacts.map((c) => emailDomain(c.email))];
    for (const domain of domains) {
      if (!domain || isFreeMail(domain)) continue;
      const known = index.get(domain);
      // Prefer a prospect that is still worked over an archived one.
      if (!known || (known.archived && !prospect.archived)) index.set(domain, prospect);
    }
  }
  return index;
}
