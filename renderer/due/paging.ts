/** Rows of each group the Due page asks for first (thousands may be overdue across 100,000 cases); the groups' counts are over everything. */
export const DUE_ROWS_SHOWN = 50;
/** Rows of one group each "show more" asks for. */
export const DUE_PAGE = 500;
