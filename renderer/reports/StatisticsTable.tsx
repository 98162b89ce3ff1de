/** One statistics table on the reports page: its heading, its chart, and the table itself. */
import type { ReportTable } from '../../shared/reports/tables.ts';
import { useText } from '../text/use-text.ts';
import { BarChart } from './BarChart.tsx';

export function StatisticsTable({ table }: { table: ReportTable }) {
  const text = useText();
  const headingId = `report-${table.id}`;
  return (
    <section className="report-table" aria-labelledby={headingId}>
      <h2 id={headingId}>{table.title}</h2>
      {table.rows.length === 0 ? (
        <p className="muted">{text.ui('reports.pdf.empty')}</p>
      ) : (
        <>
          <BarChart table={table} />
          <table className="data-table">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? 'numeric' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={table.columns[i]?.numeric ? 'numeric' : undefined}>
                      {cell === null ? '—' : typeof cell === 'number' ? text.number(cell) : cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
