/**
 * English messages of the app's edges: bounds on what it accepts (shared/domain/bounds.ts), names,
 * rule-set refusals, cases whose stored values cannot be read, and failures of the store itself.
 */
export const edgesEn = {
  'validation.date.range': 'must be a date from {min} to {max}',
  'validation.text.tooLong': 'is longer than {max, plural, one {# character} other {# characters}}',
  'validation.list.tooLong': 'holds more than {max, plural, one {# entry} other {# entries}}',
  'validation.list.duplicate': 'repeats an entry given before ({value})',
  'validation.name.invisible': 'has nothing visible: only invisible or text-direction characters',
  'validation.name.marks': 'has more than {max, plural, one {# accent or other combining mark} other {# accents or other combining marks}} on one letter',
  'validation.term.tooLong': 'a fixed term is at most {max, plural, one {# year} other {# years}}, its years, months and days together: record a longer one as "life"',
  'validation.sentence.chainTooLong': 'the consecutive sentences up to this one last more than {max, plural, one {# year} other {# years}} together',
  'validation.number.tooLarge': 'must be at most {max}',
  'validation.remand.tooLong': 'must be at most {max, plural, one {# day} other {# days}} (100 years)',
  'validation.duration.tooLong': 'must be at most {max, plural, one {# year} other {# years}}, its years, months and days together',
  'validation.fraction.aboveOne': 'must not be larger than the denominator: the fraction is at most one',
  'validation.deadline.anchor':
    'names no event or step the app knows: a case event (application, request, requestReceived, judgmentReceived, statesAgreed), agreement, final-decision, transferred, status:<step> or closed:<outcome>',
  'validation.deadline.untilIsAfter': 'must not be the event the deadline runs from',
  'step.outOfRange': 'The sentences as recorded would end after the year 9999 or begin before the year 1: correct their terms, starts and the remand.',
  'validation.file.notUtf8': 'is not UTF-8 text (a byte sequence is not valid UTF-8): save it as UTF-8',
  'error.store.busy': 'The store is busy: another program (TSP Desk or a tsp command) is writing to it. Nothing was changed; try again in a moment.',
  'error.store.full': 'The disk is full: free some space and try again. Nothing was changed.',
  'error.store.readonly': 'The store cannot be written: it is on a read-only disk, or you may not change the file or its folder. Nothing was changed.',
  'error.store.corrupt': 'The store file is damaged or is not a TSP Desk store: restore it from a backup (tsp restore). Nothing was changed.',
  'error.store.cantopen': 'The store file cannot be opened: check that it and its folder exist and that you may read them.',
  'due.unreadable.title': 'Left out: cases whose stored dates cannot be computed',
  'due.unreadable.intro':
    'A date or rule-set stored for these cases is outside what TSP Desk can compute (written by an older version or by hand). Open each case and correct it; everything else is listed.',
  'reports.unreadable': '{count, plural, one {# case} other {# cases}} left out of every figure: a date stored for {count, plural, one {it} other {them}} cannot be read ({ids}).',
  'validation.payload.notBase64': 'must be the file’s content in base64',
} as const;
