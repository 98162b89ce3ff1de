/** Facts as label–value rows (the GOV.UK summary list); an absent value shows as not recorded. */
import type { ReactNode } from 'react';
import { NotRecorded } from './NotRecorded.tsx';

export interface Fact {
  label: string;
  value: ReactNode | null | undefined;
}

export function Facts({ facts, className }: { facts: readonly Fact[]; className?: string }) {
  return (
    <dl className={className === undefined ? 'facts' : `facts ${className}`}>
      {facts.map((fact) => (
        <div className="facts__row" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value ?? <NotRecorded />}</dd>
        </div>
      ))}
    </dl>
  );
}
