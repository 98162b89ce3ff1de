import { describe, expect, it } from 'vitest';
import { compareWithAllowList, parseAllowList, withoutGone } from './allow-list.ts';

const LIST = '# known when the check came in\n\na.ts -> b.ts\n  c.ts -> d.ts  \n# never add a line\n';

describe('an allow-list that only shrinks', () => {
  it('reads one finding a line, leaving out comments, blank lines and surrounding spaces', () => {
    expect(parseAllowList(LIST)).toStrictEqual(['a.ts -> b.ts', 'c.ts -> d.ts']);
  });

  it('passes when every finding is listed, even when some listed ones have gone', () => {
    expect(compareWithAllowList(['a.ts -> b.ts'], parseAllowList(LIST))).toStrictEqual({ added: [], gone: ['c.ts -> d.ts'] });
  });

  it('names each finding that is not listed', () => {
    expect(compareWithAllowList(['e.ts -> f.ts', 'a.ts -> b.ts', 'c.ts -> d.ts'], parseAllowList(LIST))).toStrictEqual({ added: ['e.ts -> f.ts'], gone: [] });
  });

  it('strikes off what has gone and keeps every comment, never adding a line', () => {
    expect(withoutGone(LIST, ['c.ts -> d.ts'])).toBe('# known when the check came in\n\na.ts -> b.ts\n# never add a line\n');
  });
});
