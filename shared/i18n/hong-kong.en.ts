/** English messages of Hong Kong's arrangements: Cap. 513 warrants, the nationality of a place, the dual-nationality rule by side. */
export const hongKongEn = {
  'cond.dualNationality.unknown.place': 'Nationalities not recorded: cannot tell whether the person holds {nationality} nationality, the nationality of the sentencing place {state}.',
  'cond.dualNationality.met.place': 'Does not hold {nationality} nationality, the nationality of the sentencing place {state}.',
  'cond.dualNationality.bar.place': 'Holds {nationality} nationality, the nationality of the sentencing place {state}: transfer barred.',
  'cond.dualNationality.discretionary.place': 'Holds {nationality} nationality, the nationality of the sentencing place {state}: the transfer may be refused.',
  'treaties.v.sentencedIn': 'sentenced in {state}: {rule}',
  'workflow.document.outward-warrant': 'Outward warrant (Cap. 513 s. 3(1)(b))',
  'workflow.document.inward-warrant': 'Inward warrant (Cap. 513 s. 3(1)(a))',
} as const;
