-- Schema 11: incoming transfers, the sentence to be enforced here (shared/enforcement).
--
-- Each offence gains the maximum penalty the administering State's law prescribes for a
-- similar offence (months, or life), the limit of ETS 112 Art. 10(2) and FD 2008/909 Art. 8(2);
-- max_penalty_months stays the sentencing State's. Each case gains the procedure the
-- administering State follows (continued enforcement or conversion, ETS 112 Art. 9(1)) and the
-- decision of its court or authority (who, when, the term). Rows written before this version
-- keep NULL everywhere here, which reads as "not recorded".
ALTER TABLE offences ADD COLUMN administering_max_penalty_months INTEGER CHECK (administering_max_penalty_months >= 0);
-- 1 when the administering State's maximum is life imprisonment (the months column is then NULL).
ALTER TABLE offences ADD COLUMN administering_max_penalty_life INTEGER
  CHECK (administering_max_penalty_life IS NULL OR (administering_max_penalty_life = 1 AND administering_max_penalty_months IS NULL));

-- 1 when the case file records an enforcement object (its parts may still be unknown), NULL when not.
ALTER TABLE cases ADD COLUMN enforcement_recorded INTEGER CHECK (enforcement_recorded = 1);
ALTER TABLE cases ADD COLUMN enforcement_procedure TEXT CHECK (enforcement_procedure IN ('continued', 'conversion'));
-- The decision: recorded when its term is (decision_term_kind NOT NULL).
ALTER TABLE cases ADD COLUMN decision_authority TEXT;
ALTER TABLE cases ADD COLUMN decision_date TEXT;
ALTER TABLE cases ADD COLUMN decision_term_kind TEXT CHECK (decision_term_kind IN ('fixed', 'life', 'indeterminate'));
ALTER TABLE cases ADD COLUMN decision_term_years INTEGER CHECK (decision_term_years >= 0);
ALTER TABLE cases ADD COLUMN decision_term_months INTEGER CHECK (decision_term_months >= 0);
ALTER TABLE cases ADD COLUMN decision_term_days INTEGER CHECK (decision_term_days >= 0);
