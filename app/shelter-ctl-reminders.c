/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "shelter-ctl.h"
#include "shelter-reminders.h"
#include "shelter-text.h"

/* shelterctl reminders DB [--date YYYY-MM-DD] [--role ROLE]: what is due or late on that day
 * (today by default), for one role (a manager's are everyone's), one a line as
 * shelter_reminder_to_line() writes it: urgency, kind, case code, since, role, what, why,
 * action; tab-separated. */
int
shelter_ctl_reminders (int    argc,
                       char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — what is due or overdue, one reminder a line"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *role = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("The day to remind for (default: today)"), "YYYY-MM-DD" },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role,
      N_("Only what this role should act on (administrator, manager, caseworker, medical, "
         "counsellor)"), "ROLE" },
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
  if (date != NULL && !shelter_text_is_iso_date (date))
    {
      g_printerr ("shelterctl: %s\n", _("Date: enter a date as YYYY-MM-DD, such as 2026-11-22."));
      return 2;
    }

  db = shelter_db_open (argv[1], SHELTER_DB_OPEN_READ_ONLY, &error);
  if (db != NULL)
    session = shelter_session_new_for_operator (db);
  if (session != NULL)
    reminders = shelter_reminders_for (session, date, role, &error);
  if (reminders == NULL)
    {
      g_printerr ("shelterctl: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < reminders->len; i++)
    {
      g_autofree char *line = shelter_reminder_to_line (g_ptr_array_index (reminders, i));

      g_print ("%s\n", line);
    }
  return 0;
}
