-- The Residents search for a given name alone. Lists are in order of given name first, so
-- everyone named "Tuyết" stands together in that order, and walking the names from "A"
-- until the screen is full would read most of the index first. Such matches are fetched
-- and sorted instead; this narrow index gives each match's sort key without its row.
CREATE INDEX person_id_sort ON person (id, sort_key) WHERE voided_at IS NULL;

-- person_list (0011) repeated person_sort exactly: one is enough, and each costs a write.
DROP INDEX person_list;
