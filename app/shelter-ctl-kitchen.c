/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "shelter-ctl.h"
#include "shelter-meals.h"

/* shelterctl kitchen DB [--date YYYY-MM-DD]: the counts of the kitchen sheet, from the same
 * function as the Meals screen. */
int
shelter_ctl_kitchen (int    argc,
                     char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — the meals of a day by meal and diet, as on the kitchen sheet"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The day (default: today)"), "YYYY-MM-DD" },
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
    sheet = shelter_kitchen_sheet_load (session, date, &error);
  if (sheet == NULL)
    {
      g_printerr ("shelterctl: %s\n", error->message);
      return EXIT_FAILURE;
    }
  text = shelter_kitchen_sheet_dup_text (sheet);
  g_print ("%s", text);
  return EXIT_SUCCESS;
}
