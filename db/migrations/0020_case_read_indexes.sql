-- Schema 20: indexes for what every audited write to a case reads back (db/entity-digest.ts: the
-- digest its audit entry vouches for) and `tsp audit verify` reads for every case, so that each
-- read is an index search (tested on the query plans, db/entity-digest.test.ts).
--
-- A case's assessments and attachments in id order: the indexes on (case_id, created_at) and
-- (case_id, kind, id) found them but left SQLite sorting them by id in a temporary tree; for the
-- assessments, about half the time of that read (52 µs → 25 µs for three assessments, measured
-- on a store of 10,000 cases). A case's received packages: no index named case_id, so each read
-- scanned every package the store ever received.
-- Indexes only: no row changes, every digest stays as it was.
CREATE INDEX assessments_case_id ON assessments(case_id, id);
CREATE INDEX attachments_case_id ON attachments(case_id, id);
CREATE INDEX case_packages_case ON case_packages(case_id);
