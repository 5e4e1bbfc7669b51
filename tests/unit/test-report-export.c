/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shelter-ctl.h"
#include "shelter-reception.h"
#include "shelter-report-export.h"
#include "shelter-settings.h"
#include "shelter-statistics.h"
#include "test-common.h"

/* A small centre in the third quarter of 2026 (the approach of test-statistics.c, which
 * states every figure): An received 02/07 and discharged 15/08; Bình, born 01/08/2008,
 * received on her 18th birthday with two purposes; Chi, no birth date, received 05/07;
 * Dung received 20/06, before the quarter, still in care. The exports must show the
 * numbers shelter_statistics_compute() gives. */

#define HEAD "Nguyễn Văn Hùng"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *manager;
  ShelterSession *caseworker;
  gint64          room;
  ShelterPeriod   period;
  GPtrArray      *tables;
} Fixture;

static ShelterStay *
receive (Fixture       *fixture,
         ShelterPerson *person,
         const char    *day,
         const char   **purposes)
{
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("%sT10:00:00+07:00", day);
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  if (purposes != NULL)
    {
      shelter_intake_set_trafficking_purposes (intake, purposes);
      shelter_intake_set_trafficking_scope (intake, "domestic");
    }
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room, at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *two[] = { "sexual_exploitation", "forced_labour", NULL };
  g_autoptr (ShelterPerson) an = test_person_new ("Lò", "Thị", "An", "female", "1990-01-01");
  g_autoptr (ShelterPerson) binh = test_person_new ("Hà", "Thị", "Bình", "female",
                                                    "2008-08-01");
  g_autoptr (ShelterPerson) chi = test_person_new ("Vàng", "Thị", "Chi", "female", NULL);
  g_autoptr (ShelterPerson) dung = test_person_new ("Sùng", "Thị", "Dung", "female",
                                                    "1998-03-04");
  g_autoptr (ShelterStay) an_stay = NULL;
  g_autoptr (ShelterStay) binh_stay = NULL;
  g_autoptr (ShelterStay) chi_stay = NULL;
  g_autoptr (ShelterStay) dung_stay = NULL;
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterSession) admin = NULL;
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-01-01T08:00:00+07:00" };

  fixture->db = test_db_new ();
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  admin = test_session_new (fixture->db, "administrator");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội thử nghiệm");
  shelter_centre_set_province_scheme (centre, "2025");
  shelter_centre_set_province_code (centre, "01");
  shelter_centre_set_head_name (centre, HEAD);
  g_assert_true (shelter_centre_store_save (fixture->db, centre, &stamp, &error));
  g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_MANAGING_AGENCY,
                                       "Sở Y tế thành phố Hà Nội", &error));
  g_assert_no_error (error);

  dung_stay = receive (fixture, dung, "2026-06-20", NULL);
  an_stay = receive (fixture, an, "2026-07-02", NULL);
  chi_stay = receive (fixture, chi, "2026-07-05", NULL);
  binh_stay = receive (fixture, binh, "2026-08-01", two);
  g_assert_true (shelter_discharge_stay (fixture->caseworker, an_stay,
                                         "2026-08-15T15:00:00+07:00", "own_request", &error));
  g_assert_no_error (error);

  g_assert_true (shelter_period_parse ("2026-Q3", "2026-11-22", &fixture->period, &error));
  fixture->tables = shelter_statistics_compute (fixture->manager, &fixture->period, FALSE,
                                                &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->tables, g_ptr_array_unref);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->db);
}

static ShelterStatTable *
table_named (GPtrArray  *tables,
             const char *code)
{
  for (guint i = 0; i < tables->len; i++)
    {
      ShelterStatTable *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->code, code))
        return table;
    }
  g_assert_not_reached ();
}

static gint64
count_exports (Fixture    *fixture,
               const char *entity)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = '%s'",
                     entity);

  return test_count (fixture->db, sql);
}

/* Whether the newest audit entry's details hold @needle, read as a user with sqlite3
 * would. */
static gboolean
last_details_has (Fixture    *fixture,
                  const char *needle)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM audit_log WHERE id = (SELECT max(id) FROM audit_log) "
                     "AND instr(details, '%s') > 0", needle);

  return test_count (fixture->db, sql) == 1;
}

/* Files in @folder (names), hidden ones included. */
static guint
count_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
fresh_folder (const char *name)
{
  char *folder = test_path (name);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  return folder;
}

static void
export_ok (Fixture             *fixture,
           ShelterReportFormat  format,
           const char          *path)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_report_export (fixture->manager, fixture->tables, &fixture->period,
                                        format, path, &error));
  g_assert_no_error (error);
}

static void
assert_private (const char *path)
{
  struct stat info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

/* ---- CSV lines as LibreOffice writes them ------------------------------------------- */

static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p != '\r')
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

/* The CSV that LibreOffice made of the sheet holding @table (found by its title). */
static char *
sheet_csv (const char             *folder,
           const ShelterStatTable *table)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_auto (GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".csv") ||
          !g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr (GPtrArray) fields = split_csv_line (lines[i]);

          if (g_str_equal (g_ptr_array_index (fields, 0), table->title))
            return g_steal_pointer (&contents);
        }
    }
  g_test_message ("No sheet of %s holds “%s”", folder, table->title);
  g_assert_not_reached ();
}

/* Every row of @table, the total too, as numbers in the sheet's CSV. */
static void
assert_sheet_matches (const char             *folder,
                      const ShelterStatTable *table)
{
  g_autofree char *csv = sheet_csv (folder, table);
  g_auto (GStrv) lines = g_strsplit (csv, "\n", -1);
  guint n_rows = table->rows->len + (table->total != NULL ? 1 : 0);
  guint found = 0;
  gboolean in_table = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) fields = split_csv_line (lines[i]);
      const char *label = g_ptr_array_index (fields, 0);
      const ShelterStatRow *row = NULL;

      if (g_str_equal (label, table->label_header))
        {
          in_table = TRUE;
          continue;
        }
      if (!in_table)
        continue;
      if (found < table->rows->len)
        row = g_ptr_array_index (table->rows, found);
      else
        row = table->total;
      g_assert_cmpstr (label, ==, row->label);
      g_assert_cmpuint (fields->len, >=, table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *text = g_ptr_array_index (fields, c + 1);
          char *end = NULL;
          gint64 value = g_ascii_strtoll (text, &end, 10);

          /* A number, not text: no thousands separator, nothing after it. */
          g_assert_true (end != text && *end == '\0');
          g_assert_cmpint (value, ==, row->cells[c]);
        }
      if (++found == n_rows)
        break;
    }
  g_assert_cmpuint (found, ==, n_rows);
}

static void
test_xlsx_opens_in_libreoffice (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *folder = fresh_folder ("xlsx");
  g_autofree char *out = fresh_folder ("xlsx-csv");
  g_autofree char *profile = test_path ("lo-profile");
  g_autofree char *profile_uri = NULL;
  g_autofree char *environment = NULL;
  g_autofree char *path = g_build_filename (folder, "bao-cao-q3.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  int status = -1;

  export_ok (fixture, SHELTER_REPORT_FORMAT_XLSX, path);
  assert_private (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));  /* a zip, as XLSX are */
  g_assert_cmpuint (count_files (folder), ==, 1);     /* no temporary file left */
  g_assert_cmpint (count_exports (fixture, "report"), ==, 1);
  g_assert_true (last_details_has (fixture, "2026-07-01..2026-09-30"));
  g_assert_true (last_details_has (fixture, "format: xlsx"));
  g_assert_false (last_details_has (fixture, "Bình"));

  if (soffice == NULL)
    {
      g_test_skip ("soffice (libreoffice-calc-nogui) is not installed: the workbook "
                   "cannot be opened to compare its numbers");
      return;
    }
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  environment = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  {
    const char *argv[] = {
      soffice, "--headless", "--norestore", environment, "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir", out, path, NULL,
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* One CSV a sheet, a sheet a table. */
  g_assert_cmpuint (count_files (out), ==, fixture->tables->len);
  assert_sheet_matches (out, table_named (fixture->tables, "summary"));
  assert_sheet_matches (out, table_named (fixture->tables, "received_by_age"));
  assert_sheet_matches (out, table_named (fixture->tables, "received_by_purpose"));
  assert_sheet_matches (out, table_named (fixture->tables, "bed_nights"));
  assert_sheet_matches (out, table_named (fixture->tables, "discharges_by_reason"));
}

static void
test_xlsx_suppressed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = test_path ("suppressed.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tables = shelter_statistics_compute (fixture->manager,
                                                             &fixture->period, TRUE, &error);

  g_assert_no_error (error);
  g_assert_true (shelter_report_export (fixture->manager, tables, &fixture->period,
                                        SHELTER_REPORT_FORMAT_XLSX, path, &error));
  g_assert_no_error (error);
  g_assert_true (last_details_has (fixture, "small counts hidden: yes"));
}

/* Runs @program with its arguments (NULL-terminated); returns what it printed. */
static char *
run_tool (const char *program,
          ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  char *out = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (gpointer) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = test_path ("bao-cao-q3.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  ShelterStatTable *age = table_named (fixture->tables, "received_by_age");
  gsize length;

  export_ok (fixture, SHELTER_REPORT_FORMAT_PDF, path);
  assert_private (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_true (last_details_has (fixture, "format: pdf"));

  /* What the paper says, before poppler reads it. */
  {
    ShelterPaper *paper = shelter_report_paper (fixture->manager, fixture->tables,
                                                &fixture->period);
    g_autofree char *plain = shelter_paper_dup_text (paper);

    shelter_paper_free (paper);
    g_assert_nonnull (strstr (plain, "SOCIALIST REPUBLIC OF VIETNAM"));
    g_assert_nonnull (strstr (plain, "REPORT\n"));
    g_assert_nonnull (strstr (plain, "quarter III of 2026"));
    g_assert_nonnull (strstr (plain, age->title));
    g_assert_nonnull (strstr (plain, "| 18–59 | 2\n"));   /* An and Bình */
    g_assert_cmpint (((ShelterStatRow *) g_ptr_array_index (age->rows, 2))->cells[0], ==, 2);
    g_assert_nonnull (strstr (plain, "HEAD OF CENTRE\n"));
    g_assert_nonnull (strstr (plain, HEAD "\n"));
    g_assert_null (strstr (plain, "Bình"));
  }

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = run_tool ("pdftotext", "-layout", path, "-", NULL);
  g_assert_nonnull (strstr (text, "SOCIALIST REPUBLIC OF VIETNAM"));
  g_assert_nonnull (strstr (text, "quarter III of 2026"));
  g_assert_nonnull (strstr (text, "TRUNG TÂM BẢO TRỢ"));   /* the heading, in capitals */
  g_assert_nonnull (strstr (text, age->title));
  g_assert_nonnull (strstr (text, HEAD));
  g_assert_null (strstr (text, "Bình"));
}

/* In Vietnamese, as the department reads it (when the locale and poppler are there). */
static void
test_pdf_vietnamese (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = test_path ("bao-cao-vi.pdf");
  g_autofree char *prefix = test_path ("trang");
  g_autofree char *first_page = g_strconcat (prefix, "-1.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  const char *localedir = g_getenv ("SHELTER_LOCALEDIR");
  g_autofree char *title = NULL;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  if (localedir == NULL || setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("No Vietnamese locale (build-aux/dev makes it)");
      return;
    }
  g_setenv ("LANGUAGE", "vi", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  export_ok (fixture, SHELTER_REPORT_FORMAT_PDF, path);
  /* "BÁO CÁO" once the catalogue has it (the vi-po-complete check sees to that). */
  title = g_strdup (_("REPORT"));
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);

  text = run_tool ("pdftotext", path, "-", NULL);
  g_assert_nonnull (strstr (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  g_assert_nonnull (strstr (text, title));
  if (g_str_equal (title, "REPORT"))
    g_test_message ("“REPORT” is not translated yet");
  g_assert_nonnull (strstr (text, "GIÁM ĐỐC"));
  g_assert_nonnull (strstr (text, HEAD));
  /* Page 1 renders. */
  g_free (run_tool ("pdftoppm", "-png", "-r", "30", "-singlefile", path, prefix, NULL));
  g_free (first_page);
  first_page = g_strconcat (prefix, ".png", NULL);
  g_assert_true (g_file_test (first_page, G_FILE_TEST_EXISTS));
}

/* Printing: the pages the print dialog asks for are those of the PDF, each drawn. */
static void
test_paginate (Fixture       *fixture,
               gconstpointer  data)
{
  ShelterPaper *paper = shelter_report_paper (fixture->manager, fixture->tables,
                                              &fixture->period);
  g_autofree char *path = test_path ("pages.pdf");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint pages, letter_pages;

  pages = shelter_paper_paginate (paper, cr, 595.276, 841.890);
  g_assert_cmpuint (pages, >=, 2);   /* twenty tables do not fit on one A4 page */
  letter_pages = shelter_paper_paginate (paper, cr, 612, 792);
  g_assert_cmpuint (letter_pages, >=, pages);   /* a shorter page, no fewer pages */
  pages = shelter_paper_paginate (paper, cr, 595.276, 841.890);
  for (guint page = 0; page < pages; page++)
    {
      guchar *pixels;
      gboolean ink = FALSE;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      shelter_paper_draw_page (paper, cr, page);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 842 && !ink; y++)
        for (int x = 0; x < 596 && !ink; x++)
          ink = (((guint32 *) (pixels + y * stride))[x] & 0xffffff) != 0xffffff;
      g_assert_true (ink);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  shelter_paper_free (paper);

  export_ok (fixture, SHELTER_REPORT_FORMAT_PDF, path);
  if (pdfinfo != NULL)
    {
      g_autofree char *info = run_tool ("pdfinfo", path, NULL);
      g_autofree char *expected = g_strdup_printf ("Pages:           %u\n", pages);

      g_assert_nonnull (strstr (info, expected));
    }
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = test_path ("bao-cao.csv");
  g_autofree char *contents = NULL;
  gsize length;

  export_ok (fixture, SHELTER_REPORT_FORMAT_CSV, path);
  assert_private (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (contents, "18–59,2\r\n"));
  g_assert_cmpint (count_exports (fixture, "report"), ==, 1);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *folder = fresh_folder ("refused");
  g_autofree char *path = g_build_filename (folder, "bao-cao.xlsx", NULL);
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "bao-cao.pdf", NULL);
  g_autofree char *blocker = g_build_filename (folder, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "bao-cao.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  ShelterReportFormat format;

  /* A caseworker sees no statistics and exports none. */
  g_assert_false (shelter_report_export (fixture->caseworker, fixture->tables,
                                         &fixture->period, SHELTER_REPORT_FORMAT_XLSX, path,
                                         &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Folders that cannot be written: named, nothing left behind. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  for (guint i = 0; i < 3; i++)
    {
      const char *where = i == 0 ? missing : under_file;

      g_assert_false (shelter_report_export (fixture->manager, fixture->tables,
                                             &fixture->period,
                                             i == 2 ? SHELTER_REPORT_FORMAT_XLSX
                                                    : SHELTER_REPORT_FORMAT_PDF,
                                             where, &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_OUTPUT);
      g_assert_nonnull (strstr (error->message, i == 0 ? "no-such-folder" : "a-file"));
      g_clear_error (&error);
    }
  if (getuid () != 0)
    {
      /* A folder the user may not write in (root may write anywhere). */
      g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
      g_assert_false (shelter_report_export (fixture->manager, fixture->tables,
                                             &fixture->period, SHELTER_REPORT_FORMAT_XLSX,
                                             path, &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_OUTPUT);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
    }
  g_assert_cmpuint (count_files (folder), ==, 1);   /* the blocking file alone */
  g_assert_cmpint (count_exports (fixture, "report"), ==, 0);

  /* An unknown format names the three. */
  g_assert_false (shelter_report_format_parse ("odt", &format, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_FORMAT);
  g_assert_nonnull (strstr (error->message, "csv"));
  g_assert_nonnull (strstr (error->message, "xlsx"));
  g_assert_nonnull (strstr (error->message, "pdf"));
  g_assert_nonnull (strstr (error->message, "odt"));
  g_clear_error (&error);
  g_assert_true (shelter_report_format_parse ("XLSX", &format, &error));
  g_assert_cmpint (format, ==, SHELTER_REPORT_FORMAT_XLSX);
  g_assert_cmpstr (shelter_report_format_extension (format), ==, "xlsx");
}

static void
test_case_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = fresh_folder ("case-list");
  g_autofree char *path = g_build_filename (folder, "danh-sach.csv", NULL);
  g_autofree char *xlsx = g_build_filename (folder, "danh-sach.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *long_reason = g_strnfill (501, 'x');
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length;

  /* Refused: a caseworker, no reason, a reason too long, as a paper. Nothing written. */
  g_assert_false (shelter_case_list_export (fixture->caseworker, &fixture->period,
                                            "Rà soát hồ sơ", SHELTER_REPORT_FORMAT_CSV, path,
                                            &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_case_list_export (fixture->manager, &fixture->period, "   ",
                                            SHELTER_REPORT_FORMAT_CSV, path, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CASE_LIST_REASON);
  g_clear_error (&error);
  g_assert_false (shelter_case_list_export (fixture->manager, &fixture->period, long_reason,
                                            SHELTER_REPORT_FORMAT_CSV, path, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CASE_LIST_REASON);
  g_clear_error (&error);
  g_assert_false (shelter_case_list_export (fixture->manager, &fixture->period,
                                            "Rà soát hồ sơ", SHELTER_REPORT_FORMAT_PDF, path,
                                            &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_FORMAT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_assert_cmpint (count_exports (fixture, "case_list"), ==, 0);

  /* The manager, with a reason: the four stays of the quarter, by case code. */
  g_assert_true (shelter_case_list_export (fixture->manager, &fixture->period,
                                           "Rà soát hồ sơ cuối quý", SHELTER_REPORT_FORMAT_CSV,
                                           path, &error));
  g_assert_no_error (error);
  assert_private (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf" "Case code,Full name,"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 1);  /* header, 4 stays, "" */
  g_assert_nonnull (strstr (contents, "Lò Thị An,Female,01/01/1990,"));
  g_assert_nonnull (strstr (contents, ",02/07/2026,A101,15/08/2026,"));
  g_assert_nonnull (strstr (contents, "Hà Thị Bình"));
  g_assert_nonnull (strstr (contents, "Sùng Thị Dung"));   /* received before, in care */
  g_assert_nonnull (strstr (contents, "Vàng Thị Chi,Female,,"));
  g_assert_cmpint (count_exports (fixture, "case_list"), ==, 1);
  g_assert_true (last_details_has (fixture, "reason: Rà soát hồ sơ cuối quý"));
  g_assert_true (last_details_has (fixture, "rows: 4"));
  g_assert_false (last_details_has (fixture, "Bình"));

  g_assert_true (shelter_case_list_export (fixture->manager, &fixture->period,
                                           "Gửi kế toán đối chiếu", SHELTER_REPORT_FORMAT_XLSX,
                                           xlsx, &error));
  g_assert_no_error (error);
  assert_private (xlsx);
  g_assert_cmpuint (count_files (folder), ==, 2);
}

static int
run_ctl (const char *db,
         const char *format,
         const char *output)
{
  char *argv[] = { "shelterctl", "report", (char *) db, "--period", "2026-Q3",
                   "--format", (char *) format, "--output", (char *) output, NULL };
  int saved = dup (STDOUT_FILENO);
  int quiet = g_open ("/dev/null", O_WRONLY, 0);
  int status;

  /* What shelterctl prints is no TAP line. */
  fflush (stdout);
  dup2 (quiet, STDOUT_FILENO);
  status = shelter_ctl_run (G_N_ELEMENTS (argv) - 1, argv);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (quiet);
  close (saved);
  return status;
}

static void
test_ctl (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *folder = fresh_folder ("ctl");
  g_autofree char *xlsx = g_build_filename (folder, "q3.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (folder, "q3.pdf", NULL);
  g_autofree char *odt = g_build_filename (folder, "q3.odt", NULL);
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "q3.xlsx", NULL);
  const char *db = shelter_db_get_path (fixture->db);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (run_ctl (db, "xlsx", xlsx), ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_assert_cmpint (run_ctl (db, "PDF", pdf), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_exports (fixture, "report"), ==, 2);

  /* An unknown format is a usage error; an unwritable output a failure; no file either
   * way. */
  g_assert_cmpint (run_ctl (db, "odt", odt), ==, 2);
  g_assert_cmpint (run_ctl (db, "xlsx", missing), ==, 1);
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 2);
  g_assert_cmpint (count_exports (fixture, "report"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report-export/xlsx-libreoffice", Fixture, NULL, fixture_set_up,
              test_xlsx_opens_in_libreoffice, fixture_tear_down);
  g_test_add ("/report-export/xlsx-suppressed", Fixture, NULL, fixture_set_up,
              test_xlsx_suppressed, fixture_tear_down);
  g_test_add ("/report-export/pdf", Fixture, NULL, fixture_set_up, test_pdf,
              fixture_tear_down);
  g_test_add ("/report-export/pdf-vietnamese", Fixture, NULL, fixture_set_up,
              test_pdf_vietnamese, fixture_tear_down);
  g_test_add ("/report-export/paginate", Fixture, NULL, fixture_set_up, test_paginate,
              fixture_tear_down);
  g_test_add ("/report-export/csv", Fixture, NULL, fixture_set_up, test_csv,
              fixture_tear_down);
  g_test_add ("/report-export/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);
  g_test_add ("/report-export/case-list", Fixture, NULL, fixture_set_up, test_case_list,
              fixture_tear_down);
  g_test_add ("/report-export/ctl", Fixture, NULL, fixture_set_up, test_ctl,
              fixture_tear_down);
  return g_test_run ();
}
