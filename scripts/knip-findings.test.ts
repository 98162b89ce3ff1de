import { describe, expect, it } from 'vitest';
import { countsByKind, knipFindings, type KnipReport } from './knip-findings.ts';

// The shape of `knip --reporter json` (knip 6): one entry per file, a list per kind of issue.
const REPORT: KnipReport = {
  issues: [
    {
      file: 'shared/api-schemas.ts',
      exports: [
        { name: 'caseListSchema', line: 192, col: 14, pos: 9000 },
        { name: 'DUE_FILTERS', namespace: 's', line: 26, col: 10, pos: 1234 },
      ],
      types: [{ name: 'DueFilter', line: 39, col: 13, pos: 2000 }],
      duplicates: [[{ name: 'a' }, { name: 'b' }]],
      enumMembers: { Colour: [{ name: 'Red', line: 3, col: 3, pos: 40 }] },
      files: [],
    },
    { file: 'package.json', devDependencies: [{ name: 'left-pad', line: 40, col: 6, pos: 1300 }], unlisted: [] },
  ],
};

describe('knip findings as allow-list lines', () => {
  it('writes one line per finding, kind, file and name, without line numbers, sorted', () => {
    expect(knipFindings(REPORT)).toStrictEqual([
      'devDependencies  package.json  left-pad',
      'duplicates  shared/api-schemas.ts  a = b',
      'enumMembers  shared/api-schemas.ts  Colour.Red',
      'exports  shared/api-schemas.ts  caseListSchema',
      'exports  shared/api-schemas.ts  s.DUE_FILTERS',
      'types  shared/api-schemas.ts  DueFilter',
    ]);
  });

  it('counts the findings by kind', () => {
    expect(countsByKind(knipFindings(REPORT))).toBe('devDependencies 1, duplicates 1, enumMembers 1, exports 2, types 1');
    expect(countsByKind([])).toBe('none');
  });
});
