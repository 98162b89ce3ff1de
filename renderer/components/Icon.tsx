/** Line icons drawn in the current text colour; always beside a word, never instead of one. */
import type { ReactElement } from 'react';

export type IconName = 'check' | 'cross' | 'question' | 'exception' | 'dash' | 'warning' | 'back' | 'sortUp' | 'sortDown' | 'sortNone' | 'user' | 'search' | 'plus' | 'edit';

const SHAPES: Record<IconName, ReactElement> = {
  check: <path d="M3 8.5l3.2 3.1L13 4.6" />,
  cross: <path d="M4.2 4.2l7.6 7.6M11.8 4.2l-7.6 7.6" />,
  question: (
    <>
      <circle cx="8" cy="8" r="6.3" />
      <path d="M6.1 6.3a1.95 1.95 0 1 1 2.7 1.8c-.5.2-.8.6-.8 1.1v.5M8 11.4v.2" />
    </>
  ),
  exception: (
    <>
      <path d="M3 11.5a5 5 0 0 1 8.6-4.4" />
      <path d="M12.4 3.8v3.9H8.5" />
    </>
  ),
  dash: <path d="M4 8h8" />,
  warning: (
    <>
      <path d="M8 2.3l6.2 11.2H1.8z" />
      <path d="M8 6.6v3.1M8 11.5v.2" />
    </>
  ),
  back: <path d="M13 8H3.5M7.3 4L3.3 8l4 4" />,
  sortUp: <path d="M8 12.5v-9M4.5 7L8 3.5 11.5 7" />,
  sortDown: <path d="M8 3.5v9M4.5 9L8 12.5 11.5 9" />,
  sortNone: <path d="M5.5 6L8 3.5 10.5 6M5.5 10L8 12.5 10.5 10" />,
  user: (
    <>
      <circle cx="8" cy="5.5" r="2.6" />
      <path d="M2.8 13.5c.6-2.6 2.7-4 5.2-4s4.6 1.4 5.2 4" />
    </>
  ),
  plus: <path d="M8 3v10M3 8h10" />,
  edit: <path d="M10.5 2.8l2.7 2.7-7.6 7.6-3.3.6.6-3.3z" />,
  search: (
    <>
      <circle cx="7" cy="7" r="4.3" />
      <path d="M10.2 10.2l3.5 3.5" />
    </>
  ),
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {SHAPES[name]}
    </svg>
  );
}
