// Settings > Your data: where the data lives, the rotated backups, and restoring one.
import { useState } from 'react';
import { call, useQuery } from '../api/client';
import { Dialog } from '../components/Dialog';
import { formatDateTime, zoneOf } from '../dates';
import { FormError, useAction, useFormAction, useToast } from '../components/Toasts';

const LABELS: Record<string, string> = {
  'before-restore': 'before a restore',
  'before-migration': 'before an update of the data format',
  'before-import': 'before an import',
};

export function BackupsPanel() {
  const list = useQuery('store.backups.list', {});
  const zone = zoneOf(useQuery('settings.get', {}).data);
  const run = useAction();
  const toast = useToast();
  const [confirm, setConfirm] = useState<string | null>(null);
  const restore = useFormAction();

  const backupNow = async () => {
    if (await run(() => call('store.backups.create', {}))) {
      toast({ kind: 'info', message: 'Backup taken.' });
      list.reload();
    }
  };

  return (
    <section className="panel" aria-labelledby="data-title">
      <div className="section-header tight">
        <h2 id="data-title">Your data</h2>
        <button type="button" className="secondary" onClick={backupNow}>
          Back up now
        </button>
      </div>
      <p>
        Touchplan keeps everything on this computer, in <code>{list.data?.dataDir ?? '…'}</code>. A backup is taken at every
        start and every day; the 14 newest are kept in its <code>backups</code> folder.
      </p>
      {list.data && list.data.backups.length === 0 && <p className="muted">No backup yet.</p>}
      {list.data && list.data.backups.length > 0 && (
        <table className="table" aria-label="Backups">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Files</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  {formatDateTime(backup.takenAt, zone)}
                  {backup.label && <span className="muted"> — {LABELS[backup.label] ?? backup.label}</span>}
                </td>
                <td>{backup.files.length}</td>
                <td className="num">
                  {backup.complete ? (
                    <button type="button" className="secondary" aria-label={`Restore the backup of ${formatDateTime(backup.takenAt, zone)}`} onClick={() => setConfirm(backup.name)}>
                      Restore
                    </button>
                  ) : (
                    <span className="muted">Incomplete</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <Dialog title="Restore this backup?" onClose={() => setConfirm(null)}>
          <p>
            Everything will be replaced by the data of this backup. Your current data is backed up first, so you can
            come back to it from this list.
          </p>
          <FormError error={restore.error} />
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                if (await restore.run(() => call('store.backups.restore', { name: confirm }))) {
                  setConfirm(null);
                  toast({ kind: 'info', message: 'Backup restored. Your previous data was backed up first.' });
                }
              }}
            >
              Restore backup
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
