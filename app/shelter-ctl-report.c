/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-ctl.h"
#include "shelter-report-export.h"
#include "shelter-statistics.h"

/* shelterctl report DB --period P --format csv|xlsx|pdf --output FILE [--suppress]: the
 * statistics of a period, the same tables as the Reports section, written as the Reports
 * section writes them (whole or not at all, with an audit entry). */
int
shelter_ctl_report (int    argc,
                    char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — the statistics of a period for the department"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  gboolean suppress = FALSE;
  ShelterReportFormat format = SHELTER_REPORT_FORMAT_CSV;
  ShelterPeriod period;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("The period: 2026-Q3, 2026-H1, 2026, stat-2026 or FROM..TO"), "PERIOD" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("The file format: csv, xlsx or pdf (csv when not given)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), "FILE" },
    { "suppress", 's', 0, G_OPTION_ARG_NONE, &suppress,
      N_("Hide small counts, for a report that leaves the centre"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("shelterctl: %s\n", error != NULL ? error->message
                                                   : _("Give the path of the database."));
      g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
      return 2;
    }
  if (period_text == NULL)
    {
      g_printerr ("shelterctl: %s\n", _("--period: give the period of the report, such as 2026-Q3."));
      return 2;
    }
  if (output == NULL)
    {
      g_printerr ("shelterctl: %s\n", _("--output: give the file to write."));
      return 2;
    }
  if (format_text != NULL && !shelter_report_format_parse (format_text, &format, &error))
    {
      g_printerr ("shelterctl: %s\n", error->message);
      return 2;
    }

  /* Read and written: the export is recorded in the audit log. */
  db = shelter_db_open (argv[1], SHELTER_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      session = shelter_session_new_for_operator (db);
      now = shelter_session_now (session);
      today = g_date_time_format (now, "%Y-%m-%d");
      if (shelter_period_parse (period_text, today, &period, &error))
        tables = shelter_statistics_compute (session, &period, suppress, &error);
    }
  if (tables != NULL &&
      !shelter_report_export (session, tables, &period, format, output, &error))
    g_clear_pointer (&tables, g_ptr_array_unref);
  if (tables == NULL)
    {
      g_printerr ("shelterctl: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print (_("Wrote %u tables to %s.\n"), tables->len, output);
  return EXIT_SUCCESS;
}
