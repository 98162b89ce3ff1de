/** English messages of the law's corrections: conditions tested at the transfer, custody status, domicile, State consent. */
export const lawEn = {
  'cond.minServed.atTransfer':
    'Tested at the time of transfer: {served} days served on {reference}, {required} required ({fraction} of {termDays} days); the transfer can happen from {earliest}.',
  'cond.minServed.lifeAtTransfer': 'Tested at the time of transfer: the minimum of {required} is served on {earliest}; the transfer can happen from then.',
  'cond.minServed.notMetAtTransfer':
    'On the planned transfer date {reference}, {served} days served, {required} required ({fraction} of {termDays} days): plan the transfer on or after {earliest}.',
} as const;
