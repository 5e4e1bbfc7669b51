/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "shelter-ctl.h"
#include "shelter-import.h"

#define PROBLEM_ROWS_SHOWN 20

static void
print_mapping (ShelterImport *import)
{
  g_autoptr (GPtrArray) notes = shelter_import_dup_mapping_notes (import);

  if (shelter_import_get_header_line (import) > 0)
    g_print (_("Headers on line %u.\n"), shelter_import_get_header_line (import));
  else
    g_print (_("No header row found: give the columns with --mapping.\n"));
  for (guint c = 0; c < shelter_import_get_n_columns (import); c++)
    g_print ("  %s → %s\n", shelter_import_get_column_header (import, c),
             shelter_import_field_label (shelter_import_get_column_field (import, c)));
  for (guint i = 0; i < notes->len; i++)
    g_print ("  ! %s\n", (char *) g_ptr_array_index (notes, i));
}

static void
print_rows (ShelterImport *import)
{
  guint shown = 0, with_problems = 0;

  for (guint i = 0; i < shelter_import_get_n_rows (import); i++)
    {
      const ShelterImportRow *row = shelter_import_get_row (import, i);

      if (row->problems->len == 0)
        continue;
      with_problems++;
      if (shown++ >= PROBLEM_ROWS_SHOWN)
        continue;
      for (guint p = 0; p < row->problems->len; p++)
        {
          const ShelterImportProblem *problem = g_ptr_array_index (row->problems, p);

          /* Row, column, problem: one line each, tab-separated for a pipe. */
          g_print ("%u\t%s\t%s%s\n", row->line, problem->header ? problem->header : "—",
                   problem->blocking ? _("[not imported] ") : "", problem->message);
        }
    }
  if (with_problems > PROBLEM_ROWS_SHOWN)
    g_print (_("… and %u more rows with problems.\n"), with_problems - PROBLEM_ROWS_SHOWN);

  for (guint i = 0; i < shelter_import_get_n_rows (import); i++)
    {
      const ShelterImportRow *row = shelter_import_get_row (import, i);

      if (row->match == SHELTER_IMPORT_MATCH_PERSON)
        g_print (_("Row %u: may be %s (case code %s), %s; %s.\n"), row->line,
                 row->match_name ? row->match_name : _("a person under high protection"),
                 row->match_case_code,
                 row->match_reason == SHELTER_IMPORT_MATCH_BY_ID_NUMBER
                   ? _("same ID number") : _("same name, birth year and province"),
                 row->choice == SHELTER_IMPORT_NEW_STAY ? _("a new stay") : _("skipped"));
      else if (row->match == SHELTER_IMPORT_MATCH_EARLIER_ROW)
        g_print (_("Row %u: the same person as row %u; %s.\n"), row->line, row->match_line,
                 row->choice == SHELTER_IMPORT_NEW_STAY ? _("a new stay") : _("skipped"));
    }
}

/* shelterctl import DB FILE [--sheet NAME] [--mapping FILE] [--encoding E] [--new-stays]
 * [--dry-run]: the import use case without the assistant, acting as the operator like the
 * other commands that write. */
int
shelter_ctl_import (int    argc,
                    char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB FILE — bring residents in from a CSV or XLSX spreadsheet"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sample = NULL;
  g_autofree char *sheet_name = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GString) fields = g_string_new (NULL);
  gboolean dry_run = FALSE;
  gboolean new_stays = FALSE;
  ShelterImportResult expected, result;
  guint n_other, n_blocked, n_matches;
  GOptionEntry entries[] = {
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet_name,
      N_("The sheet of a workbook to read (default: the first)"), "NAME" },
    { "mapping", 'm', 0, G_OPTION_ARG_FILENAME, &mapping,
      N_("Which column fills which field: a text file of “Header=field” lines"), "FILE" },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Read the text as unicode, tcvn3 or vni (default: detected)"), "E" },
    { "new-stays", 'n', 0, G_OPTION_ARG_NONE, &new_stays,
      N_("Give people already on record a new stay instead of skipping them"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and show what would be imported, writing nothing"), NULL },
    { NULL }
  };
  const char *problem = NULL;

  for (guint f = 1; f < SHELTER_IMPORT_N_FIELDS; f++)
    g_string_append_printf (fields, "  %-16s %s\n", shelter_import_field_id (f),
                            shelter_import_field_label (f));
  description = g_strdup_printf (_("A mapping file has one “Header=field” a line, the header as "
                                   "the file writes it (case and diacritics do not matter), "
                                   "“none” to leave a column out, # for a comment. Fields:\n%s\n"
                                   "Sexes: Nam/Nữ, M/F, Male/Female, 1 (male) and 0 (female). "
                                   "Rows with a problem that blocks them are not imported; the "
                                   "rest are imported in one go, or nothing is."),
                                 fields->str);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    problem = error->message;
  else if (argc != 3)
    problem = _("Give the path of the database and of the spreadsheet.");
  else if (encoding != NULL && g_strcmp0 (encoding, "unicode") != 0 &&
           g_strcmp0 (encoding, "tcvn3") != 0 && g_strcmp0 (encoding, "vni") != 0)
    problem = _("Give --encoding unicode, tcvn3 or vni.");
  if (problem != NULL)
    {
      g_printerr ("shelterctl: %s\n", problem);
      g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
      return 2;
    }

  db = shelter_db_open (argv[1], SHELTER_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    goto failed;
  session = shelter_session_new_for_operator (db);
  import = shelter_import_open (session, argv[2], sheet_name, NULL, &error);
  if (import == NULL)
    goto failed;

  if (encoding != NULL)
    shelter_import_set_encoding (import, g_str_equal (encoding, "tcvn3") ? SHELTER_LEGACY_TCVN3
                                         : g_str_equal (encoding, "vni") ? SHELTER_LEGACY_VNI
                                         : SHELTER_LEGACY_UNICODE);
  if (mapping != NULL)
    {
      g_autofree char *text = NULL;

      if (!g_file_get_contents (mapping, &text, NULL, &error) ||
          !shelter_import_apply_mapping (import, text, &error))
        goto failed;
    }

  shelter_import_get_detected_encoding (import, &n_other);
  g_print (_("Encoding: %s\n"), shelter_legacy_encoding_name (shelter_import_get_encoding (import)));
  sample = shelter_import_dup_encoding_sample (import);
  for (guint i = 0; i < sample->len; i++)
    {
      ShelterImportSample *item = g_ptr_array_index (sample, i);

      g_print ("  %s → %s\n", item->before, item->after);
    }
  print_mapping (import);

  if (!shelter_import_check (import, NULL, &error))
    goto failed;
  if (new_stays)
    for (guint i = 0; i < shelter_import_get_n_rows (import); i++)
      if (shelter_import_get_row (import, i)->match != SHELTER_IMPORT_MATCH_NONE &&
          !shelter_import_set_choice (import, i, SHELTER_IMPORT_NEW_STAY, &error))
        {
          g_printerr ("shelterctl: %s\n", error->message);
          g_clear_error (&error);
        }
  print_rows (import);
  shelter_import_count (import, &expected, &n_blocked, &n_matches);
  g_print (_("%u rows: %u new people, %u stays, %u left out (%u with a blocking problem, %u "
             "matches).\n"), shelter_import_get_n_rows (import), expected.n_people,
           expected.n_stays, expected.n_skipped, n_blocked, n_matches);
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return EXIT_SUCCESS;
    }

  if (!shelter_import_run (import, NULL, &result, &error))
    goto failed;
  g_print (_("Imported: %u new people, %u stays; %u rows left out.\n"), result.n_people,
           result.n_stays, result.n_skipped);
  return EXIT_SUCCESS;

failed:
  g_printerr ("shelterctl: %s\n", error->message);
  return EXIT_FAILURE;
}
