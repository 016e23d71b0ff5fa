// Banners for what the user must know: a data file that was recovered, a save that failed.
import { useEffect, useState } from 'react';
import type { StoreNotice } from '../../../shared/api';
import { call, useEvent } from '../api/client';

export function Notices() {
  const [notices, setNotices] = useState<StoreNotice[]>([]);
  useEffect(() => {
    call('app.info', {}).then((info) => setNotices(info.notices), () => undefined);
  }, []);
  useEvent('notice', (notice) => setNotices((all) => [...all.filter((n) => n.id !== notice.id), notice]));
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role="alert">
          <p>{notice.message}</p>
          <button
            type="button"
            aria-label="Dismiss notice"
            onClick={() => {
              setNotices((all) => all.filter((n) => n.id !== notice.id));
              void call('app.dismissNotice', { id: notice.id }).catch(() => undefined);
            }}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
