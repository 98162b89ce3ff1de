/**
 * A horizontal bar chart in SVG for one statistics table. The chart is a picture of the
 * table printed beside it (which carries the figures for screen readers), so it is one image
 * with a label; each bar has its value written at its end, never colour alone.
 */
import { chartLabel, type ReportTable } from '../../shared/reports/tables.ts';
import { useText } from '../text/use-text.ts';

const ROW = 22;
const LABEL_WIDTH = 300;
const BAR_SPACE = 420;

export function BarChart({ table }: { table: ReportTable }) {
  const text = useText();
  const chart = table.chart;
  if (!chart || table.rows.length === 0) return null;
  const bars = table.rows.map((row) => ({ label: chartLabel(table, row), value: Number(row[chart.valueColumn] ?? 0) }));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={text.ui('reports.ui.chart', { title: table.title })}
      viewBox={`0 0 ${LABEL_WIDTH + BAR_SPACE + 70} ${height}`}
      width="100%"
      style={{ maxWidth: `${LABEL_WIDTH + BAR_SPACE + 70}px` }}
    >
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const length = Math.max(1, (bar.value / max) * BAR_SPACE);
        return (
          <g key={`${i}:${bar.label}`}>
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="bar-chart__label">
              {bar.label.length > 44 ? `${bar.label.slice(0, 43)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={length} height={ROW - 6} className="bar-chart__bar" />
            <text x={LABEL_WIDTH + length + 6} y={y + ROW / 2} dominantBaseline="middle" className="bar-chart__value">
              {text.number(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
