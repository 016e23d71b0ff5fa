// Browser host only: what Electron would hand to the OS (notifications, the tray), shown in the page.
import { useEffect, useState } from 'react';
import type { Events } from '../../../shared/api';
import type { NotificationRequest, TrayMenuItem } from '../../../shared/hostModels';
import { call, useEvent } from '../api/client';
import { navigate } from '../router';

type Shown = Events['host.notification'];
const same = (a: Shown, b: Shown) => a.key === b.key && a.shownAt === b.shownAt;

/** What clicking the OS notification would open. */
function openTarget(target: NotificationRequest['target']): void {
  if (target.kind === 'touch') navigate({ screen: 'today', touchId: target.id });
  else if (target.kind === 'meeting') navigate({ screen: 'meeting', id: target.id });
  else navigate({ screen: 'today' });
}

export function DevPanel() {
  const [open, setOpen] = useState(false);
  const [notifications, setNotifications] = useState<Events['host.notification'][]>([]);
  const [tray, setTray] = useState<Events['host.tray'] | null>(null);
  useEvent('host.notification', (n) => setNotifications((all) => [n, ...all.filter((o) => !same(o, n))].slice(0, 50)));
  useEvent('host.tray', setTray);
  // A reloaded page sees what was already shown, and the current tray.
  useEffect(() => {
    call('host.panel', {}).then(
      (panel) => {
        setNotifications((live) => [...live, ...panel.notifications.filter((n) => !live.some((o) => same(o, n)))].slice(0, 50));
        setTray((live) => live ?? panel.tray);
      },
      () => undefined,
    );
  }, []);

  return (
    <aside className={open ? 'dev-panel open' : 'dev-panel'} aria-label="Developer panel">
      <button type="button" className="dev-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Host panel {notifications.length > 0 && `(${notifications.length})`}
      </button>
      {open && (
        <div className="dev-body">
          <h3>Tray</h3>
          {tray ? (
            <div aria-label="Tray">
              <p className="tray-tooltip">{tray.tooltip}</p>
              <TrayItems items={tray.items} />
            </div>
          ) : (
            <p className="muted">No tray yet.</p>
          )}
          <h3>Notifications</h3>
          <ul aria-label="Notifications">
            {notifications.length === 0 && <li className="muted">None yet.</li>}
            {notifications.map((n) => (
              <li key={n.key + n.shownAt}>
                <strong>{n.title}</strong>
                <span className="dev-body-text">{n.body}</span>
                <button type="button" className="link-button" aria-label={`Click notification: ${n.title}`} onClick={() => openTarget(n.target)}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}

function TrayItems({ items }: { items: TrayMenuItem[] }) {
  return (
    <ul className="tray-items">
      {items.map((item, index) =>
        item.kind === 'separator' ? (
          <li key={index} role="separator" />
        ) : (
          <li key={index}>
            {item.label}
            {item.kind === 'submenu' && <TrayItems items={item.items} />}
          </li>
        ),
      )}
    </ul>
  );
}
