// Browser host only: what Electron would hand to the OS (notifications, the tray), shown in the page.
import { useState } from 'react';
import type { Events } from '../../../shared/api';
import type { TrayMenuItem } from '../../../shared/hostModels';
import { useEvent } from '../api/client';

export function DevPanel() {
  const [open, setOpen] = useState(false);
  const [notifications, setNotifications] = useState<Events['host.notification'][]>([]);
  const [tray, setTray] = useState<Events['host.tray'] | null>(null);
  useEvent('host.notification', (n) => setNotifications((all) => [n, ...all].slice(0, 50)));
  useEvent('host.tray', setTray);

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
                <span>{n.body}</span>
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
