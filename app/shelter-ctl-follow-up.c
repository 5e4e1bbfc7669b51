/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-ctl.h"
#include "shelter-follow-up.h"
#include "shelter-text.h"

/* shelterctl follow-ups DB [--until YYYY-MM-DD]: the planned follow-ups due by then (a week
 * from today by default) and those overdue, one a line, tab-separated: case code, due day,
 * method, assigned staff (user name, "-" for none), "overdue" or "due". The same list as the
 * Follow-up section. */
int
shelter_ctl_follow_ups (int    argc,
                        char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — the follow-ups after discharge that are due or overdue"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *until = NULL;
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "until", 'u', 0, G_OPTION_ARG_STRING, &until,
      N_("The last due day to list (default: a week from today)"), "YYYY-MM-DD" },
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

  db = shelter_db_open (argv[1], SHELTER_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    session = shelter_session_new_for_operator (db);
  if (session != NULL)
    {
      g_autoptr (GDateTime) week = NULL;

      now = shelter_session_now (session);
      today = g_date_time_format (now, "%Y-%m-%d");
      week = g_date_time_add_days (now, 7);
      if (until == NULL)
        until = g_date_time_format (week, "%Y-%m-%d");
      rows = shelter_follow_up_list_due (session, until, &error);
    }
  if (rows == NULL)
    {
      g_printerr ("shelterctl: %s\n", error->message);
      return EXIT_FAILURE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterFollowUpRow *row = g_ptr_array_index (rows, i);

      g_print ("%s\t%s\t%s\t%s\t%s\n", row->case_code, row->due_on, row->method,
               row->assigned_to != NULL ? row->assigned_to : "-",
               strcmp (row->due_on, today) < 0 ? "overdue" : "due");
    }
  return EXIT_SUCCESS;
}
