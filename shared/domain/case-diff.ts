/**
 * What changed between two versions of a case file, as the field paths the form and the
 * service use (`person.familyName`, `sentences[0].start`): every leaf whose value differs, an
 * element added or removed by its index. Told to an officer whose save was refused because
 * someone changed the case meanwhile (a version conflict). Pure.
 */

function join(at: string, key: string | number): string {
  return typeof key === 'number' ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nothing recorded: absent, null, or a group of facts none of which is recorded (a consent with every fact null). Not an empty list, which says "none". */
const blank = (v: unknown): boolean => v === null || v === undefined || (isObject(v) && Object.values(v).every(blank));

/** The paths at which `after` differs from `before`, in the order of the file; [] when they are the same. */
export function changedFields(before: unknown, after: unknown, at = ''): string[] {
  if (blank(before) && blank(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length || i >= after.length) out.push(join(at, i));
      else out.push(...changedFields(before[i], after[i], join(at, i)));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedFields(before[key], after[key], join(at, key)));
  }
  // Absent and null say the same: "not recorded".
  if ((before ?? null) === (after ?? null)) return [];
  return [at === '' ? '(file)' : at];
}
