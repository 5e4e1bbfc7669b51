-- The import asks, for each row of an old spreadsheet, whether the person is on record
-- already: the same name (whatever its accents), birth year and province. Reading every
-- person to answer takes minutes at a million residents; this column and index answer
-- each row with a lookup. folded_name is shelter_fold() of "family middle given", the
-- function the program registers on every connection, and the person store keeps it.
ALTER TABLE person ADD COLUMN folded_name TEXT NOT NULL DEFAULT '';
UPDATE person SET folded_name = shelter_fold(family_name || ' ' || middle_name || ' ' || given_name);
CREATE INDEX person_folded_name ON person (folded_name, birth_date) WHERE voided_at IS NULL;
