/**
 * "Leave without saving?": shown when the officer tries to leave a form holding unsaved
 * changes. A modal <dialog>: focus stays inside it, and Esc (the dialog's cancel) stays
 * on the form with the changes kept.
 */
import { useEffect, useRef } from 'react';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

export function LeaveDialog() {
  const text = useText();
  const pending = useDesk((s) => s.pendingRoute);
  const leaveForm = useDesk((s) => s.leaveForm);
  const stayOnForm = useDesk((s) => s.stayOnForm);
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (pending !== null && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
      stay.current?.focus();
    } else if (pending === null && element.open) {
      element.close();
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) returnFocus.current.focus();
    }
  }, [pending]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="leave-dialog-title"
      aria-describedby="leave-dialog-text"
      onCancel={(event) => {
        event.preventDefault(); // Esc: stay; the effect closes the dialog
        stayOnForm();
      }}
    >
      <h2 id="leave-dialog-title">{text.ui('ui.form.leave.title')}</h2>
      <p id="leave-dialog-text">{text.ui('ui.form.leave.text')}</p>
      <div className="dialog__actions">
        <button type="button" className="button" ref={stay} onClick={stayOnForm}>
          {text.ui('ui.form.leave.stay')}
        </button>
        <button type="button" className="button button--warning" onClick={leaveForm}>
          {text.ui('ui.form.leave.confirm')}
        </button>
      </div>
    </dialog>
  );
}
