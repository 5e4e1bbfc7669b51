-- Search matches each typed word as the beginning of a word. Up to three letters FTS5
-- reads a prefix from its own index; a longer one ("nguyen", "2020" of a case code) merged
-- the lists of every word that begins so: tens of milliseconds at a million residents for
-- a common family name or a year. Prefixes of up to six letters are now kept too (the
-- index grows by about two fifths), and such a word is read as one list.
CREATE VIRTUAL TABLE person_search_v15 USING fts5 (words, tokenize = 'unicode61', detail = none,
                                                   prefix = '1 2 3 4 5 6');
INSERT INTO person_search_v15 (rowid, words) SELECT rowid, words FROM person_search;
DROP TABLE person_search;
ALTER TABLE person_search_v15 RENAME TO person_search;
