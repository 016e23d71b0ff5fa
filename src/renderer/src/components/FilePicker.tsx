// Choosing a file to import: the OS open dialog where the host has one (the desktop app, through main), the
// page's own file field elsewhere (the browser host). Either way the screen gets the file's name and its text,
// or its bytes in base64 for CSV (main detects their encoding).
import type { ChangeEvent } from 'react';
import type { OpenedFile, OpenPurpose } from '../../../shared/contract/desktop';
import { call, useQuery } from '../api/client';
import { useAction } from './Toasts';

/** What the host can do beyond the page; nothing until app.info answers. */
export function useHostCapabilities(): { fileDialogs: boolean; printing: boolean } {
  const info = useQuery('app.info', {});
  return info.data?.capabilities ?? { fileDialogs: false, printing: false };
}

async function readFileField(event: ChangeEvent<HTMLInputElement>, encoding: OpenedFile['encoding']): Promise<OpenedFile | null> {
  const file = event.target.files?.[0];
  // Cleared, so choosing the same file again reloads it.
  event.target.value = '';
  if (!file) return null;
  if (encoding === 'text') return { name: file.name, content: await file.text(), encoding };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, content: btoa(binary), encoding };
}

export function FilePicker({
  purpose,
  label,
  accept,
  onChosen,
}: {
  purpose: OpenPurpose;
  label: string;
  accept: string;
  onChosen: (file: OpenedFile) => void | Promise<void>;
}) {
  const { fileDialogs } = useHostCapabilities();
  const run = useAction();
  const encoding: OpenedFile['encoding'] = purpose === 'csv.import' ? 'base64' : 'text';
  if (fileDialogs) {
    return (
      <div className="io-file">
        <span>{label}</span>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void run(async () => {
              const chosen = await call('desktop.openFile', { purpose });
              if (chosen) await onChosen(chosen);
            })
          }
        >
          Choose file…
        </button>
      </div>
    );
  }
  return (
    <label className="io-file">
      <span>{label}</span>
      <input
        type="file"
        accept={accept}
        onChange={async (event) => {
          const chosen = await readFileField(event, encoding);
          if (chosen) await onChosen(chosen);
        }}
      />
    </label>
  );
}
