/** One statistics table on the reports page: its heading, its chart, and the table itself. */
import { cellText, type ReportTable } from '../../shared/reports/tables.ts';
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
          {/* Focusable, so that a keyboard can scroll a table wider than the page. */}
          <div className="report-table__frame" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className={`data-table report-table--${table.id}`}>
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
                      {cellText(table, i, cell, text.number)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.total !== undefined && (
              <tfoot>
                <tr className="report-total">
                  {table.total.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cellText(table, i, cell, text.number)}
                      </th>
                    ) : (
                      <td key={i} className={table.columns[i]?.numeric ? 'numeric' : undefined}>
                        {cell === null ? '' : cellText(table, i, cell, text.number)}
                      </td>
                    ),
                  )}
                </tr>
              </tfoot>
            )}
          </table>
          </div>
        </>
      )}
    </section>
  );
}
