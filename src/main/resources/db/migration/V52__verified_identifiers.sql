-- Identifiers the subject typed (a customer number) that an officer checked and marked verified: types only,
-- comma-separated; the values stay encrypted in subject_identifiers_enc. Commands tell connected systems which
-- identifiers are verified (docs/events.md, subject.verified); an unverified one must not pull in data by itself.
ALTER TABLE ticket ADD COLUMN verified_identifier_types varchar(1000);
