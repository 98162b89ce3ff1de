/** Rows the Due page shows per group until the officer asks for all (thousands may be overdue across 100,000 cases). */
export const DUE_ROWS_SHOWN = 50;
