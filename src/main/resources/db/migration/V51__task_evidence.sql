-- A connected system's evidence of what it did (docs/events.md, result field `evidence`): counts per collection,
-- statement shapes, duration. No personal data by contract, but it comes from outside, so encrypted like the rest.
ALTER TABLE task ADD COLUMN evidence_enc text;
