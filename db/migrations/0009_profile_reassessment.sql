-- Schema 9: re-assessment reports for jurisdiction profile versions too.
--
-- A stored profile version (remission, remand credit, month-end rule of a sentencing
-- jurisdiction) changes the dates the engine computes, so the open cases sentenced there are
-- re-assessed when it takes effect, with a report, exactly as for a rule-set version
-- (electron/services/reassess-report.ts). `subject` says which: for a profile, rule_set_id
-- holds the jurisdiction code ("HK", or "*" for the default) and rule_set_version its version.
-- Reports written before this version are all rule-set reports.

ALTER TABLE reassess_reports ADD COLUMN subject TEXT NOT NULL DEFAULT 'rule-set' CHECK (subject IN ('rule-set', 'profile'));

DROP INDEX reassess_reports_version;
CREATE INDEX reassess_reports_version ON reassess_reports(subject, rule_set_id, rule_set_version);
