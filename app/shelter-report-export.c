/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-report-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-centre-profile.h"
#include "shelter-enums.h"
#include "shelter-report-export.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define PROGRAM_NAME "Mái Ấm"
#define SHEET_NAME_MAX 31
#define CASE_LIST_REASON_MAX 500

gboolean
shelter_report_format_parse (const char           *text,
                             ShelterReportFormat  *format,
                             GError              **error)
{
  static const char *names[] = {
    [SHELTER_REPORT_FORMAT_CSV] = "csv",
    [SHELTER_REPORT_FORMAT_XLSX] = "xlsx",
    [SHELTER_REPORT_FORMAT_PDF] = "pdf",
  };

  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return shelter_field_error (error, SHELTER_FIELD_REPORT_FORMAT,
                              _("--format: “%s” is not a format. Choose csv, xlsx or pdf."),
                              text != NULL ? text : "");
}

const char *
shelter_report_format_extension (ShelterReportFormat format)
{
  switch (format)
    {
    case SHELTER_REPORT_FORMAT_CSV:
      return "csv";
    case SHELTER_REPORT_FORMAT_XLSX:
      return "xlsx";
    case SHELTER_REPORT_FORMAT_PDF:
      return "pdf";
    default:
      g_return_val_if_reached ("csv");
    }
}

/* ---- Writing whole files --------------------------------------------------------------- */

/* The file is made beside @path (so that the rename stays on one file system), hidden, and
 * only readable by its owner: it holds the centre's figures or names. */
static char *
open_temporary (const char  *path,
                int         *fd,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (folder, name, NULL);
  int saved_errno;

  *fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (*fd >= 0)
    return g_steal_pointer (&temporary);
  saved_errno = errno;
  shelter_field_error (error, SHELTER_FIELD_REPORT_OUTPUT,
                       _("Cannot write a file in the folder “%s”: %s. Choose a folder you "
                         "may write in."),
                       folder, g_strerror (saved_errno));
  return NULL;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         length,
           GError      **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved_errno = errno;

          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("Could not write the file: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* What makes the file's contents in @temporary (already created, 0600). */
typedef gboolean (*ContentsFunc) (const char  *temporary,
                                  int          fd,
                                  gpointer     data,
                                  GError     **error);

/* Writes the file through @contents into a temporary file beside @path, then, in one
 * transaction with the audit entry, renames it over @path: never a partial file, never an
 * export without its entry. */
static gboolean
export_file (ShelterSession  *session,
             const char      *path,
             const char      *entity,
             const char      *details,
             ContentsFunc     contents,
             gpointer         data,
             GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autofree char *temporary = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  int fd = -1;

  if (path == NULL || *path == '\0' || g_file_test (path, G_FILE_TEST_IS_DIR))
    return shelter_field_error (error, SHELTER_FIELD_REPORT_OUTPUT,
                                _("Choose the file to write."));
  temporary = open_temporary (path, &fd, error);
  if (temporary == NULL)
    return FALSE;
  if (!contents (temporary, fd, data, error) ||
      g_chmod (temporary, 0600) != 0 ||
      fsync (fd) != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                     _("Could not write the file: %s"), g_strerror (errno));
      close (fd);
      g_unlink (temporary);
      return FALSE;
    }
  close (fd);

  if (!shelter_db_begin (db, error))
    {
      g_unlink (temporary);
      return FALSE;
    }
  if (!shelter_audit_record (session, at, "export", entity, 0, details, error))
    {
      shelter_db_rollback (db);
      g_unlink (temporary);
      return FALSE;
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder = g_path_get_dirname (path);

      shelter_db_rollback (db);
      g_unlink (temporary);
      return shelter_field_error (error, SHELTER_FIELD_REPORT_OUTPUT,
                                  _("Cannot write a file in the folder “%s”: %s. Choose a "
                                    "folder you may write in."),
                                  folder, g_strerror (saved_errno));
    }
  if (!shelter_db_commit (db, error))
    {
      /* Unrecorded, the file must not stay. */
      shelter_db_rollback (db);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bytes_contents (const char  *temporary,
                int          fd,
                gpointer     data,
                GError     **error)
{
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  return write_all (fd, bytes, length, error);
}

/* ---- Spreadsheets ---------------------------------------------------------------------- */

/* The short names of the sheets, by table code: a title cut at 31 characters would leave
 * a dozen sheets all called "People received by ...". */
static const char *
short_name (const ShelterStatTable *table)
{
  static const struct { const char *code; const char *name; } names[] = {
    /* Translators: the name of a spreadsheet's sheet: at most 27 characters, and none
     * of the characters [ ] : * ? / or backslash. */
    { "summary", NC_("sheet", "Summary") },
    { "bed_nights", NC_("sheet", "Bed-nights") },
    { "received_by_sex", NC_("sheet", "Received by sex") },
    { "received_by_age", NC_("sheet", "Received by age") },
    { "received_by_ethnic_kind", NC_("sheet", "Received - Kinh, minorities") },
    { "received_by_ethnic_group", NC_("sheet", "Received by ethnic group") },
    { "received_by_person_type", NC_("sheet", "Received by person type") },
    { "received_by_nationality", NC_("sheet", "Received by nationality") },
    { "received_by_scope", NC_("sheet", "Received - in VN, abroad") },
    { "received_by_destination", NC_("sheet", "Received by destination") },
    { "received_by_purpose", NC_("sheet", "Received by purpose") },
    { "received_by_handed_over", NC_("sheet", "Received by who handed over") },
    { "received_by_return_mode", NC_("sheet", "Received by how returned") },
    { "services", NC_("sheet", "Services") },
    { "meal_days", NC_("sheet", "Meal days") },
    { "clothing_kits", NC_("sheet", "Clothing kits") },
    { "referrals", NC_("sheet", "Referrals") },
    { "discharges_by_reason", NC_("sheet", "Discharges by reason") },
    { "discharges_by_destination", NC_("sheet", "Discharges by destination") },
    { "follow_ups", NC_("sheet", "Follow-ups") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (table->code, names[i].code))
      return g_dpgettext2 (GETTEXT_PACKAGE, "sheet", names[i].name);
  return table->title;
}

/* A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\, no apostrophe
 * at either end; numbered as in the paper, so that two tables never share one. */
static char *
sheet_name (guint                   number,
            const ShelterStatTable *table)
{
  g_autofree char *full = g_strdup_printf ("%u. %s", number, short_name (table));
  GString *name = g_string_new (NULL);
  guint count = 0;

  for (const char *p = full; *p != '\0' && count < SHEET_NAME_MAX; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 128 && strchr ("[]:*?/\\'", (int) c) != NULL)
        c = '-';
      g_string_append_unichar (name, c);
      count++;
    }
  while (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);
  return g_string_free (name, FALSE);
}

typedef struct
{
  lxw_format *heading;    /* the centre and the title */
  lxw_format *note;       /* what a table counts, wrapped */
  lxw_format *header;     /* the header row */
  lxw_format *label;
  lxw_format *number;
  lxw_format *total_label;
  lxw_format *total_number;
  lxw_format *text;       /* a bordered cell of text */
} Formats;

static void
make_formats (lxw_workbook *workbook,
              Formats      *formats)
{
  formats->heading = workbook_add_format (workbook);
  format_set_bold (formats->heading);
  format_set_font_size (formats->heading, 12);

  formats->note = workbook_add_format (workbook);
  format_set_italic (formats->note);
  format_set_text_wrap (formats->note);
  format_set_align (formats->note, LXW_ALIGN_VERTICAL_TOP);

  formats->header = workbook_add_format (workbook);
  format_set_bold (formats->header);
  format_set_bg_color (formats->header, 0xD9E1F2);
  format_set_border (formats->header, LXW_BORDER_THIN);
  format_set_text_wrap (formats->header);
  format_set_align (formats->header, LXW_ALIGN_CENTER);
  format_set_align (formats->header, LXW_ALIGN_VERTICAL_CENTER);

  formats->label = workbook_add_format (workbook);
  format_set_border (formats->label, LXW_BORDER_THIN);
  format_set_text_wrap (formats->label);

  formats->text = formats->label;

  /* Whole numbers with a thousands separator: đồng and bed-nights run into millions. */
  formats->number = workbook_add_format (workbook);
  format_set_border (formats->number, LXW_BORDER_THIN);
  format_set_num_format (formats->number, "#,##0");

  formats->total_label = workbook_add_format (workbook);
  format_set_bold (formats->total_label);
  format_set_border (formats->total_label, LXW_BORDER_THIN);
  format_set_top (formats->total_label, LXW_BORDER_DOUBLE);

  formats->total_number = workbook_add_format (workbook);
  format_set_bold (formats->total_number);
  format_set_border (formats->total_number, LXW_BORDER_THIN);
  format_set_top (formats->total_number, LXW_BORDER_DOUBLE);
  format_set_num_format (formats->total_number, "#,##0");
}

static gboolean
xlsx_failed (lxw_error   status,
             GError    **error)
{
  if (status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
               _("Could not write the spreadsheet: %s"), lxw_strerror (status));
  return TRUE;
}

/* A workbook whose properties say what it is and which program made it: never a name. */
static lxw_workbook *
workbook_open (const char *temporary,
               const char *title)
{
  lxw_workbook *workbook = workbook_new (temporary);
  lxw_doc_properties properties = {
    .title = (char *) title,
    .author = (char *) PROGRAM_NAME,
    .comments = (char *) PROGRAM_NAME,
  };

  if (workbook != NULL)
    workbook_set_properties (workbook, &properties);
  return workbook;
}

/* The centre and the period, at the top of every sheet. */
static char *
dup_centre_name (ShelterSession *session)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_profile_get (session, NULL);

  return g_strdup (centre != NULL ? shelter_centre_get_name (centre) : _("The centre"));
}

typedef struct
{
  ShelterSession      *session;
  GPtrArray           *tables;
  const ShelterPeriod *period;
} ReportData;

/* Rows needed to show @text wrapped across @width characters. */
static double
wrapped_height (const char *text,
                double      width)
{
  glong length = g_utf8_strlen (text, -1);
  glong per_line = (glong) MAX (width * 0.85, 8.0);

  return 15.0 * (double) ((length + per_line - 1) / per_line);
}

static void
write_stat_row (lxw_worksheet          *sheet,
                lxw_row_t               line,
                const ShelterStatTable *table,
                const ShelterStatRow   *row,
                lxw_format             *label,
                lxw_format             *number)
{
  worksheet_write_string (sheet, line, 0, row->label, label);
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (row->cells[c] == SHELTER_STAT_SUPPRESSED)
        {
          g_autofree char *cell = g_strdup_printf ("<%u", table->suppressed_below);

          worksheet_write_string (sheet, line, c + 1, cell, label);
        }
      else
        worksheet_write_number (sheet, line, c + 1, (double) row->cells[c], number);
    }
}

static gboolean
report_xlsx_contents (const char  *temporary,
                      int          fd,
                      gpointer     user_data,
                      GError     **error)
{
  ReportData *data = user_data;
  g_autofree char *span = shelter_period_format (data->period);
  g_autofree char *heading = g_strdup_printf (_("Statistics of %s"), span);
  g_autofree char *centre = dup_centre_name (data->session);
  lxw_workbook *workbook = workbook_open (temporary, heading);
  Formats formats;

  if (workbook == NULL)
    {
      xlsx_failed (LXW_ERROR_CREATING_XLSX_FILE, error);
      return FALSE;
    }
  make_formats (workbook, &formats);
  for (guint i = 0; i < data->tables->len; i++)
    {
      ShelterStatTable *table = g_ptr_array_index (data->tables, i);
      g_autofree char *name = sheet_name (i + 1, table);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
      double label_width = 44, number_width = 16;
      lxw_row_t line = 0;

      if (sheet == NULL)
        {
          workbook_close (workbook);
          xlsx_failed (LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, error);
          return FALSE;
        }
      worksheet_set_paper (sheet, 9);  /* A4 */
      worksheet_fit_to_pages (sheet, 1, 0);
      worksheet_set_column (sheet, 0, 0, label_width, NULL);
      if (table->n_columns > 0)
        worksheet_set_column (sheet, 1, table->n_columns, number_width, NULL);

      worksheet_write_string (sheet, line++, 0, centre, formats.heading);
      worksheet_write_string (sheet, line++, 0, heading, NULL);
      line++;
      worksheet_write_string (sheet, line++, 0, table->title, formats.heading);
      /* What the table counts, across the table's width. */
      if (table->n_columns > 0)
        worksheet_merge_range (sheet, line, 0, line, table->n_columns, table->counts,
                               formats.note);
      else
        worksheet_write_string (sheet, line, 0, table->counts, formats.note);
      worksheet_set_row (sheet, line,
                         wrapped_height (table->counts,
                                         label_width + number_width * table->n_columns),
                         NULL);
      line++;
      if (table->suppressed_below > 0)
        {
          g_autofree char *note = g_strdup_printf (_("Counts under %u are not shown (<%u)."),
                                                   table->suppressed_below,
                                                   table->suppressed_below);

          worksheet_write_string (sheet, line++, 0, note, formats.note);
        }
      line++;
      worksheet_write_string (sheet, line, 0, table->label_header, formats.header);
      {
        /* Spreadsheets do not grow a row for wrapped text written by a program. */
        double height = wrapped_height (table->label_header, label_width);

        for (guint c = 0; c < table->n_columns; c++)
          {
            worksheet_write_string (sheet, line, c + 1, table->headers[c], formats.header);
            height = MAX (height, wrapped_height (table->headers[c], number_width));
          }
        worksheet_set_row (sheet, line, height, NULL);
      }
      line++;
      for (guint r = 0; r < table->rows->len; r++)
        write_stat_row (sheet, line++, table, g_ptr_array_index (table->rows, r),
                        formats.label, formats.number);
      if (table->total != NULL)
        write_stat_row (sheet, line++, table, table->total, formats.total_label,
                        formats.total_number);
    }
  return !xlsx_failed (workbook_close (workbook), error);
}

static gboolean
csv_contents (const char  *temporary,
              int          fd,
              gpointer     data,
              GError     **error)
{
  GString *csv = data;

  return write_all (fd, csv->str, csv->len, error);
}

/* ---- The paper ------------------------------------------------------------------------- */

static const char *const roman[] = { "I", "II", "III", "IV" };

/* "quarter III of 2026", "the first six months of 2026"...: the period as the title says
 * it. */
static char *
period_phrase (const ShelterPeriod *period)
{
  int year = (int) g_ascii_strtoll (period->first, NULL, 10);
  int month = (int) g_ascii_strtoll (period->first + 5, NULL, 10);
  g_autofree char *first = shelter_text_format_date (period->first);
  g_autofree char *last = shelter_text_format_date (period->last);

  switch (period->kind)
    {
    case SHELTER_PERIOD_QUARTER:
      /* Translators: the Roman number of the quarter, then the year: "quý III năm 2026". */
      return g_strdup_printf (_("quarter %s of %d"), roman[CLAMP ((month - 1) / 3, 0, 3)], year);
    case SHELTER_PERIOD_HALF:
      return g_strdup_printf (month <= 6 ? _("the first six months of %d")
                                         : _("the last six months of %d"), year);
    case SHELTER_PERIOD_YEAR:
      return g_strdup_printf (_("the year %d"), year);
    case SHELTER_PERIOD_STAT_YEAR:
      /* The days follow under the title. */
      return g_strdup_printf (_("the statistical year %d"),
                              (int) g_ascii_strtoll (period->last, NULL, 10));
    case SHELTER_PERIOD_RANGE:
    default:
      return g_strdup_printf (_("the period from %s to %s"), first, last);
    }
}

/* Whole numbers as Vietnamese papers write them: 1.500.000. */
static char *
format_number (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
  GString *text = g_string_new (value < 0 ? "-" : "");
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

static char *
format_cell (const ShelterStatTable *table,
             gint64                  value)
{
  if (value == SHELTER_STAT_SUPPRESSED)
    return g_strdup_printf ("<%u", table->suppressed_below);
  return format_number (value);
}

static void
add_stat_row (ShelterPaper           *paper,
              const ShelterStatTable *table,
              const ShelterStatRow   *row,
              const char             *number,
              gboolean                total)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (number));
  g_ptr_array_add (cells, g_strdup (row->label));
  for (guint c = 0; c < table->n_columns; c++)
    g_ptr_array_add (cells, format_cell (table, row->cells[c]));
  if (total)
    shelter_paper_add_total_row (paper, (const char * const *) cells->pdata);
  else
    shelter_paper_add_row (paper, (const char * const *) cells->pdata);
}

static void
add_stat_table (ShelterPaper           *paper,
                guint                   number,
                const ShelterStatTable *table)
{
  g_autofree char *heading = g_strdup_printf ("%u. %s", number, table->title);
  g_autoptr (GPtrArray) headings = g_ptr_array_new ();
  double widths[6];
  ShelterPaperAlign aligns[6];
  double number_width = 0.08;
  double figure_width = table->n_columns > 0 ? MIN (0.18, 0.54 / table->n_columns) : 0;
  guint n = table->n_columns + 2;

  g_return_if_fail (n <= G_N_ELEMENTS (widths));

  shelter_paper_add_section (paper, heading);
  shelter_paper_add_paragraph (paper, table->counts, SHELTER_PAPER_ITALIC, 2);
  if (table->suppressed_below > 0)
    {
      g_autofree char *note = g_strdup_printf (_("Counts under %u are not shown (<%u)."),
                                               table->suppressed_below,
                                               table->suppressed_below);

      shelter_paper_add_paragraph (paper, note, SHELTER_PAPER_ITALIC, 0);
    }
  /* Translators: the heading of the number column of a table in an official paper. */
  g_ptr_array_add (headings, (gpointer) C_("table", "No."));
  g_ptr_array_add (headings, table->label_header);
  widths[0] = number_width;
  widths[1] = 1.0 - number_width - figure_width * table->n_columns;
  aligns[0] = SHELTER_PAPER_ALIGN_CENTER;
  aligns[1] = SHELTER_PAPER_ALIGN_LEFT;
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_ptr_array_add (headings, table->headers[c]);
      widths[c + 2] = figure_width;
      aligns[c + 2] = SHELTER_PAPER_ALIGN_RIGHT;
    }
  shelter_paper_begin_table (paper, n, widths, (const char * const *) headings->pdata);
  shelter_paper_align_columns (paper, aligns);
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autofree char *position = g_strdup_printf ("%u", r + 1);

      add_stat_row (paper, table, g_ptr_array_index (table->rows, r), position, FALSE);
    }
  if (table->total != NULL)
    add_stat_row (paper, table, table->total, "", TRUE);
}

ShelterPaper *
shelter_report_paper (ShelterSession      *session,
                      GPtrArray           *tables,
                      const ShelterPeriod *period)
{
  g_autoptr (ShelterCentre) centre = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *span = NULL;
  g_autofree char *number = NULL;
  ShelterPaper *paper;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (tables != NULL && period != NULL, NULL);

  centre = shelter_centre_profile_get (session, NULL);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  paper = shelter_paper_new ();
  /* The register number is given by the office that sends the report. */
  number = g_strdup_printf ("%s/BC", SHELTER_PAPER_DOTTED_LINE);
  shelter_paper_add_heading (paper, shelter_session_get_db (session), centre, number, today);
  shelter_paper_add_title (paper, _("REPORT"));
  phrase = period_phrase (period);
  /* Translators: the subject under the title "BÁO CÁO"; %s is the period ("quý III năm
   * 2026"). */
  subject = g_strdup_printf (_("The reception and support of victims of trafficking in %s"),
                             phrase);
  shelter_paper_add (paper, SHELTER_PAPER_BODY, subject,
                     SHELTER_PAPER_BOLD | SHELTER_PAPER_KEEP_WITH_NEXT,
                     SHELTER_PAPER_ALIGN_CENTER, 0);
  span = shelter_period_format (period);
  {
    g_autofree char *dates = g_strdup_printf ("(%s)", span);

    shelter_paper_add (paper, SHELTER_PAPER_BODY, dates, SHELTER_PAPER_ITALIC,
                       SHELTER_PAPER_ALIGN_CENTER, 0);
  }
  for (guint i = 0; i < tables->len; i++)
    add_stat_table (paper, i + 1, g_ptr_array_index (tables, i));

  /* Who receives it on the left, the head of the centre signs on the right. */
  shelter_paper_add (paper, SHELTER_PAPER_LEFT, _("Recipients:"),
                     SHELTER_PAPER_BOLD | SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_LEFT, 20);
  shelter_paper_add (paper, SHELTER_PAPER_LEFT, _("- The provincial department;"),
                     SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 0);
  shelter_paper_add (paper, SHELTER_PAPER_LEFT, _("- Kept on file."),
                     SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 0);
  shelter_paper_add_signature (paper, SHELTER_PAPER_RIGHT, _("HEAD OF CENTRE"),
                               centre != NULL ? shelter_centre_get_head_name (centre) : NULL);
  return paper;
}

/* ---- The report ------------------------------------------------------------------------ */

static char *
describe_period (const ShelterPeriod *period)
{
  return g_strdup_printf ("period %s..%s", period->first, period->last);
}

static gboolean
suppressed (GPtrArray *tables)
{
  for (guint i = 0; i < tables->len; i++)
    if (((ShelterStatTable *) g_ptr_array_index (tables, i))->suppressed_below > 0)
      return TRUE;
  return FALSE;
}

gboolean
shelter_report_export (ShelterSession       *session,
                       GPtrArray            *tables,
                       const ShelterPeriod  *period,
                       ShelterReportFormat   format,
                       const char           *path,
                       GError              **error)
{
  g_autofree char *span = NULL;
  g_autofree char *details = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (tables != NULL && period != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_REPORTS, error))
    return FALSE;
  where = describe_period (period);
  /* The period and the form only: the figures stay in the file. */
  details = g_strdup_printf ("%s\nformat: %s\nsmall counts hidden: %s", where,
                             shelter_report_format_extension (format),
                             suppressed (tables) ? "yes" : "no");
  span = shelter_period_format (period);
  switch (format)
    {
    case SHELTER_REPORT_FORMAT_CSV:
      {
        g_autoptr (GString) csv = shelter_statistics_to_csv (tables, period);

        return export_file (session, path, "report", details, csv_contents, csv, error);
      }
    case SHELTER_REPORT_FORMAT_XLSX:
      {
        ReportData data = { session, tables, period };

        return export_file (session, path, "report", details, report_xlsx_contents, &data,
                            error);
      }
    case SHELTER_REPORT_FORMAT_PDF:
      {
        g_autoptr (GError) local_error = NULL;
        g_autoptr (GBytes) pdf = NULL;
        g_autofree char *title = g_strdup_printf (_("Statistics of %s"), span);
        ShelterPaper *paper = shelter_report_paper (session, tables, period);

        pdf = shelter_paper_render (paper, title, &local_error);
        shelter_paper_free (paper);
        if (pdf == NULL)
          {
            g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                         _("Could not draw the report: %s"), local_error->message);
            return FALSE;
          }
        return export_file (session, path, "report", details, bytes_contents, pdf, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- The case list --------------------------------------------------------------------- */

typedef struct
{
  ShelterSession      *session;
  const ShelterPeriod *period;
  guint                n_columns;
  const char         **headers;
  GPtrArray           *rows;     /* of GStrv, n_columns each */
} CaseListData;

static void
csv_field (GString    *csv,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (text, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      g_string_append_printf (csv, "\"%s\"", escaped);
    }
  else
    g_string_append (csv, text);
  g_string_append (csv, last ? "\r\n" : ",");
}

static GString *
case_list_csv (CaseListData *data)
{
  GString *csv = g_string_new ("\xef\xbb\xbf");

  for (guint c = 0; c < data->n_columns; c++)
    csv_field (csv, data->headers[c], c + 1 == data->n_columns);
  for (guint r = 0; r < data->rows->len; r++)
    {
      char **cells = g_ptr_array_index (data->rows, r);

      for (guint c = 0; c < data->n_columns; c++)
        csv_field (csv, cells[c], c + 1 == data->n_columns);
    }
  return csv;
}

static gboolean
case_list_xlsx_contents (const char  *temporary,
                         int          fd,
                         gpointer     user_data,
                         GError     **error)
{
  static const double widths[] = { 14, 28, 8, 13, 30, 18, 13, 10, 13, 30 };
  CaseListData *data = user_data;
  g_autofree char *span = shelter_period_format (data->period);
  g_autofree char *heading = g_strdup_printf (_("Case list of %s"), span);
  g_autofree char *centre = dup_centre_name (data->session);
  lxw_workbook *workbook = workbook_open (temporary, heading);
  lxw_worksheet *sheet;
  Formats formats;
  lxw_row_t line = 0;

  if (workbook == NULL)
    {
      xlsx_failed (LXW_ERROR_CREATING_XLSX_FILE, error);
      return FALSE;
    }
  make_formats (workbook, &formats);
  sheet = workbook_add_worksheet (workbook, NULL);
  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  for (guint c = 0; c < data->n_columns && c < G_N_ELEMENTS (widths); c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_write_string (sheet, line++, 0, centre, formats.heading);
  worksheet_write_string (sheet, line++, 0, heading, NULL);
  worksheet_write_string (sheet, line++, 0,
                          _("For the centre’s own use: it holds names. Keep it safe and do "
                            "not send it out."), formats.note);
  line++;
  for (guint c = 0; c < data->n_columns; c++)
    worksheet_write_string (sheet, line, c, data->headers[c], formats.header);
  worksheet_freeze_panes (sheet, line + 1, 0);
  line++;
  for (guint r = 0; r < data->rows->len; r++, line++)
    {
      char **cells = g_ptr_array_index (data->rows, r);

      for (guint c = 0; c < data->n_columns; c++)
        worksheet_write_string (sheet, line, c, cells[c], formats.text);
    }
  return !xlsx_failed (workbook_close (workbook), error);
}

static char *
dup_date (const char *iso)
{
  return iso != NULL ? shelter_text_format_date (iso) : g_strdup ("");
}

/* One row of the list; a protected resident the session may not see is its case code. */
static char **
case_list_cells (ShelterCaseListRow *row,
                 gboolean            may_see_protected)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  gboolean hidden = row->high_protection && !may_see_protected;
  char **cells;

  g_strv_builder_add (builder, row->case_code);
  if (hidden)
    {
      for (guint c = 1; c < 10; c++)
        g_strv_builder_add (builder, "");
    }
  else
    {
      g_autofree char *born = dup_date (row->birth_date);
      g_autofree char *admitted = dup_date (row->admitted_on);
      g_autofree char *discharged = dup_date (row->discharged_on);

      g_strv_builder_add (builder, row->full_name != NULL ? row->full_name : "");
      g_strv_builder_add (builder, row->sex != NULL ? shelter_enum_label (&shelter_enum_sex,
                                                                          row->sex) : "");
      g_strv_builder_add (builder, born);
      g_strv_builder_add (builder,
                          row->person_type != NULL
                          ? shelter_enum_label (&shelter_enum_person_type, row->person_type)
                          : "");
      g_strv_builder_add (builder, row->home_province != NULL ? row->home_province : "");
      g_strv_builder_add (builder, admitted);
      g_strv_builder_add (builder, row->room != NULL ? row->room : "");
      g_strv_builder_add (builder, discharged);
      g_strv_builder_add (builder,
                          row->discharge_reason != NULL
                          ? shelter_enum_label (&shelter_enum_discharge_reason,
                                                row->discharge_reason)
                          : "");
    }
  cells = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return cells;
}

gboolean
shelter_case_list_export (ShelterSession       *session,
                          const ShelterPeriod  *period,
                          const char           *reason,
                          ShelterReportFormat   format,
                          const char           *path,
                          GError              **error)
{
  const char *headers[] = {
    _("Case code"), _("Full name"), _("Sex"), _("Date of birth"), _("Person type"),
    _("Home province"), _("Reception date"), _("Room"), _("Discharge date"),
    _("Discharge reason"),
  };
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *where = NULL;
  g_autofree char *details = NULL;
  gboolean may_see_protected;
  CaseListData data;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EXPORT_CASE_LIST, error))
    return FALSE;
  /* One line in the audit entry: NFC, no control characters. */
  if (!shelter_field_clean_text (reason, FALSE, CASE_LIST_REASON_MAX,
                                 SHELTER_FIELD_CASE_LIST_REASON, _("Reason"), &clean, error))
    return FALSE;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_CASE_LIST_REASON,
                                _("Reason: say why the names leave the program."));
  if (format == SHELTER_REPORT_FORMAT_PDF)
    return shelter_field_error (error, SHELTER_FIELD_REPORT_FORMAT,
                                _("The case list is written as csv or xlsx only."));

  stored = shelter_case_list_store_list (shelter_session_get_db (session), period->first,
                                         period->next, error);
  if (stored == NULL)
    return FALSE;
  may_see_protected = shelter_session_may (session,
                                           SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < stored->len; i++)
    g_ptr_array_add (rows, case_list_cells (g_ptr_array_index (stored, i), may_see_protected));

  where = describe_period (period);
  /* The reason and the number of rows, never a name. */
  details = g_strdup_printf ("%s\nformat: %s\nrows: %u\nreason: %s", where,
                             shelter_report_format_extension (format), rows->len, clean);
  data = (CaseListData) {
    .session = session,
    .period = period,
    .n_columns = G_N_ELEMENTS (headers),
    .headers = headers,
    .rows = rows,
  };
  if (format == SHELTER_REPORT_FORMAT_CSV)
    {
      g_autoptr (GString) csv = case_list_csv (&data);

      return export_file (session, path, "case_list", details, csv_contents, csv, error);
    }
  return export_file (session, path, "case_list", details, case_list_xlsx_contents, &data,
                      error);
}
