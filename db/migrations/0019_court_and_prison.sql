-- Schema 19: the sentencing court and the prison on the case (issue 18).
--
-- Two optional facts of the case file `tsp-case/1` (docs/case-format.md), free text as the
-- officer writes them: judgment.sentencingCourt, the court that imposed the sentence, and
-- person.prison, the institution where the person is held (on the case, like the person's other
-- facts of this transfer: domiciliary). Rows written before this version keep NULL, which reads as
-- "not recorded"; a nullable column leaves every audited digest as it was (db/entity-digest.ts).
ALTER TABLE cases ADD COLUMN sentencing_court TEXT CHECK (sentencing_court IS NULL OR length(sentencing_court) BETWEEN 1 AND 200);
ALTER TABLE cases ADD COLUMN prison TEXT CHECK (prison IS NULL OR length(prison) BETWEEN 1 AND 200);
