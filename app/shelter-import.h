/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-legacy-text.h"
#include "shelter-person.h"
#include "shelter-session.h"
#include "shelter-sheet.h"

G_BEGIN_DECLS

/* The use case "bring existing records in": a spreadsheet of residents (CSV or XLSX, in
 * Unicode or the old TCVN3/VNI encodings) becomes people and stays, as if each had been
 * received at the desk on the date of the file's reception column. For an assistant in three
 * steps and for `shelterctl import`:
 *
 *   1. shelter_import_open(): the file is read, its encoding detected and its columns
 *      mapped to fields from their headers; the user sees the encoding sample and the
 *      mapping and may change both (shelter_import_set_encoding(), _set_column()).
 *   2. shelter_import_check(): every row is checked with the intake's own rules and
 *      compared with the people on record and with the rows above it; the user sees each
 *      row's problems and matches and chooses, per match, a new stay or skip.
 *   3. shelter_import_run(): all the rows that can be imported, in one transaction that a
 *      cancel or any failure rolls back whole, with one audit entry "import".
 *
 * SHELTER_PERMISSION_IMPORT (administrators and managers) for each step. An import object
 * belongs to one thread at a time (the assistant may run a step in a worker thread while
 * the window waits). Nothing is written before shelter_import_run(). */

/* The fields a column can fill. */
typedef enum
{
  SHELTER_IMPORT_FIELD_NONE,             /* the column is not imported */
  SHELTER_IMPORT_FIELD_FULL_NAME,        /* split: first word family, last given, the rest middle */
  SHELTER_IMPORT_FIELD_FAMILY_NAME,
  SHELTER_IMPORT_FIELD_MIDDLE_NAME,
  SHELTER_IMPORT_FIELD_GIVEN_NAME,
  SHELTER_IMPORT_FIELD_OTHER_NAMES,
  SHELTER_IMPORT_FIELD_BIRTH_DATE,       /* a date, or a year alone (stored as "year only") */
  SHELTER_IMPORT_FIELD_SEX,
  SHELTER_IMPORT_FIELD_ETHNICITY,        /* a group's name, matched to the reference list */
  SHELTER_IMPORT_FIELD_ID_NUMBER,        /* the paper follows from the digits (12 CCCD, 9 CMND) */
  SHELTER_IMPORT_FIELD_PHONE,
  SHELTER_IMPORT_FIELD_HOME_PROVINCE,    /* permanent residence: province, in words */
  SHELTER_IMPORT_FIELD_HOME_COMMUNE,     /* permanent residence: commune of that province */
  SHELTER_IMPORT_FIELD_HOME_DETAIL,      /* street, village or hamlet */
  SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE,  /* hometown (quê quán): province, in words */
  SHELTER_IMPORT_FIELD_PERSON_TYPE,
  SHELTER_IMPORT_FIELD_RECEPTION_DATE,   /* required: the stay starts then */
  SHELTER_IMPORT_FIELD_DISCHARGE_DATE,   /* a past stay: ended then, reason "other" */
  SHELTER_IMPORT_FIELD_NOTES,            /* recognised, but the record has nowhere to keep it */
  SHELTER_IMPORT_N_FIELDS
} ShelterImportField;

/* "full_name", "birth_date"...: the names a mapping file uses (see shelter_import_apply_mapping()). */
const char         *shelter_import_field_id         (ShelterImportField  field);
/* SHELTER_IMPORT_N_FIELDS when @id is none of them; "none" and "" are FIELD_NONE. */
ShelterImportField  shelter_import_field_from_id    (const char         *id);
/* The field in the user's words ("Date of birth"). */
const char         *shelter_import_field_label      (ShelterImportField  field);

typedef struct
{
  char *before;   /* a cell as the file has it */
  char *after;    /* the same read in the chosen encoding */
} ShelterImportSample;

/* One thing wrong, or worth checking, in one cell of a row. */
typedef struct
{
  guint               column;    /* from 0; G_MAXUINT for the row as a whole */
  char               *header;    /* the column's header text (NULL for the row) */
  ShelterImportField  field;
  char               *value;     /* the cell as read (after the encoding), or NULL */
  char               *message;   /* what is wrong and what to do, translated */
  char               *stored;    /* what would be stored instead; NULL: nothing */
  gboolean            blocking;  /* the row cannot be imported as it is */
} ShelterImportProblem;

typedef enum
{
  SHELTER_IMPORT_MATCH_NONE,
  SHELTER_IMPORT_MATCH_PERSON,       /* a person on record */
  SHELTER_IMPORT_MATCH_EARLIER_ROW,  /* an earlier row of the same file */
} ShelterImportMatchKind;

typedef enum
{
  SHELTER_IMPORT_MATCH_BY_ID_NUMBER,
  SHELTER_IMPORT_MATCH_BY_NAME,      /* folded full name, birth year and province */
} ShelterImportMatchReason;

typedef enum
{
  SHELTER_IMPORT_SKIP,      /* the default for a match: the row is left out */
  SHELTER_IMPORT_NEW_STAY,  /* a new stay for the person matched (a re-admission) */
} ShelterImportChoice;

typedef struct
{
  guint                     line;             /* the row's line in the file */
  /* The person as it would be stored (names split, codes matched, cleaned as the intake
   * does); never NULL, but meaningless where blocking problems say so. */
  ShelterPerson            *person;
  char                     *reception_date;   /* YYYY-MM-DD or NULL */
  char                     *discharge_date;   /* YYYY-MM-DD or NULL */
  GPtrArray                *problems;         /* of ShelterImportProblem */
  gboolean                  blocked;          /* a blocking problem: not imported */
  ShelterImportMatchKind    match;
  ShelterImportMatchReason  match_reason;
  gint64                    match_person_id;  /* PERSON */
  char                     *match_case_code;  /* PERSON */
  /* PERSON: the name on record; NULL when the person is under high protection and the
   * session may not know who they are. */
  char                     *match_name;
  guint                     match_line;       /* EARLIER_ROW: that row's line */
  ShelterImportChoice       choice;           /* for a match; SKIP by default */
} ShelterImportRow;

typedef struct
{
  guint  n_people;   /* new person records */
  guint  n_stays;    /* stays written (new people and re-admissions) */
  guint  n_skipped;  /* rows left out: matches skipped and rows with a blocking problem */
} ShelterImportResult;

typedef struct _ShelterImport ShelterImport;

void           shelter_import_free           (ShelterImport        *self);

/* Step 1. Reads @path (the sheet named @sheet_name, NULL for the first) through
 * shelter_sheet_read_file(), detects the encoding, finds the header row (the first of the
 * first 10 with at least two recognised headers; none: every row is data and every column
 * unmapped) and guesses the mapping. Errors in SHELTER_FIELD_ERROR (IMPORT_FILE or
 * IMPORT_SHEET), or the permission refused. */
ShelterImport *shelter_import_open           (ShelterSession       *session,
                                              const char           *path,
                                              const char           *sheet_name,
                                              GCancellable         *cancellable,
                                              GError              **error);
/* The same for a sheet already read (takes it); @file_name is what the audit entry names. */
ShelterImport *shelter_import_new_for_sheet  (ShelterSession       *session,
                                              ShelterSheet         *sheet,
                                              const char           *file_name,
                                              GError              **error);

const ShelterSheet   *shelter_import_get_sheet            (ShelterImport *self);
/* The encoding detected over every text cell, and how many cells look written in another
 * one (mixed encodings: the user is told; each such cell gets a problem at the check). */
ShelterLegacyEncoding shelter_import_get_detected_encoding (ShelterImport *self,
                                                            guint         *n_other);
ShelterLegacyEncoding shelter_import_get_encoding         (ShelterImport *self);
/* Reads every cell again in @encoding; the header row and mapping are found again and the
 * check must be run again. */
void                  shelter_import_set_encoding         (ShelterImport         *self,
                                                           ShelterLegacyEncoding  encoding);
/* Up to 5 cells that the encoding changes (or, when it changes none, the first text cells),
 * before and after: of ShelterImportSample. */
GPtrArray            *shelter_import_dup_encoding_sample  (ShelterImport *self);

/* The header row's line (from 1), 0 when no row looked like one. */
guint                 shelter_import_get_header_line      (ShelterImport *self);
guint                 shelter_import_get_n_columns        (ShelterImport *self);
/* The header text of @column, or "Column C" when there is no header row or it is empty. */
const char           *shelter_import_get_column_header    (ShelterImport *self,
                                                           guint          column);
ShelterImportField    shelter_import_get_column_field     (ShelterImport *self,
                                                           guint          column);
/* Maps @column to @field; a field fills one column only, so the column that had it
 * before is no longer imported. */
void                  shelter_import_set_column           (ShelterImport       *self,
                                                           guint                column,
                                                           ShelterImportField   field);
/* A mapping file's text: one "Header=field" a line (field as shelter_import_field_id(),
 * "none" to leave a column out; the header compared without case or diacritics; blank
 * lines and lines starting with # ignored). Applied over the guess. Refuses (in
 * SHELTER_FIELD_IMPORT_MAPPING, naming the line) an unknown field or a header not in the
 * file, applying nothing. */
gboolean              shelter_import_apply_mapping        (ShelterImport  *self,
                                                           const char     *text,
                                                           GError        **error);
/* Sentences about the mapping as a whole (no name column, no reception date column, a
 * column of notes that will not be kept), translated. */
GPtrArray            *shelter_import_dup_mapping_notes    (ShelterImport *self);
/* The person type for rows whose type is empty or not mapped: a code of
 * shelter_enum_person_type other than "accompanying_minor"; "other_protected" by default. */
gboolean              shelter_import_set_default_person_type (ShelterImport  *self,
                                                              const char     *person_type,
                                                              GError        **error);

/* Step 2. Checks every data row (empty rows are passed over) and finds the matches.
 * The same rules as the intake form (shelter_person_validate()), plus what a spreadsheet
 * brings:
 * - dates as dd/mm/yyyy, d/m/yyyy, d/m/yy (the century that keeps the date out of the
 *   future), yyyy-mm-dd, Excel serial numbers; a birth date may be a year alone;
 * - sexes Nam/Nữ, M/F, Male/Female, and 1/0: 1 is male and 0 female (2 is female too, as
 *   the statistics office codes it) — a documented choice;
 * - provinces, communes and ethnic groups in words, with or without diacritics, matched
 *   to the reference lists (today's provinces first, then the 63 of older papers);
 * - an ID number or phone that lost its leading zeros as a number is given them back.
 * Honours @cancellable between rows. */
gboolean              shelter_import_check                (ShelterImport  *self,
                                                           GCancellable   *cancellable,
                                                           GError        **error);
guint                 shelter_import_get_n_rows           (ShelterImport *self);
const ShelterImportRow *shelter_import_get_row            (ShelterImport *self,
                                                           guint          index);
/* For a row with a match. Refuses a new stay for a person staying at the centre now, or
 * whose last stay does not end before this reception, in SHELTER_APP_ERROR. */
gboolean              shelter_import_set_choice           (ShelterImport        *self,
                                                           guint                 index,
                                                           ShelterImportChoice   choice,
                                                           GError              **error);
/* What a run would do now. */
void                  shelter_import_count                (ShelterImport       *self,
                                                           ShelterImportResult *expected,
                                                           guint               *n_blocked,
                                                           guint               *n_matches);

/* Step 3. Writes every row that is not blocked and not skipped (checking first if the
 * check is not up to date), in one transaction: cancelled (G_IO_ERROR_CANCELLED) or
 * failed, nothing is written. Refuses an import with nothing to write. */
gboolean              shelter_import_run                  (ShelterImport        *self,
                                                           GCancellable         *cancellable,
                                                           ShelterImportResult  *result,
                                                           GError              **error);

void                  shelter_import_sample_free          (ShelterImportSample *sample);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterImport, shelter_import_free)

G_END_DECLS
