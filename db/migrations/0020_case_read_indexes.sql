-- Schema 20: indexes for what every audited write to a case reads back (db/entity-digest.ts: the
-- digest its audit entry vouches for) and `tsp audit verify` reads for every case, so that each
-- read is an index search (tested on the query plans, db/entity-digest.test.ts).
--
-- A case's received packages: no index named case_id, so each read scanned every package the
-- store ever received. A case's attachments in id order: the index on (case_id, kind, id) found
-- them but left SQLite sorting them by id. (A case's assessments are sorted by id the same way,
-- but an index for that would add about 75 bytes to every assessment ever stored, for about
-- 25 µs a write: not worth it.)
-- Indexes only: no row changes, every digest stays as it was.
CREATE INDEX attachments_case_id ON attachments(case_id, id);
CREATE INDEX case_packages_case ON case_packages(case_id);
