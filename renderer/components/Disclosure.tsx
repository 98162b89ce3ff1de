/** A button that shows and hides a panel below it; Esc inside closes it and gives focus back. */
import { useId, useRef, useState, type ReactNode } from 'react';

export function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="disclosure"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault(); // handled: the screen must not also close
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button type="button" className="disclosure__toggle" aria-expanded={open} aria-controls={panelId} ref={button} onClick={() => setOpen(!open)}>
        <span className="disclosure__chevron" aria-hidden="true" />
        {label}
      </button>
      <div className="disclosure__panel" id={panelId} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
