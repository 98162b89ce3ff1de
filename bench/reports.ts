/**
 * Report benchmarks on the imported store (every case assessed):
 *
 * - the statistics XLSX over every case, as `tsp report statistics` writes it: load
 *   (three scans), compute, write the workbook; against the 10 s goal;
 * - one dossier PDF (case, latest assessment, timeline; layout; embedded subset fonts),
 *   the median of 20 cases after a first one that loads the fonts; against the 1 s goal.
 *
 * Before timing, a transfer history is written by SQL (not timed), so every table has rows:
 * each case gets status events from its application on; a third is handed over, one in
 * seven refused, one in eleven withdrawn. Run after the UI benchmark, which lists open cases.
 */
import type Database from 'better-sqlite3';
import { openApp } from '../electron/app.ts';
import { dossierPdfFile } from '../electron/services/dossier.ts';
import { exportStatistics } from '../electron/services/reports.ts';
import { formatIsoDate, parseIsoDate } from '../shared/sentence/calendar.ts';
import { median, progress, timed, timedAsync, timeRow, type Row } from './measure.ts';

function writeHistory(db: Database.Database, userId: string): void {
  const cases = db.prepare('SELECT id, coalesce(event_application, substr(created_at, 1, 10)) AS start FROM cases ORDER BY id').all() as { id: string; start: string }[];
  const event = db.prepare('INSERT INTO case_events (case_id, kind, date, note, user_id, created_at) VALUES (?, ?, ?, NULL, ?, ?)');
  const close = db.prepare("UPDATE cases SET status = ?, closed_at = ?, close_outcome = ?, close_reason = 'bench history' WHERE id = ?");
  db.transaction(() => {
    cases.forEach(({ id, start }, i) => {
      const day = parseIsoDate(start);
      const at = (offset: number) => formatIsoDate(day + offset);
      event.run(id, 'status:screening', at(10), userId, `${at(10)}T09:00:00.000Z`);
      event.run(id, 'status:dossier', at(40 + (i % 90)), userId, `${at(40)}T09:00:00.000Z`);
      const closing = i % 3 === 0 ? ['transferred', 'transferred'] : i % 7 === 1 ? ['refused', 'refused_by_administering_state'] : i % 11 === 2 ? ['withdrawn', 'consent_withdrawn'] : null;
      if (closing !== null) {
        const on = at(200 + (i % 400));
        event.run(id, `closed:${closing[1]}`, on, userId, `${on}T09:00:00.000Z`);
        close.run(closing[0], `${on}T09:00:00.000Z`, closing[1], id);
      }
    });
  })();
}

export async function reportsBenchmarks(file: string, n: number): Promise<Row[]> {
  const app = openApp({ file, osUser: 'bench' });
  try {
    progress(`reports: writing a transfer history for ${n} cases (not timed)`);
    writeHistory(app.db, app.context.user.id);
    progress('reports: statistics XLSX over every case');
    let bytes = 0;
    const input = { query: { from: '1990-01-01', to: '2030-12-31' }, format: 'xlsx', locale: 'en' };
    const xlsxMs = await timedAsync(async () => {
      bytes = (await exportStatistics(app.context, input)).bytes.length;
    });

    progress('reports: dossier PDFs');
    const ids = (app.db.prepare('SELECT id FROM cases WHERE latest_assessment_id IS NOT NULL ORDER BY id LIMIT 21').all() as { id: string }[]).map((r) => r.id);
    const first = timed(() => void dossierPdfFile(app.context, { caseId: ids[0] ?? '', locale: 'zh-Hant', document: 'annex' }));
    const times = ids.slice(1).map((caseId, i) => timed(() => void dossierPdfFile(app.context, { caseId, locale: i % 2 === 0 ? 'en' : 'zh-Hant', document: 'annex' })));
    return [
      timeRow(
        `reports: statistics XLSX over ${n.toLocaleString('en-GB')} cases`,
        xlsxMs / 1000, 10, 1, '<= 10 s',
        `ours: exportStatistics as the CLI runs it: three scans (cases with their latest verdict, status and closing events, not-met conditions from each latest assessment's JSON), the figures of every table, then the workbook (${Math.round(bytes / 1024)} kB). The reference is the goal.`,
        's',
      ),
      timeRow(
        'reports: one dossier PDF',
        median(times) / 1000, 1, 1, '<= 1 s',
        `ours: the median of ${times.length} cases, English and Chinese alternately (read the case, its latest assessment and timeline; lay out; embed subset fonts). The first, which also reads and unpacks the fonts, took ${Math.round(first)} ms. The reference is the goal.`,
        's',
      ),
    ];
  } finally {
    app.close();
  }
}
