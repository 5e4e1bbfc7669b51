/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-admission-private.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-import.h"
#include "shelter-reference.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define HEADER_SEARCH_ROWS 10
#define SAMPLE_SIZE 5
/* The checks that follow the first refusal of the intake's rules in a row, so that one
 * pass shows most of what is wrong in it. */
#define MAX_RULE_PASSES 12
/* Imported stays begin at the start of the reception day, so that a reception today is
 * never a time in the future. */
#define DAY_START "T00:00:00+07:00"

struct _ShelterImport
{
  ShelterSession        *session;
  ShelterSheet          *sheet;
  char                  *file_name;
  ShelterLegacyEncoding  detected;
  guint                  n_other;
  ShelterLegacyEncoding  encoding;
  GPtrArray             *cells;          /* per sheet row, a char** of n_columns, converted */
  guint                  n_columns;
  guint                  header_index;   /* into sheet->rows; G_MAXUINT when none */
  char                 **headers;        /* n_columns, never NULL entries */
  ShelterImportField    *fields;         /* n_columns */
  char                  *default_type;
  GPtrArray             *rows;           /* of ShelterImportRow */
  gboolean               checked;

  /* Reference lists as folded keys, filled at the first check. */
  GHashTable            *provinces;      /* key -> ShelterReferenceEntry (scheme, code) */
  GHashTable            *communes;       /* "scheme/province" -> GHashTable key -> code */
  GHashTable            *ethnic_groups;  /* key -> code */
  GHashTable            *known;          /* person id -> ShelterImportKnownPerson matched */
};

static const struct
{
  const char *id;
  const char *label;
  /* Headers as shelter_text_fold() writes them, parentheses left out. */
  const char *headers[12];
} field_table[] = {
  [SHELTER_IMPORT_FIELD_NONE] = { "none", N_("Not imported"), { "stt", "tt", "so tt", "no" } },
  [SHELTER_IMPORT_FIELD_FULL_NAME] = { "full_name", N_("Full name"),
    { "ho va ten", "ho ten", "full name", "name", "ho va ten doi tuong", "ten doi tuong" } },
  [SHELTER_IMPORT_FIELD_FAMILY_NAME] = { "family_name", N_("Family name"),
    { "ho", "family name", "surname", "last name" } },
  [SHELTER_IMPORT_FIELD_MIDDLE_NAME] = { "middle_name", N_("Middle name"),
    { "ten dem", "chu dem", "middle name" } },
  [SHELTER_IMPORT_FIELD_GIVEN_NAME] = { "given_name", N_("Given name"),
    { "ten", "given name", "first name" } },
  [SHELTER_IMPORT_FIELD_OTHER_NAMES] = { "other_names", N_("Other names"),
    { "ten goi khac", "ten khac", "other names", "alias", "bi danh" } },
  [SHELTER_IMPORT_FIELD_BIRTH_DATE] = { "birth_date", N_("Date of birth"),
    { "ngay sinh", "nam sinh", "ngay thang nam sinh", "date of birth", "birth date", "dob",
      "year of birth", "sinh ngay" } },
  [SHELTER_IMPORT_FIELD_SEX] = { "sex", N_("Sex"), { "gioi tinh", "gioi", "sex", "gender" } },
  [SHELTER_IMPORT_FIELD_ETHNICITY] = { "ethnicity", N_("Ethnicity"),
    { "dan toc", "ethnicity", "ethnic group" } },
  [SHELTER_IMPORT_FIELD_ID_NUMBER] = { "id_number", N_("ID number"),
    { "so cccd", "cccd", "cmnd", "so cmnd", "so dinh danh", "so dinh danh ca nhan", "id",
      "id number", "cmnd cccd", "so cmnd cccd", "so cccd cmnd", "cccd cmnd" } },
  [SHELTER_IMPORT_FIELD_PHONE] = { "phone", N_("Phone"),
    { "dien thoai", "so dien thoai", "sdt", "dt", "phone", "telephone", "phone number" } },
  [SHELTER_IMPORT_FIELD_HOME_PROVINCE] = { "home_province", N_("Permanent residence: province"),
    { "tinh", "tinh thanh pho", "tinh thanh", "province", "noi thuong tru", "thuong tru",
      "tinh tp" } },
  [SHELTER_IMPORT_FIELD_HOME_COMMUNE] = { "home_commune", N_("Permanent residence: commune"),
    { "xa phuong", "xa", "phuong", "commune", "xa phuong thi tran", "xa phuong dac khu" } },
  [SHELTER_IMPORT_FIELD_HOME_DETAIL] = { "home_detail", N_("Street, village or hamlet"),
    { "dia chi", "address", "thon xom", "thon", "so nha", "thon ban" } },
  [SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE] = { "origin_province", N_("Hometown: province"),
    { "que quan", "que", "hometown" } },
  [SHELTER_IMPORT_FIELD_PERSON_TYPE] = { "person_type", N_("Person type"),
    { "doi tuong", "loai doi tuong", "type", "person type", "dien" } },
  [SHELTER_IMPORT_FIELD_RECEPTION_DATE] = { "reception_date", N_("Reception date"),
    { "ngay tiep nhan", "ngay vao", "ngay nhap", "ngay den", "admission date",
      "reception date", "date of admission" } },
  [SHELTER_IMPORT_FIELD_DISCHARGE_DATE] = { "discharge_date", N_("End date"),
    { "ngay ra", "ngay ket thuc", "ngay roi", "ngay xuat", "discharge date", "end date" } },
  [SHELTER_IMPORT_FIELD_NOTES] = { "notes", N_("Notes (not imported)"),
    { "ghi chu", "notes", "note", "remarks" } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_table) == SHELTER_IMPORT_N_FIELDS);

const char *
shelter_import_field_id (ShelterImportField field)
{
  g_return_val_if_fail (field < SHELTER_IMPORT_N_FIELDS, NULL);
  return field_table[field].id;
}

ShelterImportField
shelter_import_field_from_id (const char *id)
{
  g_autofree char *clean = NULL;

  if (id == NULL)
    return SHELTER_IMPORT_N_FIELDS;
  clean = g_strstrip (g_ascii_strdown (id, -1));
  if (*clean == '\0')
    return SHELTER_IMPORT_FIELD_NONE;
  for (guint i = 0; i < SHELTER_IMPORT_N_FIELDS; i++)
    if (g_str_equal (clean, field_table[i].id))
      return i;
  return SHELTER_IMPORT_N_FIELDS;
}

const char *
shelter_import_field_label (ShelterImportField field)
{
  g_return_val_if_fail (field < SHELTER_IMPORT_N_FIELDS, NULL);
  return _(field_table[field].label);
}

void
shelter_import_sample_free (ShelterImportSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->before);
  g_free (sample->after);
  g_free (sample);
}

static void
problem_free (ShelterImportProblem *problem)
{
  g_free (problem->header);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem->stored);
  g_free (problem);
}

static void
row_free (ShelterImportRow *row)
{
  g_clear_object (&row->person);
  g_free (row->reception_date);
  g_free (row->discharge_date);
  g_ptr_array_unref (row->problems);
  g_free (row->match_case_code);
  g_free (row->match_name);
  g_free (row);
}

static void
free_cells (gpointer data)
{
  g_strfreev (data);
}

void
shelter_import_free (ShelterImport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->session);
  g_clear_pointer (&self->sheet, shelter_sheet_free);
  g_free (self->file_name);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_strfreev (self->headers);
  g_free (self->fields);
  g_free (self->default_type);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_hash_table_unref);
  g_clear_pointer (&self->communes, g_hash_table_unref);
  g_clear_pointer (&self->ethnic_groups, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_free (self);
}

/* Folded and without spaces: "H'Mông", "Hmông" and "HMONG" are one key. */
static char *
compact_key (const char *text)
{
  g_autofree char *folded = shelter_text_fold (text);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

/* The folded header without what is in parentheses ("Ngày sinh (dd/mm/yyyy)"). */
static char *
header_key (const char *header)
{
  g_autoptr (GString) kept = g_string_new (NULL);
  int depth = 0;

  for (const char *p = header; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (kept, *p);
    }
  return shelter_text_fold (kept->str);
}

static ShelterImportField
guess_field (const char *header)
{
  g_autofree char *key = header_key (header);

  if (*key == '\0')
    return SHELTER_IMPORT_FIELD_NONE;
  for (guint i = 1; i < SHELTER_IMPORT_N_FIELDS; i++)
    for (guint j = 0; j < G_N_ELEMENTS (field_table[i].headers) && field_table[i].headers[j]; j++)
      if (g_str_equal (key, field_table[i].headers[j]))
        return i;
  return SHELTER_IMPORT_FIELD_NONE;
}

static const char *
cell_at (ShelterImport *self,
         guint          sheet_row,
         guint          column)
{
  char **cells = g_ptr_array_index (self->cells, sheet_row);

  return column < self->n_columns ? cells[column] : "";
}

static const char *
raw_cell_at (ShelterImport *self,
             guint          sheet_row,
             guint          column)
{
  ShelterSheetRow *row = g_ptr_array_index (self->sheet->rows, sheet_row);

  return column < row->cells->len ? g_ptr_array_index (row->cells, column) : "";
}

static void
invalidate_check (ShelterImport *self)
{
  self->checked = FALSE;
  g_ptr_array_set_size (self->rows, 0);
}

/* Reads every cell in the chosen encoding, then finds the header row and guesses the
 * mapping from it. */
static void
convert_and_map (ShelterImport *self)
{
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  self->cells = g_ptr_array_new_full (self->sheet->rows->len, free_cells);
  for (guint r = 0; r < self->sheet->rows->len; r++)
    {
      ShelterSheetRow *row = g_ptr_array_index (self->sheet->rows, r);
      char **cells = g_new0 (char *, self->n_columns + 1);

      for (guint c = 0; c < self->n_columns; c++)
        {
          const char *raw = c < row->cells->len ? g_ptr_array_index (row->cells, c) : "";

          cells[c] = *raw == '\0' ? g_strdup ("") : shelter_legacy_to_unicode (raw, self->encoding);
          if (cells[c] == NULL)
            cells[c] = g_strdup (raw);
        }
      g_ptr_array_add (self->cells, cells);
    }

  self->header_index = G_MAXUINT;
  for (guint r = 0; r < MIN (self->sheet->rows->len, HEADER_SEARCH_ROWS); r++)
    {
      guint recognised = 0;

      for (guint c = 0; c < self->n_columns; c++)
        if (guess_field (cell_at (self, r, c)) != SHELTER_IMPORT_FIELD_NONE)
          recognised++;
      if (recognised >= 2)
        {
          self->header_index = r;
          break;
        }
    }

  g_strfreev (self->headers);
  self->headers = g_new0 (char *, self->n_columns + 1);
  memset (self->fields, 0, sizeof (ShelterImportField) * self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *clean = NULL;

      if (self->header_index != G_MAXUINT)
        clean = shelter_text_clean (cell_at (self, self->header_index, c), NULL);
      if (clean != NULL)
        self->headers[c] = g_steal_pointer (&clean);
      else
        {
          /* Spreadsheet letters, as the user sees them above the columns. */
          char letters[8];
          guint n = c + 1, len = 0;
          char reversed[8];

          while (n > 0 && len < sizeof reversed - 1)
            {
              reversed[len++] = (char) ('A' + (n - 1) % 26);
              n = (n - 1) / 26;
            }
          for (guint i = 0; i < len; i++)
            letters[i] = reversed[len - 1 - i];
          letters[len] = '\0';
          self->headers[c] = g_strdup_printf (_("Column %s"), letters);
        }

      if (self->header_index != G_MAXUINT)
        {
          ShelterImportField field = guess_field (cell_at (self, self->header_index, c));
          gboolean taken = FALSE;

          for (guint o = 0; o < c && field != SHELTER_IMPORT_FIELD_NONE; o++)
            taken = taken || self->fields[o] == field;
          self->fields[c] = taken ? SHELTER_IMPORT_FIELD_NONE : field;
        }
    }
  invalidate_check (self);
}

ShelterImport *
shelter_import_new_for_sheet (ShelterSession  *session,
                              ShelterSheet    *sheet,
                              const char      *file_name,
                              GError         **error)
{
  g_autoptr (ShelterSheet) owned = sheet;
  g_autoptr (GPtrArray) texts = NULL;
  ShelterImport *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_IMPORT, error))
    return NULL;

  self = g_new0 (ShelterImport, 1);
  self->session = g_object_ref (session);
  self->sheet = g_steal_pointer (&owned);
  self->file_name = g_path_get_basename (file_name ? file_name : self->sheet->sheet_name);
  self->n_columns = MIN (self->sheet->n_columns, SHELTER_SHEET_MAX_COLUMNS);
  self->fields = g_new0 (ShelterImportField, self->n_columns + 1);
  self->default_type = g_strdup ("other_protected");
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  /* Every cell with a letter outside ASCII tells the encoding; digits and plain Latin say
   * nothing. */
  texts = g_ptr_array_new ();
  for (guint r = 0; r < self->sheet->rows->len; r++)
    {
      ShelterSheetRow *row = g_ptr_array_index (self->sheet->rows, r);

      for (guint c = 0; c < row->cells->len; c++)
        {
          const char *text = g_ptr_array_index (row->cells, c);

          for (const char *p = text; *p != '\0'; p++)
            if ((guchar) *p >= 0x80)
              {
                g_ptr_array_add (texts, (gpointer) text);
                break;
              }
        }
    }
  g_ptr_array_add (texts, NULL);
  self->detected = shelter_legacy_detect_all ((const char * const *) texts->pdata, &self->n_other);
  self->encoding = self->detected;
  convert_and_map (self);
  return self;
}

ShelterImport *
shelter_import_open (ShelterSession  *session,
                     const char      *path,
                     const char      *sheet_name,
                     GCancellable    *cancellable,
                     GError         **error)
{
  ShelterSheet *sheet;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refused before the file is even read. */
  if (!shelter_session_check (session, SHELTER_PERMISSION_IMPORT, error))
    return NULL;
  sheet = shelter_sheet_read_file (path, sheet_name, cancellable, error);
  if (sheet == NULL)
    return NULL;
  return shelter_import_new_for_sheet (session, sheet, path, error);
}

const ShelterSheet *
shelter_import_get_sheet (ShelterImport *self)
{
  return self->sheet;
}

ShelterLegacyEncoding
shelter_import_get_detected_encoding (ShelterImport *self,
                                      guint         *n_other)
{
  if (n_other != NULL)
    *n_other = self->n_other;
  return self->detected;
}

ShelterLegacyEncoding
shelter_import_get_encoding (ShelterImport *self)
{
  return self->encoding;
}

void
shelter_import_set_encoding (ShelterImport         *self,
                             ShelterLegacyEncoding  encoding)
{
  g_return_if_fail (encoding <= SHELTER_LEGACY_VNI);

  if (encoding == self->encoding)
    return;
  self->encoding = encoding;
  convert_and_map (self);
}

GPtrArray *
shelter_import_dup_encoding_sample (ShelterImport *self)
{
  GPtrArray *sample = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_import_sample_free);

  for (int pass = 0; pass < 2 && sample->len == 0; pass++)
    for (guint r = 0; r < self->cells->len && sample->len < SAMPLE_SIZE; r++)
      for (guint c = 0; c < self->n_columns && sample->len < SAMPLE_SIZE; c++)
        {
          const char *raw = raw_cell_at (self, r, c);
          const char *after = cell_at (self, r, c);
          gboolean non_ascii = FALSE;

          for (const char *p = raw; *p != '\0' && !non_ascii; p++)
            non_ascii = (guchar) *p >= 0x80;
          /* First the cells the encoding changes; when none, the first with letters the
           * encoding could have changed. */
          if (pass == 0 ? g_strcmp0 (raw, after) != 0 : non_ascii)
            {
              ShelterImportSample *item = g_new0 (ShelterImportSample, 1);

              item->before = g_strdup (raw);
              item->after = g_strdup (after);
              g_ptr_array_add (sample, item);
            }
        }
  return sample;
}

guint
shelter_import_get_header_line (ShelterImport *self)
{
  ShelterSheetRow *row;

  if (self->header_index == G_MAXUINT)
    return 0;
  row = g_ptr_array_index (self->sheet->rows, self->header_index);
  return row->line;
}

guint
shelter_import_get_n_columns (ShelterImport *self)
{
  return self->n_columns;
}

const char *
shelter_import_get_column_header (ShelterImport *self,
                                  guint          column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->headers[column];
}

ShelterImportField
shelter_import_get_column_field (ShelterImport *self,
                                 guint          column)
{
  g_return_val_if_fail (column < self->n_columns, SHELTER_IMPORT_FIELD_NONE);
  return self->fields[column];
}

void
shelter_import_set_column (ShelterImport      *self,
                           guint               column,
                           ShelterImportField  field)
{
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < SHELTER_IMPORT_N_FIELDS);

  if (field != SHELTER_IMPORT_FIELD_NONE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->fields[c] == field)
        self->fields[c] = SHELTER_IMPORT_FIELD_NONE;
  self->fields[column] = field;
  invalidate_check (self);
}

gboolean
shelter_import_apply_mapping (ShelterImport  *self,
                              const char     *text,
                              GError        **error)
{
  g_auto (GStrv) lines = NULL;
  g_autofree ShelterImportField *fields = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  fields = g_memdup2 (self->fields, sizeof (ShelterImportField) * (self->n_columns + 1));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *key = NULL;
      const char *equals;
      ShelterImportField field;
      guint column = G_MAXUINT;

      if (*line == '\0' || *line == '#')
        continue;
      /* The line is quoted back in messages: an escape sequence would reach the terminal. */
      {
        gboolean invalid = FALSE;
        g_autofree char *clean = shelter_text_clean (line, &invalid);

        if (invalid)
          return shelter_field_error (error, SHELTER_FIELD_IMPORT_MAPPING,
                                      _("Mapping, line %u: the line contains control "
                                        "characters. Type it again."), i + 1);
      }
      equals = strrchr (line, '=');
      if (equals == NULL)
        return shelter_field_error (error, SHELTER_FIELD_IMPORT_MAPPING,
                                    _("Mapping, line %u: write the column’s header, “=” and the "
                                      "field, for example “Họ và tên=full_name”."), i + 1);
      field = shelter_import_field_from_id (equals + 1);
      if (field == SHELTER_IMPORT_N_FIELDS)
        {
          g_autofree char *typed = g_strstrip (g_strdup (equals + 1));

          return shelter_field_error (error, SHELTER_FIELD_IMPORT_MAPPING,
                                      _("Mapping, line %u: “%s” is not a field. Use one of "
                                        "those listed in the help."), i + 1, typed);
        }
      key = g_strndup (line, equals - line);
      {
        g_autofree char *wanted = shelter_text_fold (key);

        for (guint c = 0; c < self->n_columns && column == G_MAXUINT; c++)
          {
            g_autofree char *header = shelter_text_fold (self->headers[c]);

            if (*wanted != '\0' && g_str_equal (header, wanted))
              column = c;
          }
        if (column == G_MAXUINT)
          return shelter_field_error (error, SHELTER_FIELD_IMPORT_MAPPING,
                                      _("Mapping, line %u: the file has no column “%s”. Check the "
                                        "header as the file writes it."), i + 1, g_strstrip (key));
      }
      if (field != SHELTER_IMPORT_FIELD_NONE)
        for (guint c = 0; c < self->n_columns; c++)
          if (fields[c] == field)
            fields[c] = SHELTER_IMPORT_FIELD_NONE;
      fields[column] = field;
    }
  memcpy (self->fields, fields, sizeof (ShelterImportField) * self->n_columns);
  invalidate_check (self);
  return TRUE;
}

static guint
column_of (ShelterImport      *self,
           ShelterImportField  field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == field)
      return c;
  return G_MAXUINT;
}

GPtrArray *
shelter_import_dup_mapping_notes (ShelterImport *self)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  if (column_of (self, SHELTER_IMPORT_FIELD_FULL_NAME) == G_MAXUINT &&
      column_of (self, SHELTER_IMPORT_FIELD_GIVEN_NAME) == G_MAXUINT)
    g_ptr_array_add (notes, g_strdup (_("No column holds the names: choose the column for "
                                        "“Full name” or “Given name”.")));
  if (column_of (self, SHELTER_IMPORT_FIELD_SEX) == G_MAXUINT)
    g_ptr_array_add (notes, g_strdup (_("No column holds the sex: choose the column for "
                                        "“Sex”; every person needs one.")));
  if (column_of (self, SHELTER_IMPORT_FIELD_RECEPTION_DATE) == G_MAXUINT)
    g_ptr_array_add (notes, g_strdup (_("No column holds the reception date: choose the "
                                        "column for “Reception date”; each person is imported "
                                        "with a stay that begins on it.")));
  if (column_of (self, SHELTER_IMPORT_FIELD_PERSON_TYPE) == G_MAXUINT)
    {
      g_autofree char *type = g_strdup (shelter_enum_label (&shelter_enum_person_type,
                                                            self->default_type));
      g_ptr_array_add (notes, g_strdup_printf (_("No column holds the person type: everyone "
                                                 "is imported as “%s”."), type));
    }
  if (column_of (self, SHELTER_IMPORT_FIELD_NOTES) != G_MAXUINT)
    g_ptr_array_add (notes,
                     g_strdup_printf (_("Column “%s”: notes are not imported; the record has "
                                        "no place for them. Copy what matters into the "
                                        "resident’s page afterwards."),
                                      self->headers[column_of (self, SHELTER_IMPORT_FIELD_NOTES)]));
  if (column_of (self, SHELTER_IMPORT_FIELD_DISCHARGE_DATE) == G_MAXUINT)
    g_ptr_array_add (notes, g_strdup (_("No column holds an end date: every imported stay is "
                                        "open, as if the person were staying at the centre "
                                        "now, without a room.")));
  if (self->n_other > 0)
    g_ptr_array_add (notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u cell looks written in another encoding "
                                                   "than the rest of the file: check it in "
                                                   "the rows' problems.",
                                                   "%u cells look written in another encoding "
                                                   "than the rest of the file: check them in "
                                                   "the rows' problems.", self->n_other),
                                      self->n_other));
  return notes;
}

gboolean
shelter_import_set_default_person_type (ShelterImport  *self,
                                        const char     *person_type,
                                        GError        **error)
{
  if (!shelter_enum_is_valid (&shelter_enum_person_type, person_type) ||
      g_str_equal (person_type, "accompanying_minor"))
    return shelter_field_error (error, SHELTER_FIELD_PERSON_TYPE,
                                _("Person type: choose victim, person being identified or other "
                                  "protected person; an accompanying child is received at the "
                                  "desk, linked to the adult."));
  g_free (self->default_type);
  self->default_type = g_strdup (person_type);
  invalidate_check (self);
  return TRUE;
}

/* ---- Reading cells ---------------------------------------------------------------- */

typedef enum
{
  DATE_EMPTY,
  DATE_DAY,      /* *iso is YYYY-MM-DD */
  DATE_YEAR,     /* *iso is YYYY */
  DATE_NOT_REAL, /* day and month that do not exist */
  DATE_UNREADABLE,
} DateKind;

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* A date as spreadsheets write it. Two-digit years take the century that keeps the date
 * out of the future (in @this_year). */
static DateKind
parse_date (const char  *text,
            int          this_year,
            char       **iso)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_auto (GStrv) parts = NULL;
  char *space;
  int d, m, y;

  *iso = NULL;
  if (*clean == '\0')
    return DATE_EMPTY;
  /* "1990-05-03 00:00:00": the day only. */
  space = strchr (clean, ' ');
  if (space != NULL && strchr (space, ':') != NULL)
    *space = '\0';

  /* A number, perhaps with a fraction of a day ("33000.5"). */
  if (all_digits (clean) || (g_ascii_isdigit (clean[0]) && strchr (clean, '.') != NULL &&
                             strchr (clean, '.') == strrchr (clean, '.') &&
                             strchr (clean, '/') == NULL && strchr (clean, '-') == NULL))
    {
      double value = g_ascii_strtod (clean, NULL);
      GDate date;

      if (strlen (clean) == 4 && all_digits (clean))
        {
          *iso = g_strdup (clean);
          return DATE_YEAR;
        }
      /* An Excel serial: days since 30/12/1899 (which absorbs Excel's 29/02/1900). */
      if (value < 61 || value > 2958465)
        return DATE_UNREADABLE;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 30, 12, 1899);
      g_date_add_days (&date, (guint) value);
      *iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
      return DATE_DAY;
    }

  parts = g_regex_split_simple ("[/.-]", clean, 0, 0);
  if (g_strv_length (parts) != 3 || !all_digits (parts[0]) || !all_digits (parts[1]) ||
      !all_digits (parts[2]))
    return DATE_UNREADABLE;
  if (strlen (parts[0]) == 4)
    {
      y = atoi (parts[0]);
      m = atoi (parts[1]);
      d = atoi (parts[2]);
    }
  else
    {
      d = atoi (parts[0]);
      m = atoi (parts[1]);
      if (strlen (parts[2]) == 2)
        {
          y = 2000 + atoi (parts[2]);
          if (y > this_year)
            y -= 100;
        }
      else if (strlen (parts[2]) == 4)
        y = atoi (parts[2]);
      else
        return DATE_UNREADABLE;
      if (strlen (parts[0]) > 2 || strlen (parts[1]) > 2)
        return DATE_UNREADABLE;
    }
  if (y < 1800 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return DATE_NOT_REAL;
  *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return DATE_DAY;
}

static const char *
parse_sex (const char *text)
{
  static const char *male[] = { "nam", "m", "male", "1", "trai", "man" };
  static const char *female[] = { "nu", "f", "female", "0", "2", "gai", "woman" };
  g_autofree char *key = compact_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (male); i++)
    if (g_str_equal (key, male[i]))
      return "male";
  for (guint i = 0; i < G_N_ELEMENTS (female); i++)
    if (g_str_equal (key, female[i]))
      return "female";
  return NULL;
}

static const char *
parse_person_type (const char *text)
{
  static const struct
  {
    const char *key;
    const char *code;
  } types[] = {
    { "nannhan", "victim" }, { "victim", "victim" }, { "nannhanbimuaban", "victim" },
    { "nnbmb", "victim" },
    { "dangxacdinh", "being_identified" }, { "beingidentified", "being_identified" },
    { "nghilanannhan", "being_identified" }, { "dangxacminh", "being_identified" },
    { "nguoidangtrongquatrinhxacdinhlanannhan", "being_identified" },
    { "khac", "other_protected" }, { "other", "other_protected" },
    { "otherprotected", "other_protected" }, { "baotro", "other_protected" },
    { "baotroxahoi", "other_protected" }, { "doituongbaotro", "other_protected" },
    { "doituongkhac", "other_protected" },
  };
  g_autofree char *key = compact_key (text);

  if (strstr (key, "dicung") != NULL || strstr (key, "accompanying") != NULL)
    return "accompanying_minor";
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (key, types[i].key))
      return types[i].code;
  for (guint i = 0; shelter_enum_person_type.values[i].code != NULL; i++)
    {
      g_autofree char *label = compact_key (shelter_enum_label (&shelter_enum_person_type,
                                                                shelter_enum_person_type.values[i].code));
      if (g_str_equal (key, label))
        return shelter_enum_person_type.values[i].code;
    }
  return NULL;
}

static char *
strip_prefixes (const char          *key,
                const char * const  *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (key, prefixes[i]) && strlen (key) > strlen (prefixes[i]))
      return g_strdup (key + strlen (prefixes[i]));
  return g_strdup (key);
}

static const char * const province_prefixes[] = { "thanhpho", "tinh", "tp", NULL };
static const char * const commune_prefixes[] = { "thitran", "dackhu", "phuong", "xa", NULL };
static const char * const ethnic_prefixes[] = { "dantoc", NULL };

static gboolean
load_references (ShelterImport  *self,
                 GError        **error)
{
  ShelterDb *db = shelter_session_get_db (self->session);
  const char *schemes[] = { SHELTER_ADDRESS_SCHEME, SHELTER_LEGACY_ADDRESS_SCHEME };
  g_autoptr (GPtrArray) groups = NULL;
  /* Names the lists spell one way and spreadsheets another. */
  static const struct
  {
    const char *alias;
    const char *name;
  } ethnic_aliases[] = {
    { "mong", "hmong" }, { "hmong", "hmong" }, { "khmer", "khome" }, { "jrai", "giarai" },
    { "bahnar", "bana" }, { "viet", "kinh" },
  };

  if (self->provinces != NULL)
    return TRUE;

  self->provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) shelter_reference_entry_free);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr (GPtrArray) provinces = shelter_reference_provinces (db, schemes[s], error);

      if (provinces == NULL)
        return FALSE;
      for (guint i = 0; i < provinces->len; i++)
        {
          ShelterReferenceEntry *entry = g_ptr_array_index (provinces, i);
          const char *names[] = { entry->name, entry->full_name };

          for (guint n = 0; n < G_N_ELEMENTS (names); n++)
            {
              g_autofree char *compact = compact_key (names[n]);
              char *key = strip_prefixes (compact, province_prefixes);

              /* Today's scheme first: a name in both is today's. */
              if (g_hash_table_contains (self->provinces, key))
                {
                  g_free (key);
                  continue;
                }
              {
                ShelterReferenceEntry *copy = g_new0 (ShelterReferenceEntry, 1);

                copy->scheme = g_strdup (schemes[s]);
                copy->code = g_strdup (entry->code);
                copy->name = g_strdup (entry->full_name ? entry->full_name : entry->name);
                g_hash_table_insert (self->provinces, key, copy);
              }
            }
        }
    }
  self->communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);

  groups = shelter_reference_ethnic_groups (db, error);
  if (groups == NULL)
    return FALSE;
  self->ethnic_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < groups->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (groups, i);
      g_autofree char *key = compact_key (entry->name);

      for (guint a = 0; a < G_N_ELEMENTS (ethnic_aliases); a++)
        if (g_str_equal (key, ethnic_aliases[a].name))
          g_hash_table_insert (self->ethnic_groups, g_strdup (ethnic_aliases[a].alias),
                               g_strdup (entry->code));
      g_hash_table_insert (self->ethnic_groups, g_steal_pointer (&key), g_strdup (entry->code));
    }
  return TRUE;
}

static const ShelterReferenceEntry *
find_province (ShelterImport *self,
               const char    *text)
{
  g_autofree char *compact = compact_key (text);
  g_autofree char *key = strip_prefixes (compact, province_prefixes);

  return g_hash_table_lookup (self->provinces, key);
}

static const char *
find_commune (ShelterImport  *self,
              const char     *scheme,
              const char     *province_code,
              const char     *text,
              GError        **error)
{
  g_autofree char *list_key = g_strdup_printf ("%s/%s", scheme, province_code);
  GHashTable *communes = g_hash_table_lookup (self->communes, list_key);
  g_autofree char *compact = compact_key (text);
  g_autofree char *key = strip_prefixes (compact, commune_prefixes);

  if (communes == NULL)
    {
      g_autoptr (GPtrArray) entries = shelter_reference_communes (shelter_session_get_db (self->session),
                                                                  scheme, province_code, error);
      if (entries == NULL)
        return NULL;
      communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < entries->len; i++)
        {
          ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);
          const char *names[] = { entry->name, entry->full_name };

          for (guint n = 0; n < G_N_ELEMENTS (names); n++)
            {
              g_autofree char *name_compact = compact_key (names[n]);
              char *name_key = strip_prefixes (name_compact, commune_prefixes);

              if (!g_hash_table_contains (communes, name_key))
                g_hash_table_insert (communes, name_key, g_strdup (entry->code));
              else
                g_free (name_key);
            }
        }
      g_hash_table_insert (self->communes, g_steal_pointer (&list_key), communes);
    }
  return g_hash_table_lookup (communes, key);
}

/* ---- Checking rows ---------------------------------------------------------------- */

static void
add_problem (ShelterImport      *self,
             ShelterImportRow   *row,
             ShelterImportField  field,
             const char         *value,
             gboolean            blocking,
             const char         *stored,
             const char         *format,
             ...) G_GNUC_PRINTF (7, 8);

static void
add_problem (ShelterImport      *self,
             ShelterImportRow   *row,
             ShelterImportField  field,
             const char         *value,
             gboolean            blocking,
             const char         *stored,
             const char         *format,
             ...)
{
  ShelterImportProblem *problem = g_new0 (ShelterImportProblem, 1);
  va_list args;

  problem->field = field;
  problem->column = field == SHELTER_IMPORT_FIELD_NONE ? G_MAXUINT : column_of (self, field);
  problem->header = problem->column != G_MAXUINT ? g_strdup (self->headers[problem->column]) : NULL;
  problem->value = g_strdup (value);
  problem->stored = g_strdup (stored);
  problem->blocking = blocking;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (row->problems, problem);
  if (blocking)
    row->blocked = TRUE;
}

static const char *
value_of (ShelterImport      *self,
          guint               sheet_row,
          ShelterImportField  field)
{
  guint column = column_of (self, field);
  const char *value;

  if (column == G_MAXUINT)
    return NULL;
  value = cell_at (self, sheet_row, column);
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return value;
  return NULL;
}

/* "Nguyễn Thị Mai" -> family "Nguyễn", middle "Thị", given "Mai". */
static void
split_full_name (ShelterPerson *person,
                 const char    *full_name)
{
  g_autofree char *clean = shelter_text_clean (full_name, NULL);
  g_auto (GStrv) words = NULL;
  guint n;

  if (clean == NULL)
    return;
  words = g_strsplit (clean, " ", -1);
  n = g_strv_length (words);
  if (n == 1)
    {
      shelter_person_set_given_name (person, words[0]);
      return;
    }
  shelter_person_set_family_name (person, words[0]);
  shelter_person_set_given_name (person, words[n - 1]);
  if (n > 2)
    {
      g_free (words[n - 1]);
      words[n - 1] = NULL;
      {
        g_autofree char *middle = g_strjoinv (" ", words + 1);
        shelter_person_set_middle_name (person, middle);
      }
    }
}

static void
read_date_cell (ShelterImport       *self,
                ShelterImportRow    *row,
                guint                sheet_row,
                ShelterImportField   field,
                int                  this_year,
                char               **iso_out,
                DateKind            *kind_out)
{
  const char *value = value_of (self, sheet_row, field);
  const char *label = shelter_import_field_label (field);
  DateKind kind;

  *kind_out = kind = value ? parse_date (value, this_year, iso_out) : DATE_EMPTY;
  if (kind == DATE_NOT_REAL)
    add_problem (self, row, field, value, TRUE, NULL,
                 _("%s: “%s” is not a real date (check the day and the month). Write it as "
                   "dd/mm/yyyy."), label, value);
  else if (kind == DATE_UNREADABLE)
    add_problem (self, row, field, value, TRUE, NULL,
                 _("%s: “%s” is not a date. Write it as dd/mm/yyyy."), label, value);
}

static void
read_address (ShelterImport      *self,
              ShelterImportRow   *row,
              guint               sheet_row,
              ShelterImportField  field,
              GError            **error)
{
  const char *value = value_of (self, sheet_row, field);
  const ShelterReferenceEntry *province;
  ShelterPerson *person = row->person;

  if (value == NULL)
    return;
  province = find_province (self, value);
  if (province == NULL && strchr (value, ',') != NULL)
    /* "Xã A, huyện B, tỉnh C": the province is the last part. */
    province = find_province (self, strrchr (value, ',') + 1);
  if (province == NULL)
    {
      add_problem (self, row, field, value, FALSE, NULL,
                   _("%s: “%s” is not a province in the list; it is not stored. Choose it on "
                     "the resident’s page afterwards."),
                   shelter_import_field_label (field), value);
      return;
    }
  if (field == SHELTER_IMPORT_FIELD_HOME_PROVINCE)
    {
      const char *commune_text = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_HOME_COMMUNE);

      shelter_person_set_home_scheme (person, province->scheme);
      shelter_person_set_home_province_code (person, province->code);
      if (commune_text != NULL)
        {
          g_autoptr (GError) local_error = NULL;
          const char *commune = find_commune (self, province->scheme, province->code,
                                              commune_text, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return;
            }
          if (commune != NULL)
            shelter_person_set_home_commune_code (person, commune);
          else
            add_problem (self, row, SHELTER_IMPORT_FIELD_HOME_COMMUNE, commune_text, FALSE, NULL,
                         _("Permanent residence: commune: “%s” is not a commune of %s in the "
                           "list; it is not stored."), commune_text, province->name);
        }
    }
  else
    {
      shelter_person_set_origin_scheme (person, province->scheme);
      shelter_person_set_origin_province_code (person, province->code);
    }
}

/* The ID number as digits, its lost leading zeros back, and the paper its length says. */
static void
read_id_number (ShelterImport    *self,
                ShelterImportRow *row,
                const char       *value)
{
  g_autoptr (GString) compact = g_string_new (NULL);
  const char *paper = "passport";

  for (const char *p = value; *p != '\0'; p++)
    if (*p != ' ' && *p != '.' && *p != '-')
      g_string_append_c (compact, g_ascii_toupper (*p));
  if (strchr (compact->str, 'E') != NULL && strchr (value, '.') != NULL &&
      g_ascii_isdigit (compact->str[0]))
    {
      add_problem (self, row, SHELTER_IMPORT_FIELD_ID_NUMBER, value, TRUE, NULL,
                   _("ID number: “%s” was stored by the spreadsheet as a rounded number and its "
                     "digits are lost. Format the column as text and type the numbers again."),
                   value);
      return;
    }
  if (all_digits (compact->str))
    {
      guint len = compact->len;

      if (len == 10 || len == 11 || len == 8)
        {
          /* A number column drops leading zeros: CCCD numbers of Hà Nội begin with 001. */
          guint full = len == 8 ? 9 : 12;

          while (compact->len < full)
            g_string_prepend_c (compact, '0');
          add_problem (self, row, SHELTER_IMPORT_FIELD_ID_NUMBER, value, FALSE, compact->str,
                       _("ID number: “%s” lost its leading zeros as a number; %s is stored. "
                         "Check it on the card."), value, compact->str);
        }
      paper = compact->len == 9 ? "cmnd" : "cccd";
    }
  shelter_person_set_id_paper (row->person, paper);
  shelter_person_set_id_number (row->person, compact->str);
}

static ShelterImportField
import_field_for (ShelterImport *self,
                  ShelterField   field)
{
  switch (field)
    {
    case SHELTER_FIELD_FAMILY_NAME:
    case SHELTER_FIELD_MIDDLE_NAME:
    case SHELTER_FIELD_GIVEN_NAME:
      {
        ShelterImportField own = field == SHELTER_FIELD_FAMILY_NAME ? SHELTER_IMPORT_FIELD_FAMILY_NAME
                                 : field == SHELTER_FIELD_MIDDLE_NAME ? SHELTER_IMPORT_FIELD_MIDDLE_NAME
                                 : SHELTER_IMPORT_FIELD_GIVEN_NAME;
        return column_of (self, own) != G_MAXUINT ? own : SHELTER_IMPORT_FIELD_FULL_NAME;
      }
    case SHELTER_FIELD_SEX:
      return SHELTER_IMPORT_FIELD_SEX;
    case SHELTER_FIELD_BIRTH_DATE:
      return SHELTER_IMPORT_FIELD_BIRTH_DATE;
    case SHELTER_FIELD_ETHNICITY:
      return SHELTER_IMPORT_FIELD_ETHNICITY;
    case SHELTER_FIELD_ID_PAPER:
    case SHELTER_FIELD_ID_NUMBER:
      return SHELTER_IMPORT_FIELD_ID_NUMBER;
    case SHELTER_FIELD_PHONE:
      return SHELTER_IMPORT_FIELD_PHONE;
    case SHELTER_FIELD_HOME_ADDRESS:
      return column_of (self, SHELTER_IMPORT_FIELD_HOME_DETAIL) != G_MAXUINT
               ? SHELTER_IMPORT_FIELD_HOME_DETAIL : SHELTER_IMPORT_FIELD_HOME_PROVINCE;
    case SHELTER_FIELD_ORIGIN_ADDRESS:
      return SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE;
    case SHELTER_FIELD_OTHER_NAMES:
      return SHELTER_IMPORT_FIELD_OTHER_NAMES;
    case SHELTER_FIELD_PERSON_TYPE:
      return SHELTER_IMPORT_FIELD_PERSON_TYPE;
    default:
      return SHELTER_IMPORT_FIELD_NONE;
    }
}

/* After a refusal of the intake's rules, takes the refused field out of the (already
 * blocked) row so that the next pass finds what else is wrong. */
static void
neutralise (ShelterPerson *person,
            ShelterField   field)
{
  switch (field)
    {
    case SHELTER_FIELD_FAMILY_NAME:
      shelter_person_set_family_name (person, NULL);
      break;
    case SHELTER_FIELD_MIDDLE_NAME:
      shelter_person_set_middle_name (person, NULL);
      break;
    case SHELTER_FIELD_GIVEN_NAME:
      shelter_person_set_given_name (person, "X");
      break;
    case SHELTER_FIELD_SEX:
      shelter_person_set_sex (person, "female");
      break;
    case SHELTER_FIELD_BIRTH_DATE:
      shelter_person_set_birth_date (person, NULL);
      shelter_person_set_birth_precision (person, "unknown");
      break;
    case SHELTER_FIELD_PERSON_TYPE:
      shelter_person_set_person_type (person, "other_protected");
      break;
    case SHELTER_FIELD_NATIONALITY:
      shelter_person_set_nationality_status (person, "citizen");
      shelter_person_set_nationality (person, NULL);
      break;
    case SHELTER_FIELD_ID_PAPER:
    case SHELTER_FIELD_ID_NUMBER:
      shelter_person_set_id_paper (person, "none");
      shelter_person_set_id_number (person, NULL);
      break;
    case SHELTER_FIELD_PHONE:
      shelter_person_set_phone (person, NULL);
      break;
    case SHELTER_FIELD_ETHNICITY:
      shelter_person_set_ethnicity_code (person, NULL);
      shelter_person_set_ethnicity_scheme (person, NULL);
      break;
    case SHELTER_FIELD_OTHER_NAMES:
      shelter_person_set_other_names (person, NULL);
      break;
    case SHELTER_FIELD_HOME_ADDRESS:
      shelter_person_set_home_scheme (person, NULL);
      shelter_person_set_home_province_code (person, NULL);
      shelter_person_set_home_commune_code (person, NULL);
      shelter_person_set_home_detail (person, NULL);
      break;
    case SHELTER_FIELD_ORIGIN_ADDRESS:
      shelter_person_set_origin_scheme (person, NULL);
      shelter_person_set_origin_province_code (person, NULL);
      shelter_person_set_origin_commune_code (person, NULL);
      break;
    default:
      shelter_person_set_languages (person, NULL);
      shelter_person_set_religion (person, NULL);
      break;
    }
}

static ShelterImportRow *
check_row (ShelterImport  *self,
           guint           sheet_row,
           GDateTime      *now,
           const char     *today,
           GError        **error)
{
  ShelterSheetRow *sheet_line = g_ptr_array_index (self->sheet->rows, sheet_row);
  g_autoptr (GError) local_error = NULL;
  ShelterImportRow *row;
  ShelterPerson *person;
  const char *value;
  int this_year = g_date_time_get_year (now);
  g_autofree char *birth = NULL;
  DateKind kind;
  gboolean any = FALSE;

  for (guint c = 0; c < self->n_columns && !any; c++)
    any = self->fields[c] != SHELTER_IMPORT_FIELD_NONE && value_of (self, sheet_row, self->fields[c]);
  if (!any)
    return NULL;

  row = g_new0 (ShelterImportRow, 1);
  row->line = sheet_line->line;
  row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  row->person = person = shelter_person_new ();

  if (sheet_line->too_long)
    add_problem (self, row, SHELTER_IMPORT_FIELD_NONE, NULL, FALSE, NULL,
                 _("A cell of this row was longer than %d characters and was cut."),
                 SHELTER_SHEET_MAX_CELL);
  if (sheet_line->too_wide)
    add_problem (self, row, SHELTER_IMPORT_FIELD_NONE, NULL, FALSE, NULL,
                 _("This row had more than %d cells; the rest were left out."),
                 SHELTER_SHEET_MAX_COLUMNS);

  /* Cells written in another encoding than the one chosen: read wrongly, so shown. */
  if (self->encoding != SHELTER_LEGACY_UNICODE || self->n_other > 0)
    for (guint c = 0; c < self->n_columns; c++)
      {
        const char *raw = raw_cell_at (self, sheet_row, c);
        ShelterLegacyEncoding cell_encoding;

        if (self->fields[c] == SHELTER_IMPORT_FIELD_NONE || *raw == '\0')
          continue;
        cell_encoding = shelter_legacy_detect (raw);
        if (cell_encoding != self->encoding && cell_encoding != SHELTER_LEGACY_UNICODE)
          {
            g_autofree char *other = shelter_legacy_to_unicode (raw, cell_encoding);

            add_problem (self, row, self->fields[c], cell_at (self, sheet_row, c), FALSE,
                         cell_at (self, sheet_row, c),
                         _("%s: this cell looks written in %s, not %s as the file is read "
                           "(it would read “%s”). Correct it in the file if needed."),
                         shelter_import_field_label (self->fields[c]),
                         shelter_legacy_encoding_name (cell_encoding),
                         shelter_legacy_encoding_name (self->encoding), other);
          }
      }

  /* Names. */
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_FULL_NAME)) != NULL)
    split_full_name (person, value);
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_FAMILY_NAME)) != NULL)
    shelter_person_set_family_name (person, value);
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_MIDDLE_NAME)) != NULL)
    shelter_person_set_middle_name (person, value);
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_GIVEN_NAME)) != NULL)
    shelter_person_set_given_name (person, value);
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_OTHER_NAMES)) != NULL)
    shelter_person_set_other_names (person, value);

  /* Sex. */
  value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_SEX);
  if (value == NULL)
    add_problem (self, row, SHELTER_IMPORT_FIELD_SEX, NULL, TRUE, NULL,
                 _("Sex: empty. Write Nam or Nữ."));
  else if (parse_sex (value) == NULL)
    add_problem (self, row, SHELTER_IMPORT_FIELD_SEX, value, TRUE, NULL,
                 _("Sex: “%s” is neither. Write Nam or Nữ (or M/F, 1 for male, 0 for "
                   "female)."), value);
  else
    shelter_person_set_sex (person, parse_sex (value));

  /* Birth. */
  read_date_cell (self, row, sheet_row, SHELTER_IMPORT_FIELD_BIRTH_DATE, this_year, &birth,
                  &kind);
  if (kind == DATE_DAY || kind == DATE_YEAR)
    {
      shelter_person_set_birth_date (person, birth);
      shelter_person_set_birth_precision (person, kind == DATE_DAY ? "day" : "year");
    }
  else
    shelter_person_set_birth_precision (person, "unknown");

  /* Ethnicity. */
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_ETHNICITY)) != NULL)
    {
      g_autofree char *compact = compact_key (value);
      g_autofree char *key = strip_prefixes (compact, ethnic_prefixes);
      const char *code = g_hash_table_lookup (self->ethnic_groups, key);

      if (code != NULL)
        {
          shelter_person_set_ethnicity_scheme (person, SHELTER_ETHNICITY_SCHEME);
          shelter_person_set_ethnicity_code (person, code);
        }
      else
        add_problem (self, row, SHELTER_IMPORT_FIELD_ETHNICITY, value, FALSE, NULL,
                     _("Ethnicity: “%s” is not an ethnic group in the list; it is not "
                       "stored."), value);
    }

  /* Papers and phone. */
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_ID_NUMBER)) != NULL)
    read_id_number (self, row, value);
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_PHONE)) != NULL)
    {
      g_autoptr (GString) digits = g_string_new (NULL);

      for (const char *p = value; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
        else if (*p != ' ' && *p != '.')
          {
            g_string_truncate (digits, 0);
            break;
          }
      if (digits->len == 9 && strchr ("35789", digits->str[0]) != NULL)
        {
          /* A number column drops the leading 0 of 0912 345 678. */
          g_string_prepend_c (digits, '0');
          add_problem (self, row, SHELTER_IMPORT_FIELD_PHONE, value, FALSE, digits->str,
                       _("Phone: “%s” lost its leading 0 as a number; %s is stored."), value,
                       digits->str);
          shelter_person_set_phone (person, digits->str);
        }
      else
        shelter_person_set_phone (person, value);
    }

  /* Addresses. */
  read_address (self, row, sheet_row, SHELTER_IMPORT_FIELD_HOME_PROVINCE, &local_error);
  if (local_error == NULL)
    read_address (self, row, sheet_row, SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE, &local_error);
  if (local_error != NULL)
    {
      row_free (row);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (value_of (self, sheet_row, SHELTER_IMPORT_FIELD_HOME_COMMUNE) != NULL &&
      shelter_person_get_home_province_code (person) == NULL &&
      value_of (self, sheet_row, SHELTER_IMPORT_FIELD_HOME_PROVINCE) == NULL)
    add_problem (self, row, SHELTER_IMPORT_FIELD_HOME_COMMUNE,
                 value_of (self, sheet_row, SHELTER_IMPORT_FIELD_HOME_COMMUNE), FALSE, NULL,
                 _("Permanent residence: commune: without the province the commune cannot be "
                   "found; it is not stored."));
  if ((value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_HOME_DETAIL)) != NULL)
    shelter_person_set_home_detail (person, value);

  /* Person type. */
  value = value_of (self, sheet_row, SHELTER_IMPORT_FIELD_PERSON_TYPE);
  if (value == NULL)
    shelter_person_set_person_type (person, self->default_type);
  else if (parse_person_type (value) == NULL)
    add_problem (self, row, SHELTER_IMPORT_FIELD_PERSON_TYPE, value, TRUE, NULL,
                 _("Person type: “%s” is not one. Write Nạn nhân, Đang xác định or Khác."),
                 value);
  else if (g_str_equal (parse_person_type (value), "accompanying_minor"))
    add_problem (self, row, SHELTER_IMPORT_FIELD_PERSON_TYPE, value, TRUE, NULL,
                 _("Person type: an accompanying child is linked to the adult they came with; "
                   "receive the child at the desk instead."));
  else
    shelter_person_set_person_type (person, parse_person_type (value));
  if (shelter_person_get_person_type (person) == NULL)
    shelter_person_set_person_type (person, self->default_type);

  /* The stay. */
  read_date_cell (self, row, sheet_row, SHELTER_IMPORT_FIELD_RECEPTION_DATE, this_year,
                  &row->reception_date, &kind);
  if (kind == DATE_EMPTY)
    add_problem (self, row, SHELTER_IMPORT_FIELD_RECEPTION_DATE, NULL, TRUE, NULL,
                 _("Reception date: empty. Each person is imported with a stay that begins "
                   "on it; write it as dd/mm/yyyy."));
  else if (kind == DATE_YEAR)
    {
      add_problem (self, row, SHELTER_IMPORT_FIELD_RECEPTION_DATE,
                   value_of (self, sheet_row, SHELTER_IMPORT_FIELD_RECEPTION_DATE), TRUE, NULL,
                   _("Reception date: a year alone is not enough. Write the day as "
                     "dd/mm/yyyy."));
      g_clear_pointer (&row->reception_date, g_free);
    }
  else if (kind == DATE_DAY && strcmp (row->reception_date, today) > 0)
    add_problem (self, row, SHELTER_IMPORT_FIELD_RECEPTION_DATE,
                 value_of (self, sheet_row, SHELTER_IMPORT_FIELD_RECEPTION_DATE), TRUE, NULL,
                 _("Reception date: the date is in the future. Check the year."));
  else if (kind == DATE_DAY && shelter_person_get_birth_date (person) != NULL &&
           strncmp (row->reception_date, shelter_person_get_birth_date (person),
                    strlen (shelter_person_get_birth_date (person))) < 0)
    add_problem (self, row, SHELTER_IMPORT_FIELD_RECEPTION_DATE,
                 value_of (self, sheet_row, SHELTER_IMPORT_FIELD_RECEPTION_DATE), TRUE, NULL,
                 _("Reception date: it is before the date of birth. Check both dates."));

  read_date_cell (self, row, sheet_row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE, this_year,
                  &row->discharge_date, &kind);
  if (kind == DATE_YEAR)
    {
      add_problem (self, row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE,
                   value_of (self, sheet_row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE), TRUE, NULL,
                   _("End date: a year alone is not enough. Write the day as dd/mm/yyyy."));
      g_clear_pointer (&row->discharge_date, g_free);
    }
  else if (kind == DATE_DAY && strcmp (row->discharge_date, today) > 0)
    add_problem (self, row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE,
                 value_of (self, sheet_row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE), TRUE, NULL,
                 _("End date: the date is in the future. Leave it empty for someone still "
                   "staying."));
  else if (kind == DATE_DAY && row->reception_date != NULL &&
           strcmp (row->discharge_date, row->reception_date) < 0)
    add_problem (self, row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE,
                 value_of (self, sheet_row, SHELTER_IMPORT_FIELD_DISCHARGE_DATE), TRUE, NULL,
                 _("End date: it is before the reception date. Check both dates."));

  /* The intake's own rules, field after field. */
  for (guint pass = 0; pass < MAX_RULE_PASSES; pass++)
    {
      g_autoptr (GError) rule_error = NULL;
      ShelterImportField field;

      if (shelter_person_validate (person, now, &rule_error))
        break;
      if (rule_error->domain != SHELTER_FIELD_ERROR)
        {
          row_free (row);
          g_propagate_error (error, g_steal_pointer (&rule_error));
          return NULL;
        }
      field = import_field_for (self, rule_error->code);
      /* A sex or type already reported is not reported twice. */
      if (!(row->blocked && (rule_error->code == SHELTER_FIELD_SEX ||
                             rule_error->code == SHELTER_FIELD_PERSON_TYPE)))
        {
          guint column = column_of (self, field);

          add_problem (self, row, field, column != G_MAXUINT ? cell_at (self, sheet_row, column) : NULL,
                       TRUE, NULL, "%s", rule_error->message);
        }
      row->blocked = TRUE;
      neutralise (person, rule_error->code);
    }
  return row;
}

/* ---- Matches ---------------------------------------------------------------------- */

static char *
name_key (const char *family,
          const char *middle,
          const char *given,
          const char *birth_date,
          const char *province)
{
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (birth_date == NULL || strlen (birth_date) < 4 || province == NULL || given == NULL)
    return NULL;
  name = g_strjoin (" ", family ? family : "", middle ? middle : "", given, NULL);
  folded = shelter_text_fold (name);
  return g_strdup_printf ("%s|%.4s|%s", folded, birth_date, province);
}

/* The keys a row or a person is known by: the ID number, and the name, birth year and
 * each province (residence or hometown). */
static void
keys_of (const char *id_number,
         const char *family,
         const char *middle,
         const char *given,
         const char *birth_date,
         const char *home_province,
         const char *origin_province,
         char       *keys[3])
{
  keys[0] = id_number ? g_strconcat ("id|", id_number, NULL) : NULL;
  keys[1] = name_key (family, middle, given, birth_date, home_province);
  keys[2] = name_key (family, middle, given, birth_date, origin_province);
}

/* The person on record whom key @k of a row names (0: the ID number, 1 and 2: the name,
 * birth year and one province), remembered in self->known; NULL when nobody or on error. */
static ShelterImportKnownPerson *
find_known (ShelterImport  *self,
            ShelterPerson  *p,
            guint           k,
            GError        **error)
{
  ShelterDb *db = shelter_session_get_db (self->session);
  g_autoptr (ShelterImportKnownPerson) found = NULL;
  ShelterImportKnownPerson *known;
  const char *birth_date = shelter_person_get_birth_date (p);
  const char *province = k == 1 ? shelter_person_get_home_province_code (p)
                                : shelter_person_get_origin_province_code (p);

  if (k == 0)
    found = shelter_import_store_find_by_id_number (db, shelter_person_get_id_number (p), error);
  else
    {
      g_autofree char *name = g_strjoin (" ", shelter_person_get_family_name (p) ?: "",
                                         shelter_person_get_middle_name (p) ?: "",
                                         shelter_person_get_given_name (p), NULL);
      g_autofree char *folded = shelter_text_fold (name);

      found = shelter_import_store_find_by_name (db, folded,
                                                 (int) g_ascii_strtoll (birth_date, NULL, 10),
                                                 province, error);
    }
  if (found == NULL)
    return NULL;
  if ((known = g_hash_table_lookup (self->known, &found->id)) != NULL)
    return known;
  known = g_steal_pointer (&found);
  g_hash_table_insert (self->known, &known->id, known);
  return known;
}

/* Each row that is not blocked against the people on record, looked up by its keys through
 * the database's indexes, then against the rows above it. */
static gboolean
find_matches (ShelterImport  *self,
              GError        **error)
{
  g_autoptr (GHashTable) earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean may_see_protected = shelter_session_may (self->session,
                                                    SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);

  g_clear_pointer (&self->known, g_hash_table_unref);
  self->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) shelter_import_known_person_free);
  for (guint r = 0; r < self->rows->len; r++)
    {
      ShelterImportRow *row = g_ptr_array_index (self->rows, r);
      ShelterPerson *p = row->person;
      char *keys[3];

      row->match = SHELTER_IMPORT_MATCH_NONE;
      if (row->blocked)
        continue;
      keys_of (shelter_person_get_id_number (p), shelter_person_get_family_name (p),
               shelter_person_get_middle_name (p), shelter_person_get_given_name (p),
               shelter_person_get_birth_date (p), shelter_person_get_home_province_code (p),
               shelter_person_get_origin_province_code (p), keys);
      for (guint k = 0; k < 3 && row->match == SHELTER_IMPORT_MATCH_NONE; k++)
        {
          g_autoptr (GError) local_error = NULL;
          ShelterImportKnownPerson *person;
          gpointer earlier_index;

          if (keys[k] == NULL)
            continue;
          if ((person = find_known (self, p, k, &local_error)) != NULL)
            {
              row->match = SHELTER_IMPORT_MATCH_PERSON;
              row->match_person_id = person->id;
              row->match_case_code = g_strdup (person->case_code);
              if (!person->high_protection || may_see_protected)
                row->match_name = g_strjoin (" ", person->family_name, person->middle_name,
                                             person->given_name, NULL);
              if (row->match_name != NULL)
                {
                  g_autofree char *clean = shelter_text_clean (row->match_name, NULL);
                  g_free (row->match_name);
                  row->match_name = g_steal_pointer (&clean);
                }
            }
          else if (local_error != NULL)
            {
              for (guint j = 0; j < 3; j++)
                g_free (keys[j]);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          else if (g_hash_table_lookup_extended (earlier, keys[k], NULL, &earlier_index))
            {
              ShelterImportRow *first = g_ptr_array_index (self->rows, GPOINTER_TO_UINT (earlier_index));

              row->match = SHELTER_IMPORT_MATCH_EARLIER_ROW;
              row->match_line = first->line;
            }
          if (row->match != SHELTER_IMPORT_MATCH_NONE)
            row->match_reason = k == 0 ? SHELTER_IMPORT_MATCH_BY_ID_NUMBER
                                       : SHELTER_IMPORT_MATCH_BY_NAME;
        }
      for (guint k = 0; k < 3; k++)
        if (keys[k] != NULL && !g_hash_table_contains (earlier, keys[k]))
          g_hash_table_insert (earlier, keys[k], GUINT_TO_POINTER (r));
        else
          g_free (keys[k]);
      row->choice = SHELTER_IMPORT_SKIP;
    }
  return TRUE;
}

gboolean
shelter_import_check (ShelterImport  *self,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!shelter_session_check (self->session, SHELTER_PERMISSION_IMPORT, error) ||
      !load_references (self, error))
    return FALSE;
  now = shelter_session_now (self->session);
  today = g_date_time_format (now, "%Y-%m-%d");

  invalidate_check (self);
  for (guint r = self->header_index == G_MAXUINT ? 0 : self->header_index + 1;
       r < self->sheet->rows->len; r++)
    {
      g_autoptr (GError) local_error = NULL;
      ShelterImportRow *row;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          invalidate_check (self);
          return FALSE;
        }
      row = check_row (self, r, now, today, &local_error);
      if (local_error != NULL)
        {
          invalidate_check (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (row != NULL)
        g_ptr_array_add (self->rows, row);
    }
  if (!find_matches (self, error))
    {
      invalidate_check (self);
      return FALSE;
    }
  self->checked = TRUE;
  return TRUE;
}

guint
shelter_import_get_n_rows (ShelterImport *self)
{
  return self->rows->len;
}

const ShelterImportRow *
shelter_import_get_row (ShelterImport *self,
                        guint          index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

static ShelterImportKnownPerson *
known_person (ShelterImport *self,
              gint64         id)
{
  return self->known != NULL ? g_hash_table_lookup (self->known, &id) : NULL;
}

gboolean
shelter_import_set_choice (ShelterImport        *self,
                           guint                 index,
                           ShelterImportChoice   choice,
                           GError              **error)
{
  ShelterImportRow *row;

  g_return_val_if_fail (index < self->rows->len, FALSE);
  row = g_ptr_array_index (self->rows, index);
  g_return_val_if_fail (row->match != SHELTER_IMPORT_MATCH_NONE, FALSE);

  if (choice == SHELTER_IMPORT_NEW_STAY && row->match == SHELTER_IMPORT_MATCH_PERSON)
    {
      ShelterImportKnownPerson *person = known_person (self, row->match_person_id);

      if (person != NULL && person->last_admitted_at != NULL && person->last_discharged_at == NULL)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE,
                       _("Row %u: the person with case code %s is staying at the centre now; a "
                         "new stay cannot begin before that one ends."),
                       row->line, row->match_case_code);
          return FALSE;
        }
      if (person != NULL && person->last_discharged_at != NULL && row->reception_date != NULL &&
          strncmp (person->last_discharged_at, row->reception_date, 10) >= 0)
        {
          g_autofree char *ended = shelter_text_format_date (person->last_discharged_at);

          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("Row %u: the last stay of the person with case code %s ended on %s, "
                         "not before this reception. Check the reception date."),
                       row->line, row->match_case_code, ended);
          return FALSE;
        }
    }
  else if (choice == SHELTER_IMPORT_NEW_STAY)
    {
      ShelterImportRow *first = NULL;

      for (guint i = 0; i < index && first == NULL; i++)
        if (((ShelterImportRow *) g_ptr_array_index (self->rows, i))->line == row->match_line)
          first = g_ptr_array_index (self->rows, i);
      if (first == NULL || first->discharge_date == NULL || row->reception_date == NULL ||
          strcmp (first->discharge_date, row->reception_date) >= 0)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("Row %u: the stay of row %u has no end date before this reception, so "
                         "this row cannot be a later stay of the same person."),
                       row->line, row->match_line);
          return FALSE;
        }
    }
  row->choice = choice;
  return TRUE;
}

static gboolean
row_is_written (ShelterImportRow *row)
{
  return !row->blocked &&
         (row->match == SHELTER_IMPORT_MATCH_NONE || row->choice == SHELTER_IMPORT_NEW_STAY);
}

void
shelter_import_count (ShelterImport       *self,
                      ShelterImportResult *expected,
                      guint               *n_blocked,
                      guint               *n_matches)
{
  ShelterImportResult counts = { 0, };
  guint blocked = 0, matches = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ShelterImportRow *row = g_ptr_array_index (self->rows, i);

      blocked += row->blocked ? 1 : 0;
      matches += row->match != SHELTER_IMPORT_MATCH_NONE ? 1 : 0;
      if (!row_is_written (row))
        counts.n_skipped++;
      else
        {
          counts.n_stays++;
          counts.n_people += row->match == SHELTER_IMPORT_MATCH_NONE ? 1 : 0;
        }
    }
  if (expected != NULL)
    *expected = counts;
  if (n_blocked != NULL)
    *n_blocked = blocked;
  if (n_matches != NULL)
    *n_matches = matches;
}

/* ---- Running ---------------------------------------------------------------------- */

static ShelterPerson *
copy_person (ShelterPerson *person)
{
  g_autofree GParamSpec **specs = NULL;
  ShelterPerson *copy = shelter_person_new ();
  guint n;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (person), &n);
  for (guint i = 0; i < n; i++)
    if ((specs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
        !(specs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_value_init (&value, specs[i]->value_type);
        g_object_get_property (G_OBJECT (person), specs[i]->name, &value);
        g_object_set_property (G_OBJECT (copy), specs[i]->name, &value);
      }
  return copy;
}

gboolean
shelter_import_run (ShelterImport        *self,
                    GCancellable         *cancellable,
                    ShelterImportResult  *result,
                    GError              **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree gint64 *person_ids = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterImportResult expected, done = { 0, };
  ShelterStamp stamp;
  ShelterDb *db;
  guint failed_line = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!shelter_session_check (self->session, SHELTER_PERMISSION_IMPORT, error))
    return FALSE;
  if (!self->checked && !shelter_import_check (self, cancellable, error))
    return FALSE;
  shelter_import_count (self, &expected, NULL, NULL);
  if (expected.n_stays == 0)
    return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                                _("Nothing to import: every row has a problem or is skipped. "
                                  "Correct the file or choose new stays for the matches."));

  db = shelter_session_get_db (self->session);
  now = shelter_session_now (self->session);
  at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (self->session);
  stamp.at = at;
  person_ids = g_new0 (gint64, self->rows->len + 1);

  if (!shelter_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      ShelterImportRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr (ShelterPerson) person = NULL;
      g_autoptr (ShelterStay) stay = NULL;
      g_autofree char *admitted_at = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto failed;
      if (!row_is_written (row))
        {
          done.n_skipped++;
          continue;
        }
      if (row->match == SHELTER_IMPORT_MATCH_NONE)
        person = copy_person (row->person);
      else
        {
          gint64 id = row->match_person_id;

          if (row->match == SHELTER_IMPORT_MATCH_EARLIER_ROW)
            {
              id = 0;
              for (guint e = 0; e < i && id == 0; e++)
                if (((ShelterImportRow *) g_ptr_array_index (self->rows, e))->line == row->match_line)
                  id = person_ids[e];
              if (id == 0)
                {
                  /* The earlier row was left out: so is its later stay. */
                  done.n_skipped++;
                  continue;
                }
            }
          person = shelter_person_store_get (db, id, &local_error);
          if (person == NULL)
            { failed_line = row->line; goto failed; }
        }

      admitted_at = g_strconcat (row->reception_date, DAY_START, NULL);
      stay = _shelter_admit_unplaced (self->session, person, admitted_at, &stamp, &local_error);
      if (stay == NULL)
        { failed_line = row->line; goto failed; }
      if (row->discharge_date != NULL)
        {
          g_autofree char *discharged_at = g_strconcat (row->discharge_date, DAY_START, NULL);

          shelter_stay_set_discharged_at (stay, discharged_at);
          /* The spreadsheet does not say why: the reason is "other", to be corrected on
           * the resident's page. */
          shelter_stay_set_discharge_reason (stay, "other");
          if (!shelter_stay_store_discharge (db, stay, &stamp, &local_error))
            { failed_line = row->line; goto failed; }
        }
      person_ids[i] = shelter_person_get_id (person);
      done.n_stays++;
      done.n_people += row->match == SHELTER_IMPORT_MATCH_NONE ? 1 : 0;
    }

  details = g_strdup_printf ("file: %s\nchecksum: %s\npeople: %u\nstays: %u\nskipped: %u",
                             self->file_name, self->sheet->checksum, done.n_people, done.n_stays,
                             done.n_skipped);
  if (!shelter_audit_record (self->session, at, "import", "import", 0, details, &local_error))
    goto failed;
  if (!shelter_db_commit (db, error))
    return FALSE;
  if (result != NULL)
    *result = done;
  return TRUE;

failed:
  shelter_db_rollback (db);
  if (failed_line > 0)
    g_prefix_error (&local_error, _("Nothing was imported: row %u: "), failed_line);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
