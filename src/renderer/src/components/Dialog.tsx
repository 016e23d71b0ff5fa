// A modal dialog on the native <dialog> element: focus trapping and Escape come with it. It opens on its first
// field (showModal alone would focus the × button), gives focus back to where it was when it closes, and keeps
// the keys typed in it to itself, so a screen's shortcuts never act on what the rep is typing.
import { useEffect, useRef, type ReactNode } from 'react';

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>(`.dialog-body ${FIELDS.split(', ').join(', .dialog-body ')}`)?.focus();
    return () => {
      dialog?.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
