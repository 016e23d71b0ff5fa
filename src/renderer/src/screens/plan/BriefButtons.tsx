// The meeting brief's buttons: in the desktop app, Print brief (the OS print dialog) and Save as PDF (a save
// dialog), both done by main; in the browser host, the brief opens in a tab to print, or downloads as HTML.
import { call } from '../../api/client';
import { downloadUrl } from '../../download';
import { useHostCapabilities } from '../../components/FilePicker';
import { useAction, useToast } from '../../components/Toasts';

async function openBrief(meetingId: string, mode: 'open' | 'download'): Promise<void> {
  const { html, fileName } = await call('meetings.brief', { id: meetingId });
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  if (mode === 'open') {
    const opened = window.open(url, '_blank');
    if (!opened) mode = 'download';
  }
  if (mode === 'download') downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BriefButtons({ meetingId }: { meetingId: string }) {
  const { printing } = useHostCapabilities();
  const run = useAction();
  const toast = useToast();
  if (printing) {
    return (
      <>
        <button type="button" className="secondary" onClick={() => void run(() => call('desktop.printBrief', { meetingId }))}>
          Print brief
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void run(async () => {
              const saved = await call('desktop.saveBriefPdf', { meetingId });
              if (saved) toast({ kind: 'info', message: `Brief saved as ${saved.fileName}.` });
            })
          }
        >
          Save brief as PDF
        </button>
      </>
    );
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void run(() => openBrief(meetingId, 'open'))}>
        Print brief
      </button>
      <button type="button" className="secondary" onClick={() => void run(() => openBrief(meetingId, 'download'))}>
        Download brief
      </button>
    </>
  );
}
