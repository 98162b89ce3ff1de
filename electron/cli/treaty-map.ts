/**
 * `tsp treaties map`: the treaty map (which instrument binds which States from when).
 *   tsp treaties map [--db FILE] [--json]            the version in force today, instrument by instrument
 *   tsp treaties map validate FILE                    checks a file against tsp-treaty-map/1
 *   tsp treaties map import --db FILE MAP.json        stores it as a new version (audited; refused if invalid)
 *   tsp treaties map export [--db FILE] --out OUT.json
 */
import { problemOf, REPORT_INPUT } from '../../shared/domain/case.ts';
import { BUILT_IN_TREATY_MAP } from '../../shared/treaties/map/built-in/index.ts';
import { TREATY_MAP_FORMAT, treatyMapSchema, type TreatyMap } from '../../shared/treaties/map/schema.ts';
import { readJsonFile, responseFailure, UsageError, type CliIo } from './io.ts';
import { checkOutput, writeOutput } from './output.ts';
import type { StoreValues } from './store-commands.ts';

export interface MapValues extends StoreValues {
  json: boolean;
}

function readMapFile(io: CliIo, file: string | undefined): TreatyMap {
  if (!file) throw new UsageError('give the treaty map file');
  const parsed = treatyMapSchema.safeParse(readJsonFile(io, file, 'treaty map file'), REPORT_INPUT);
  if (!parsed.success) throw new UsageError(`${file} is not a valid ${TREATY_MAP_FORMAT} treaty map`, parsed.error.issues.map(problemOf).map((p) => `${p.field}: ${p.message}`));
  return parsed.data;
}

function summary(map: TreatyMap): string {
  const lines = [`Treaty map ${map.version}, in use from ${map.effectiveFrom}: ${map.instruments.length} instruments`];
  for (const i of map.instruments) {
    const known = i.parties.filter((p) => p.entryIntoForce !== null || p.inForceBy !== null || p.provisionalFrom !== null).length;
    lines.push(`  ${i.id.padEnd(22)} ${i.kind.padEnd(22)} ${String(i.parties.length).padStart(3)} places (${known} with a date), ${i.declarations.length} declarations  ${i.title}`);
  }
  for (const n of map.noArrangements) lines.push(`  no arrangement ${n.between.join('-')}: ${n.summary}`);
  return `${lines.join('\n')}\n`;
}

export async function runTreatyMap(io: CliIo, sub: string | undefined, file: string | undefined, values: MapValues): Promise<number> {
  if (sub === 'validate') {
    const map = readMapFile(io, file);
    io.out(`${file}: a valid ${TREATY_MAP_FORMAT}: version ${map.version}, in use from ${map.effectiveFrom}, ${map.instruments.length} instruments\n`);
    return 0;
  }
  if (sub === 'import') {
    const map = readMapFile(io, file);
    const { unwrap, withApp } = await import('./store-commands.ts');
    return withApp(values, false, (app) => {
      const saved = unwrap(app.router.dispatch('treaties.saveMap', { map, reason: `imported from ${file} (tsp treaties map import)` }), `${file} was not imported (nothing was written)`);
      io.out(`Imported treaty map ${saved.version} (in use from ${saved.effectiveFrom}${saved.inForceToday ? ', in force today' : ''}) into ${values.db}.\n`);
      return 0;
    }, 'write');
  }
  if (sub !== undefined && sub !== 'export') throw new UsageError('use: tsp treaties map [--db FILE] [--json] | validate FILE | import --db FILE MAP.json | export [--db FILE] --out OUT.json');
  const show = (map: TreatyMap): number => {
    if (sub === 'export') {
      if (!values.out) throw new UsageError('use: tsp treaties map export [--db FILE] --out OUT.json');
      writeOutput({ ...values, out: values.out }, `${JSON.stringify(map, null, 2)}\n`);
      io.out(`Exported treaty map ${map.version} to ${values.out}.\n`);
    } else io.out(values.json ? `${JSON.stringify(map, null, 2)}\n` : summary(map));
    return 0;
  };
  if (sub === 'export' && values.out) checkOutput({ ...values, out: values.out });
  if (values.db === undefined) return show(BUILT_IN_TREATY_MAP);
  const { withApp } = await import('./store-commands.ts');
  return withApp(
    values,
    true,
    (app) => {
      const response = app.router.dispatch('treaties.map', {});
      if (!response.ok) throw responseFailure(response.error, 'reading the treaty map');
      return show(response.data);
    },
    'read',
  );
}
