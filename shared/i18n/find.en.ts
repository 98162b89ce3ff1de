/** English messages of finding people (issue 18): closed cases a search leaves out, a possible duplicate person, the list's date of birth. */
export const findEn = {
  'ui.cases.closedMatch': '{shown} closed {count, plural, one {case matches} other {cases match}} — show them',
  'ui.cases.col.dateOfBirth': 'Date of birth',
  'ui.cases.filter.statusAnother': 'Add another status',
  'ui.form.duplicate.title': 'This person may already have a case',
  'ui.form.duplicate.lead':
    '{count, plural, one {A case has} other {# cases have}} the same name and date of birth, or the same prison number. Open it to check before you create another; or create this case anyway.',
  'ui.form.duplicate.born': 'born {date}',
  'ui.form.duplicate.prisonNumber': 'prison number {number}',
  'ui.form.duplicate.reference': 'reference {reference}',
  'ui.form.duplicate.closed': 'closed on {date}',
  'ui.form.duplicate.details': ' ({details})',
  'ui.form.duplicate.separator': ', ',
  'ui.form.duplicate.save': 'Create the case anyway',
} as const;
