/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "shelter-import.h"
#include "shelter-placement.h"
#include "shelter-reference.h"
#include "test-common.h"

#define HEADER "STT|Họ và tên|Ngày sinh|Giới tính|Dân tộc|Quê quán|Tỉnh|Xã/Phường|Số CCCD|" \
               "Điện thoại|Ngày tiếp nhận|Đối tượng|Ghi chú"

static void
sheet_row_free (gpointer data)
{
  ShelterSheetRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

/* A sheet as the readers give it, from lines whose cells are separated by '|'. */
static ShelterSheet *
sheet_new (const char * const *lines)
{
  ShelterSheet *sheet = g_new0 (ShelterSheet, 1);

  sheet->format = SHELTER_SHEET_CSV;
  sheet->sheet_name = g_strdup ("danh-sach.csv");
  sheet->sheet_names = g_strsplit ("danh-sach.csv", "|", -1);
  sheet->encoding = g_strdup ("UTF-8");
  sheet->delimiter = ',';
  sheet->rows = g_ptr_array_new_with_free_func (sheet_row_free);
  g_strlcpy (sheet->checksum, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             sizeof sheet->checksum);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      ShelterSheetRow *row = g_new0 (ShelterSheetRow, 1);
      g_auto (GStrv) cells = g_strsplit (lines[i], "|", -1);

      row->line = i + 1;
      row->cells = g_ptr_array_new_with_free_func (g_free);
      for (guint c = 0; cells[c] != NULL; c++)
        g_ptr_array_add (row->cells, g_strdup (cells[c]));
      sheet->n_columns = MAX (sheet->n_columns, row->cells->len);
      g_ptr_array_add (sheet->rows, row);
    }
  return sheet;
}

static ShelterImport *
import_lines (ShelterSession     *session,
              const char * const *lines)
{
  g_autoptr (GError) error = NULL;
  ShelterImport *import = shelter_import_new_for_sheet (session, sheet_new (lines), "danh-sach.csv",
                                                        &error);

  g_assert_no_error (error);
  shelter_import_check (import, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static ShelterPerson *
person_by_case_code (ShelterDb  *db,
                     const char *case_code)
{
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_person_store_find_by_case_code (db, case_code, &error);
  ShelterPerson *person;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  person = shelter_person_store_get (db, id, &error);
  g_assert_no_error (error);
  return person;
}

static const ShelterImportProblem *
find_problem (const ShelterImportRow *row,
              const char             *header)
{
  for (guint i = 0; i < row->problems->len; i++)
    {
      const ShelterImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (g_strcmp0 (problem->header, header) == 0)
        return problem;
    }
  return NULL;
}

static void
test_stored_values (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *lines[] = {
    "DANH SÁCH ĐỐI TƯỢNG",
    HEADER,
    "1|Nguyễn Thị Mai|03/05/1990|Nữ|H'Mông|Nghe An|Hà Nội|Phường Ba Đình|1090012345|912345678|"
      "15/10/2026|Nạn nhân|đã về quê",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  const ShelterImportRow *row;
  ShelterImportResult result;
  gboolean notes_told = FALSE;

  g_assert_cmpuint (shelter_import_get_header_line (import), ==, 2);
  g_assert_cmpint (shelter_import_get_column_field (import, 0), ==, SHELTER_IMPORT_FIELD_NONE);
  g_assert_cmpint (shelter_import_get_column_field (import, 1), ==, SHELTER_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (shelter_import_get_column_field (import, 5), ==,
                   SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE);
  g_assert_cmpint (shelter_import_get_column_field (import, 7), ==,
                   SHELTER_IMPORT_FIELD_HOME_COMMUNE);
  g_assert_cmpint (shelter_import_get_column_field (import, 10), ==,
                   SHELTER_IMPORT_FIELD_RECEPTION_DATE);
  g_assert_cmpint (shelter_import_get_column_field (import, 12), ==, SHELTER_IMPORT_FIELD_NOTES);
  notes = shelter_import_dup_mapping_notes (import);
  for (guint i = 0; i < notes->len; i++)
    notes_told = notes_told || strstr (g_ptr_array_index (notes, i), "Ghi chú") != NULL;
  g_assert_true (notes_told);

  g_assert_cmpuint (shelter_import_get_n_rows (import), ==, 1);
  row = shelter_import_get_row (import, 0);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_false (row->blocked);
  /* The zeros of the ID number and the phone, given back and said. */
  g_assert_cmpstr (find_problem (row, "Số CCCD")->stored, ==, "001090012345");
  g_assert_cmpstr (find_problem (row, "Điện thoại")->stored, ==, "0912345678");

  shelter_import_run (import, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_people, ==, 1);
  g_assert_cmpuint (result.n_stays, ==, 1);
  g_assert_cmpuint (result.n_skipped, ==, 0);

  person = person_by_case_code (db, "2026-0001");
  g_assert_cmpstr (shelter_person_get_family_name (person), ==, "Nguyễn");
  g_assert_cmpstr (shelter_person_get_middle_name (person), ==, "Thị");
  g_assert_cmpstr (shelter_person_get_given_name (person), ==, "Mai");
  g_assert_cmpstr (shelter_person_get_birth_date (person), ==, "1990-05-03");
  g_assert_cmpstr (shelter_person_get_birth_precision (person), ==, "day");
  g_assert_cmpstr (shelter_person_get_sex (person), ==, "female");
  g_assert_cmpstr (shelter_person_get_ethnicity_scheme (person), ==, SHELTER_ETHNICITY_SCHEME);
  g_assert_cmpstr (shelter_person_get_ethnicity_code (person), ==, "08");
  g_assert_cmpstr (shelter_person_get_origin_scheme (person), ==, SHELTER_ADDRESS_SCHEME);
  g_assert_cmpstr (shelter_person_get_origin_province_code (person), ==, "40");
  g_assert_cmpstr (shelter_person_get_home_scheme (person), ==, SHELTER_ADDRESS_SCHEME);
  g_assert_cmpstr (shelter_person_get_home_province_code (person), ==, "01");
  g_assert_cmpstr (shelter_person_get_home_commune_code (person), ==, "00004");
  g_assert_cmpstr (shelter_person_get_id_paper (person), ==, "cccd");
  g_assert_cmpstr (shelter_person_get_id_number (person), ==, "001090012345");
  g_assert_cmpstr (shelter_person_get_phone (person), ==, "0912345678");
  g_assert_cmpstr (shelter_person_get_person_type (person), ==, "victim");
  g_assert_cmpstr (shelter_person_get_nationality_status (person), ==, "citizen");
  g_assert_cmpstr (shelter_person_get_nationality (person), ==, "VN");

  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay WHERE admitted_at = "
                                   "'2026-10-15T00:00:00+07:00' AND discharged_at IS NULL"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM placement"), ==, 0);
  /* Found by the search as any person received at the desk. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person_search WHERE person_search "
                                   "MATCH 'nguyen thi mai'"), ==, 1);
  /* One entry for the whole file, none per person. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                   "entity = 'import' AND details = 'file: danh-sach.csv\nchecksum: "
                                   "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                                   "\npeople: 1\nstays: 1\nskipped: 0'"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'admit'"), ==, 0);

  /* Still staying and in no room yet: the desk places her with Move to Another Room. */
  {
    gint64 room = test_add_room (session, "A101", "female", "any", 4);
    g_autoptr (ShelterStay) stay = shelter_stay_store_get_open (db, shelter_person_get_id (person),
                                                                &error);

    g_assert_no_error (error);
    g_assert_nonnull (stay);
    g_assert_true (shelter_move_resident (session, shelter_stay_get_id (stay), room, NULL,
                                          "Bố trí chỗ ở sau khi nhập danh sách", NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (test_count (db, "SELECT count(*) FROM placement WHERE ended_at IS NULL"),
                     ==, 1);
  }
}

/* The birth dates of @cells (one a row) as the check reads them: "YYYY-MM-DD/precision"
 * or "refused: <header>". */
static void
assert_births (ShelterSession     *session,
               const char * const *cells,
               const char * const *expected)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ShelterImport) import = NULL;

  g_ptr_array_add (lines, g_strdup ("Họ và tên|Giới tính|Ngày sinh|Ngày tiếp nhận"));
  for (guint i = 0; cells[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup_printf ("Lò Thị Mai %c|Nữ|%s|01/11/2026", 'A' + i, cells[i]));
  g_ptr_array_add (lines, NULL);
  import = import_lines (session, (const char * const *) lines->pdata);
  g_assert_cmpuint (shelter_import_get_n_rows (import), ==, g_strv_length ((char **) cells));
  for (guint i = 0; cells[i] != NULL; i++)
    {
      const ShelterImportRow *row = shelter_import_get_row (import, i);
      g_autofree char *got = NULL;

      if (row->blocked)
        {
          const ShelterImportProblem *problem = g_ptr_array_index (row->problems, 0);
          got = g_strdup_printf ("refused: %s", problem->header);
        }
      else
        got = g_strdup_printf ("%s/%s", shelter_person_get_birth_date (row->person),
                               shelter_person_get_birth_precision (row->person));
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_date_forms (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *cells[] = {
    "03/05/1990", "3/5/1990", "1/2/95", "01/02/05", "1/2/30", "1990", "1990-06-07",
    "1990-06-07 00:00:00", "32874", "31/02/1990", "12/25/1990", "hôm qua", "3.5.1990", NULL,
  };
  const char *expected[] = {
    "1990-05-03/day", "1990-05-03/day", "1995-02-01/day", "2005-02-01/day", "1930-02-01/day",
    "1990/year", "1990-06-07/day", "1990-06-07/day", "1990-01-01/day", "refused: Ngày sinh",
    "refused: Ngày sinh", "refused: Ngày sinh", "1990-05-03/day",
  };

  assert_births (session, cells, expected);
}

static void
test_refused_dates_name_their_column (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày sinh|Ngày tiếp nhận",
    "Lò Thị Mai|Nữ|31/02/1990|01/11/2026",
    "Lò Thị Hoa|Nữ|01/02/1990|23/11/2026",
    "Lò Thị Lan|Nữ|01/02/1990|22/11/2026",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  g_autoptr (GError) error = NULL;
  const ShelterImportRow *row;
  const ShelterImportProblem *problem;
  ShelterImportResult result;

  row = shelter_import_get_row (import, 0);
  g_assert_true (row->blocked);
  problem = find_problem (row, "Ngày sinh");
  g_assert_nonnull (problem);
  g_assert_true (problem->blocking);
  g_assert_cmpstr (problem->value, ==, "31/02/1990");
  g_assert_nonnull (strstr (problem->message, "not a real date"));
  g_assert_null (problem->stored);

  row = shelter_import_get_row (import, 1);
  g_assert_true (row->blocked);
  problem = find_problem (row, "Ngày tiếp nhận");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "future"));

  /* Today is not the future. */
  g_assert_false (shelter_import_get_row (import, 2)->blocked);

  shelter_import_run (import, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_people, ==, 1);
  g_assert_cmpuint (result.n_skipped, ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, 1);
}

static void
test_sexes (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *values[] = { "Nam", "Nữ", "nu", "M", "F", "Male", "Female", "1", "0", "2", "x", NULL };
  const char *expected[] = { "male", "female", "female", "male", "female", "male", "female",
                             "male", "female", "female", NULL };
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ShelterImport) import = NULL;

  g_ptr_array_add (lines, g_strdup ("Full name|Sex|Admission date"));
  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup_printf ("Vừ A Páo %c|%s|01/11/2026", 'A' + i, values[i]));
  g_ptr_array_add (lines, NULL);
  import = import_lines (session, (const char * const *) lines->pdata);
  for (guint i = 0; values[i] != NULL; i++)
    {
      const ShelterImportRow *row = shelter_import_get_row (import, i);

      if (expected[i] == NULL)
        {
          g_assert_true (row->blocked);
          g_assert_nonnull (find_problem (row, "Sex"));
        }
      else
        {
          g_assert_false (row->blocked);
          g_assert_cmpstr (shelter_person_get_sex (row->person), ==, expected[i]);
        }
    }
}

static void
test_name_split (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày tiếp nhận",
    "Mai|Nữ|01/11/2026",
    "Lò   Mai|Nữ|01/11/2026",
    "Nguyễn Thị Thu Hà|Nữ|01/11/2026",
    "H'Hen Niê|Nữ|01/11/2026",
    "Nguyễn 2 Hà|Nữ|01/11/2026",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  ShelterPerson *p;

  p = shelter_import_get_row (import, 0)->person;
  g_assert_null (shelter_person_get_family_name (p));
  g_assert_cmpstr (shelter_person_get_given_name (p), ==, "Mai");
  p = shelter_import_get_row (import, 1)->person;
  g_assert_cmpstr (shelter_person_get_family_name (p), ==, "Lò");
  g_assert_null (shelter_person_get_middle_name (p));
  g_assert_cmpstr (shelter_person_get_given_name (p), ==, "Mai");
  p = shelter_import_get_row (import, 2)->person;
  g_assert_cmpstr (shelter_person_get_family_name (p), ==, "Nguyễn");
  g_assert_cmpstr (shelter_person_get_middle_name (p), ==, "Thị Thu");
  g_assert_cmpstr (shelter_person_get_given_name (p), ==, "Hà");
  p = shelter_import_get_row (import, 3)->person;
  g_assert_cmpstr (shelter_person_get_family_name (p), ==, "H'Hen");
  g_assert_cmpstr (shelter_person_get_given_name (p), ==, "Niê");
  /* The intake's rule on names, named on the name column. */
  g_assert_true (shelter_import_get_row (import, 4)->blocked);
  g_assert_nonnull (find_problem (shelter_import_get_row (import, 4), "Họ và tên"));
}

static void
test_provinces_in_words (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *lines[] = {
    "Họ và tên|Giới tính|Tỉnh|Dân tộc|Ngày tiếp nhận",
    "Lò Thị A|Nữ|ha noi|Kinh|01/11/2026",
    "Lò Thị B|Nữ|Thành phố Hồ Chí Minh|dân tộc Tày|01/11/2026",
    "Lò Thị C|Nữ|TỈNH HÀ GIANG|Mông|01/11/2026",
    "Lò Thị D|Nữ|Atlantis|Elf|01/11/2026",
    "Lò Thị E|Nữ|Xã Lũng Cú, huyện Đồng Văn, tỉnh Hà Giang|Ê Đê|01/11/2026",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  ShelterPerson *p;
  const ShelterImportRow *row;

  p = shelter_import_get_row (import, 0)->person;
  g_assert_cmpstr (shelter_person_get_home_province_code (p), ==, "01");
  g_assert_cmpstr (shelter_person_get_ethnicity_code (p), ==, "01");
  p = shelter_import_get_row (import, 1)->person;
  g_assert_cmpstr (shelter_person_get_home_province_code (p), ==, "79");
  g_assert_cmpstr (shelter_person_get_ethnicity_code (p), ==, "02");
  /* A province of the 63 only, kept in the scheme of older papers. */
  p = shelter_import_get_row (import, 2)->person;
  g_assert_cmpstr (shelter_person_get_home_scheme (p), ==, SHELTER_LEGACY_ADDRESS_SCHEME);
  g_assert_cmpstr (shelter_person_get_home_province_code (p), ==, "02");
  g_assert_cmpstr (shelter_person_get_ethnicity_code (p), ==, "08");
  /* Not in the lists: not stored, said, and the row still imported. */
  row = shelter_import_get_row (import, 3);
  g_assert_false (row->blocked);
  g_assert_null (shelter_person_get_home_province_code (row->person));
  g_assert_nonnull (find_problem (row, "Tỉnh"));
  g_assert_nonnull (find_problem (row, "Dân tộc"));
  p = shelter_import_get_row (import, 4)->person;
  g_assert_cmpstr (shelter_person_get_home_province_code (p), ==, "02");
  g_assert_cmpstr (shelter_person_get_ethnicity_code (p), ==, "12");
}

/* An earlier stay of Lò Thị Mai, ended. */
static gint64
add_past_resident (ShelterSession *session)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female", "1990-05-03");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (session, "P1", "female", "adult", 4);

  shelter_person_set_id_paper (person, "cccd");
  shelter_person_set_id_number (person, "001190012345");
  shelter_person_set_home_scheme (person, SHELTER_ADDRESS_SCHEME);
  shelter_person_set_home_province_code (person, "01");
  stay = shelter_admit_person (session, person, room, "2025-01-01T08:00:00+07:00", &error);
  g_assert_no_error (error);
  shelter_discharge_stay (session, stay, "2025-03-01T08:00:00+07:00", "goals_reached", &error);
  g_assert_no_error (error);
  return shelter_person_get_id (person);
}

static void
test_matches (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 mai = add_past_resident (session);
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày sinh|Tỉnh|Số CCCD|Ngày tiếp nhận|Ngày ra",
    /* The same ID number. */
    "Lò Thị Mai|Nữ|03/05/1990||001190012345|01/10/2026|",
    /* The same name, birth year and province, written without diacritics. */
    "LO THI MAI|Nữ|1990|Ha Noi||02/10/2026|",
    /* Twice in the file: the second row is a later stay of the first. */
    "Vàng Thị Dua|Nữ|2001|Lào Cai||01/01/2026|01/03/2026",
    "Vàng Thị Dua|Nữ|2001|Lào Cai||01/06/2026|",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  g_autoptr (GError) error = NULL;
  const ShelterImportRow *row;
  ShelterImportResult result;

  row = shelter_import_get_row (import, 0);
  g_assert_cmpint (row->match, ==, SHELTER_IMPORT_MATCH_PERSON);
  g_assert_cmpint (row->match_reason, ==, SHELTER_IMPORT_MATCH_BY_ID_NUMBER);
  g_assert_cmpint (row->match_person_id, ==, mai);
  g_assert_cmpstr (row->match_case_code, ==, "2025-0001");
  g_assert_cmpstr (row->match_name, ==, "Lò Thị Mai");
  g_assert_cmpint (row->choice, ==, SHELTER_IMPORT_SKIP);
  row = shelter_import_get_row (import, 1);
  g_assert_cmpint (row->match, ==, SHELTER_IMPORT_MATCH_PERSON);
  g_assert_cmpint (row->match_reason, ==, SHELTER_IMPORT_MATCH_BY_NAME);
  row = shelter_import_get_row (import, 2);
  g_assert_cmpint (row->match, ==, SHELTER_IMPORT_MATCH_NONE);
  row = shelter_import_get_row (import, 3);
  g_assert_cmpint (row->match, ==, SHELTER_IMPORT_MATCH_EARLIER_ROW);
  g_assert_cmpuint (row->match_line, ==, 4);

  /* Row 2 a re-admission, row 3 skipped (the default), row 5 the second stay of row 4. */
  shelter_import_set_choice (import, 0, SHELTER_IMPORT_NEW_STAY, &error);
  g_assert_no_error (error);
  shelter_import_set_choice (import, 3, SHELTER_IMPORT_NEW_STAY, &error);
  g_assert_no_error (error);
  shelter_import_run (import, NULL, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_people, ==, 1);
  g_assert_cmpuint (result.n_stays, ==, 3);
  g_assert_cmpuint (result.n_skipped, ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay s JOIN person p ON p.id = s.person_id "
                                   "WHERE p.given_name = 'Mai'"), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay s JOIN person p ON p.id = s.person_id "
                                   "WHERE p.given_name = 'Dua'"), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay WHERE discharged_at = "
                                   "'2026-03-01T00:00:00+07:00' AND discharge_reason = 'other'"), ==, 1);
}

/* A row finds a person whose hometown is the row's province, and a name corrected after
 * reception is found by its new form only: each row is looked up in the database. */
static void
test_matches_hometown_and_corrected_name (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  g_autoptr (ShelterPerson) do_ = test_person_new ("Hờ", "Thị", "Dợ", "female", "1995-02-14");
  g_autoptr (ShelterPerson) mai = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterImport) import = NULL;
  g_autoptr (GError) error = NULL;
  gint64 mai_id = add_past_resident (session);
  gint64 room = test_add_room (session, "P2", "female", "adult", 4);
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày sinh|Tỉnh|Ngày tiếp nhận|Ngày ra",
    /* Her hometown is Hà Nội, where this row says she lives. */
    "HO THI DO|Nữ|1995|Ha Noi|01/10/2026|",
    /* Another year: somebody else. */
    "Hờ Thị Dợ|Nữ|1996|Hà Nội|01/10/2026|",
    /* Mai is Mây now. */
    "Lo Thi May|Nữ|1990|Hà Nội|02/10/2026|",
    "Lò Thị Mai|Nữ|1990|Hà Nội|03/10/2026|",
    NULL,
  };

  shelter_person_set_origin_scheme (do_, SHELTER_ADDRESS_SCHEME);
  shelter_person_set_origin_province_code (do_, "01");
  stay = shelter_admit_person (session, do_, room, "2026-01-05T08:00:00+07:00", &error);
  g_assert_no_error (error);
  mai = shelter_person_store_get (db, mai_id, &error);
  g_assert_no_error (error);
  shelter_person_set_given_name (mai, "Mây");
  g_assert_true (shelter_person_save (session, mai, NULL, &error));
  g_assert_no_error (error);

  import = import_lines (session, lines);
  g_assert_cmpint (shelter_import_get_row (import, 0)->match, ==, SHELTER_IMPORT_MATCH_PERSON);
  g_assert_cmpint (shelter_import_get_row (import, 0)->match_person_id, ==,
                   shelter_person_get_id (do_));
  g_assert_cmpint (shelter_import_get_row (import, 0)->match_reason, ==,
                   SHELTER_IMPORT_MATCH_BY_NAME);
  g_assert_cmpint (shelter_import_get_row (import, 1)->match, ==, SHELTER_IMPORT_MATCH_NONE);
  g_assert_cmpint (shelter_import_get_row (import, 2)->match, ==, SHELTER_IMPORT_MATCH_PERSON);
  g_assert_cmpint (shelter_import_get_row (import, 2)->match_person_id, ==, mai_id);
  g_assert_cmpstr (shelter_import_get_row (import, 2)->match_name, ==, "Lò Thị Mây");
  g_assert_cmpint (shelter_import_get_row (import, 3)->match, ==, SHELTER_IMPORT_MATCH_NONE);

  /* Dợ is staying: a new stay for her is refused, from what the lookup found. */
  g_assert_false (shelter_import_set_choice (import, 0, SHELTER_IMPORT_NEW_STAY, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE);
}

static void
test_new_stay_refused_while_staying (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female", "1990-05-03");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày sinh|Số CCCD|Ngày tiếp nhận",
    "Lò Thị Mai|Nữ|03/05/1990|001190012345|01/10/2026",
    NULL,
  };
  g_autoptr (ShelterImport) import = NULL;

  shelter_person_set_id_paper (person, "cccd");
  shelter_person_set_id_number (person, "001190012345");
  stay = shelter_admit_person (session, person, test_add_room (session, "P1", "female", "adult", 2),
                               "2026-09-01T08:00:00+07:00", &error);
  g_assert_no_error (error);
  import = import_lines (session, lines);
  g_assert_false (shelter_import_set_choice (import, 0, SHELTER_IMPORT_NEW_STAY, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE);
  g_assert_cmpint (shelter_import_get_row (import, 0)->choice, ==, SHELTER_IMPORT_SKIP);
}

static void
test_permission (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  const char *lines[] = { "Họ và tên|Giới tính|Ngày tiếp nhận", "Lò Thị Mai|Nữ|01/11/2026", NULL };
  const char *refused[] = { "caseworker", "medical", "counsellor" };
  const char *allowed[] = { "manager", "administrator", "operator" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ShelterSession) session = test_session_new (db, refused[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (ShelterImport) import = shelter_import_new_for_sheet (session, sheet_new (lines),
                                                                       "a.csv", &error);

      g_assert_null (import);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr (ShelterSession) session = test_session_new (db, allowed[i]);
      g_autoptr (ShelterImport) import = import_lines (session, lines);
      g_autoptr (GError) error = NULL;
      ShelterImportResult result;

      shelter_import_run (import, NULL, &result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (result.n_stays, ==, 1);
    }
  /* The administrator, who does not admit, imports all the same. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                   "actor = 'test.administrator'"), ==, 1);
}

static void
test_all_or_nothing (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 mai = add_past_resident (session);
  const char *lines[] = {
    "Họ và tên|Giới tính|Ngày sinh|Số CCCD|Ngày tiếp nhận",
    "Vàng Thị Dua|Nữ|2001||01/10/2026",
    "Lò Thị Mai|Nữ|03/05/1990|001190012345|01/10/2026",
    "Vàng Thị Sua|Nữ|2002||01/10/2026",
    NULL,
  };
  g_autoptr (ShelterImport) import = import_lines (session, lines);
  g_autoptr (ShelterImport) again = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gint64 people = test_count (db, "SELECT count(*) FROM person");
  gint64 stays = test_count (db, "SELECT count(*) FROM stay");
  gint64 entries = test_count (db, "SELECT count(*) FROM audit_log");

  shelter_import_set_choice (import, 1, SHELTER_IMPORT_NEW_STAY, &error);
  g_assert_no_error (error);
  /* Someone at the desk receives Mai again between the check and the run: the second row
   * fails after the first was written, and the first is undone with it. */
  person = shelter_person_store_get (db, mai, &error);
  g_assert_no_error (error);
  stay = shelter_admit_person (session, person, test_add_room (session, "P2", "female", "adult", 2),
                               "2026-11-01T08:00:00+07:00", &error);
  g_assert_no_error (error);
  stays++;
  entries = test_count (db, "SELECT count(*) FROM audit_log");

  g_assert_false (shelter_import_run (import, NULL, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE);
  g_assert_nonnull (strstr (error->message, "row 3"));
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay"), ==, stays);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log"), ==, entries);
  g_clear_error (&error);

  /* Cancelled: nothing either, and the case codes are not used up. */
  again = import_lines (session, lines);
  g_cancellable_cancel (cancellable);
  g_assert_false (shelter_import_run (again, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log"), ==, entries);
  g_clear_error (&error);

  g_assert_true (shelter_import_run (again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person WHERE case_code = '2026-0001'"), ==, 1);
}

static void
test_mapping_file (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *lines[] = {
    "Tên đầy đủ|Phái|Vào ngày|Ghi chú",
    "Lò Thị Mai|Nữ|01/11/2026|x",
    NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterImport) import = shelter_import_new_for_sheet (session, sheet_new (lines),
                                                                   "a.csv", &error);

  g_assert_no_error (error);
  /* One recognised header is not a header row. */
  g_assert_cmpuint (shelter_import_get_header_line (import), ==, 0);
  g_assert_false (shelter_import_apply_mapping (import, "Column A=full_name\nColumn B=gender\n",
                                                &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_IMPORT_MAPPING);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_assert_cmpint (shelter_import_get_column_field (import, 0), ==, SHELTER_IMPORT_FIELD_NONE);

  g_assert_true (shelter_import_apply_mapping (import, "# mine\ncolumn a=full_name\n\n"
                                               "Column B = sex\nColumn C=reception_date\n", &error));
  g_assert_no_error (error);
  g_assert_true (shelter_import_check (import, NULL, &error));
  /* Without a header row the first line is data too. */
  g_assert_cmpuint (shelter_import_get_n_rows (import), ==, 2);
  g_assert_true (shelter_import_get_row (import, 0)->blocked);
  g_assert_false (shelter_import_get_row (import, 1)->blocked);
}

/* ---- Through the readers ------------------------------------------------------------- */

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = test_path (name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_file_imports (ShelterSession *session,
                     const char     *path,
                     const char     *given,
                     const char     *full_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterImport) import = shelter_import_open (session, path, NULL, NULL, &error);
  const ShelterImportRow *row;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  shelter_import_check (import, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shelter_import_get_n_rows (import), ==, 1);
  row = shelter_import_get_row (import, 0);
  g_assert_false (row->blocked);
  name = shelter_person_dup_full_name (row->person);
  g_assert_cmpstr (name, ==, full_name);
  g_assert_cmpstr (shelter_person_get_given_name (row->person), ==, given);
  g_assert_cmpstr (shelter_person_get_home_province_code (row->person), ==, "01");
  g_assert_cmpstr (shelter_person_get_sex (row->person), ==, "female");
  shelter_import_run (import, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_csv_encodings (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  const char *utf8 = "Họ và tên;Giới tính;Tỉnh;Ngày tiếp nhận\r\n"
                     "Nguyễn Thị Mai;Nữ;Hà Nội;01/11/2026\r\n";
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);
  g_autofree char *path = NULL;
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  g_autofree char *utf16_bytes = g_malloc (2 + n_units * 2);
  /* Typed with the .Vn fonts (TCVN3) and the VNI fonts, saved as Windows text. */
  const char *tcvn3 = "H\xE4 v\xB5 t\xAAn,Gi\xED\x69 t\xDDnh,T\xD8nh,Ng\xB5y ti\xD5p nh\xCBn\n"
                      "Nguy\xD4n Th\xDE Mai,N\xF7,H\xB5 N\xE9i,01/11/2026\n";
  const char *vni = "Ho\xEF va\xF8 te\xE2n,Gi\xF4\xF9i t\xED\x6Eh,T\xE6nh,Ngay tiep nhan\n"
                    "Nguye\xE3n Th\xF2 Mai,N\xF6\xF5,Ha\xF8 No\xE4i,01/11/2026\n";

  path = write_file ("utf8.csv", utf8, -1);
  assert_file_imports (session, path, "Mai", "Nguyễn Thị Mai");
  g_free (path);
  path = write_file ("bom.csv", bom, -1);
  assert_file_imports (session, path, "Mai", "Nguyễn Thị Mai");
  g_free (path);

  /* UTF-16 little-endian with its BOM, as Excel's "Unicode text" writes it. */
  utf16_bytes[0] = '\xFF';
  utf16_bytes[1] = '\xFE';
  for (glong i = 0; i < n_units; i++)
    {
      utf16_bytes[2 + 2 * i] = (char) (utf16[i] & 0xFF);
      utf16_bytes[3 + 2 * i] = (char) (utf16[i] >> 8);
    }
  path = write_file ("utf16.csv", utf16_bytes, 2 + n_units * 2);
  assert_file_imports (session, path, "Mai", "Nguyễn Thị Mai");
  g_free (path);

  path = write_file ("tcvn3.csv", tcvn3, -1);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterImport) import = shelter_import_open (session, path, NULL, NULL, &error);
    g_autoptr (GPtrArray) sample = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (shelter_import_get_encoding (import), ==, SHELTER_LEGACY_TCVN3);
    sample = shelter_import_dup_encoding_sample (import);
    g_assert_cmpuint (sample->len, >, 0);
    g_assert_cmpuint (sample->len, <=, 5);
    g_assert_cmpstr (((ShelterImportSample *) g_ptr_array_index (sample, 0))->after, ==, "Họ và tên");
    g_assert_cmpint (shelter_import_get_column_field (import, 0), ==, SHELTER_IMPORT_FIELD_FULL_NAME);

    /* Read as Unicode the header is no longer recognised; back to TCVN3 it is. */
    shelter_import_set_encoding (import, SHELTER_LEGACY_UNICODE);
    g_assert_cmpint (shelter_import_get_column_field (import, 0), ==, SHELTER_IMPORT_FIELD_NONE);
    shelter_import_set_encoding (import, SHELTER_LEGACY_TCVN3);
    g_assert_cmpint (shelter_import_get_column_field (import, 0), ==, SHELTER_IMPORT_FIELD_FULL_NAME);
  }
  assert_file_imports (session, path, "Mai", "Nguyễn Thị Mai");
  g_free (path);

  path = write_file ("vni.csv", vni, -1);
  assert_file_imports (session, path, "Mai", "Nguyễn Thị Mai");

  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person WHERE given_name = 'Mai' AND "
                                   "family_name = 'Nguyễn' AND middle_name = 'Thị'"), ==, 5);
}

static void
test_xlsx (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  g_autofree char *path = test_path ("danh-sach.xlsx");
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Danh sách");
  lxw_format *date = workbook_add_format (workbook);
  lxw_datetime born = { 1990, 5, 3, 0, 0, 0 };
  lxw_datetime received = { 2026, 10, 15, 0, 0, 0 };
  const char *headers[] = { "Họ và tên", "Ngày sinh", "Giới tính", "Tỉnh", "Số CCCD",
                            "Điện thoại", "Ngày tiếp nhận" };
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterImport) import = NULL;
  g_autoptr (ShelterPerson) person = NULL;

  format_set_num_format (date, "dd/mm/yyyy");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);
  worksheet_write_string (sheet, 1, 0, "Nguyễn Thị Mai", NULL);
  worksheet_write_datetime (sheet, 1, 1, &born, date);
  worksheet_write_string (sheet, 1, 2, "Nữ", NULL);
  worksheet_write_string (sheet, 1, 3, "Hà Nội", NULL);
  /* Numbers, as a careless column keeps them: the zeros are gone. */
  worksheet_write_number (sheet, 1, 4, 1090012345, NULL);
  worksheet_write_number (sheet, 1, 5, 912345678, NULL);
  worksheet_write_datetime (sheet, 1, 6, &received, date);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  import = shelter_import_open (session, path, NULL, NULL, &error);
  g_assert_no_error (error);
  shelter_import_run (import, NULL, NULL, &error);
  g_assert_no_error (error);
  person = person_by_case_code (db, "2026-0001");
  g_assert_cmpstr (shelter_person_get_given_name (person), ==, "Mai");
  g_assert_cmpstr (shelter_person_get_birth_date (person), ==, "1990-05-03");
  g_assert_cmpstr (shelter_person_get_id_number (person), ==, "001090012345");
  g_assert_cmpstr (shelter_person_get_phone (person), ==, "0912345678");
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay WHERE admitted_at = "
                                   "'2026-10-15T00:00:00+07:00'"), ==, 1);
}

static void
test_ten_thousand_rows (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  g_autoptr (GString) csv = g_string_new ("Họ và tên,Ngày sinh,Giới tính,Tỉnh,Ngày tiếp nhận\n");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterImport) import = NULL;
  ShelterImportResult result;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (csv, "Nguyễn Thị Số %c%c%c%c,%02u/%02u/%u,Nữ,Hà Nội,01/%02u/2025\n",
                            'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26, 'a' + i / 17576,
                            1 + i % 28, 1 + i % 12, 1960 + i % 40, 1 + i % 12);
  path = write_file ("big.csv", csv->str, csv->len);

  start = g_get_monotonic_time ();
  import = shelter_import_open (session, path, NULL, NULL, &error);
  g_assert_no_error (error);
  shelter_import_check (import, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("read and checked 10,000 rows in %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  shelter_import_run (import, NULL, &result, &error);
  g_assert_no_error (error);
  g_test_message ("imported 10,000 rows in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (result.n_people, ==, 10000);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM stay"), ==, 10000);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/import/stored-values", test_stored_values);
  g_test_add_func ("/app/import/date-forms", test_date_forms);
  g_test_add_func ("/app/import/refused-dates-name-their-column", test_refused_dates_name_their_column);
  g_test_add_func ("/app/import/sexes", test_sexes);
  g_test_add_func ("/app/import/name-split", test_name_split);
  g_test_add_func ("/app/import/provinces-in-words", test_provinces_in_words);
  g_test_add_func ("/app/import/matches", test_matches);
  g_test_add_func ("/app/import/matches-hometown-and-corrected-name",
                   test_matches_hometown_and_corrected_name);
  g_test_add_func ("/app/import/new-stay-refused-while-staying", test_new_stay_refused_while_staying);
  g_test_add_func ("/app/import/permission", test_permission);
  g_test_add_func ("/app/import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/app/import/mapping-file", test_mapping_file);
  g_test_add_func ("/app/import/csv-encodings", test_csv_encodings);
  g_test_add_func ("/app/import/xlsx", test_xlsx);
  g_test_add_func ("/app/import/ten-thousand-rows", test_ten_thousand_rows);
  return g_test_run ();
}
