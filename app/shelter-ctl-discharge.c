/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "shelter-app-error.h"
#include "shelter-ctl.h"
#include "shelter-discharge-papers.h"
#include "shelter-reception.h"
#include "shelter-stores.h"

/* shelterctl discharge-papers DB CASE_CODE --paper handover|closure [--stay ID]
 * [--output F.pdf] [--text]: the papers of a discharge, from the same functions as the
 * resident's page. Without --stay, the person's newest stay, which must have ended. */
int
shelter_ctl_discharge_papers (int    argc,
                              char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB CASE_CODE — the handover record or the case-closure form of a "
                            "person’s discharge, as PDF or text"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDischargePaper) paper = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *case_code = NULL;
  ShelterDischargePaperKind kind;
  gboolean text = FALSE;
  gint64 stay_id = 0;
  gint64 person_id;
  GOptionEntry entries[] = {
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Which paper: handover (the handover record) or closure (the case-closure form)"),
      "handover|closure" },
    { "stay", 's', 0, G_OPTION_ARG_INT64, &stay_id,
      N_("The stay (default: the person’s newest, which must have ended)"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the paper as an A4 PDF to FILE (readable by you only)"), "FILE" },
    { "text", 't', 0, G_OPTION_ARG_NONE, &text,
      N_("Print the paper’s text, one paragraph a line"), NULL },
    { NULL }
  };
  const char *problem = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    problem = error->message;
  else if (argc != 3)
    problem = _("Give the path of the database and the person’s case code.");
  else if (kind_name == NULL ||
           (g_strcmp0 (kind_name, "handover") != 0 && g_strcmp0 (kind_name, "closure") != 0))
    problem = _("Give --paper handover or --paper closure.");
  else if (output == NULL && !text)
    problem = _("Give --output FILE, --text or both.");
  if (problem != NULL)
    {
      g_printerr ("shelterctl: %s\n", problem);
      g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
      return 2;
    }
  kind = g_str_equal (kind_name, "handover") ? SHELTER_DISCHARGE_PAPER_HANDOVER
                                             : SHELTER_DISCHARGE_PAPER_CLOSURE;

  /* Read-write: writing the PDF is recorded in the audit trail. */
  db = shelter_db_open (argv[1], SHELTER_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    session = shelter_session_new_for_operator (db);
  if (session == NULL)
    goto failed;
  case_code = g_strstrip (g_strdup (argv[2]));
  person_id = shelter_person_store_find_by_case_code (db, case_code, &error);
  if (person_id < 0)
    goto failed;
  if (person_id == 0)
    {
      g_set_error (&error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   _("No one has the case code “%s”."), case_code);
      goto failed;
    }
  if (stay_id == 0)
    {
      g_autoptr (ShelterStay) stay = shelter_stay_open_latest (session, person_id, &error);

      if (stay == NULL && error == NULL)
        g_set_error (&error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                     _("The person with case code “%s” has no stay."), case_code);
      else if (stay != NULL && shelter_stay_get_discharged_at (stay) == NULL)
        g_set_error (&error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                     _("The person with case code “%s” is staying at the centre now; give "
                       "--stay ID for an earlier stay."), case_code);
      if (error != NULL)
        goto failed;
      stay_id = shelter_stay_get_id (stay);
    }
  else
    {
      g_autoptr (ShelterStay) stay = shelter_stay_store_get (db, stay_id, &error);

      if (stay == NULL)
        goto failed;
      if (shelter_stay_get_person_id (stay) != person_id)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, stay_id);

          g_set_error (&error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                       _("Stay %s is not a stay of the person with case code “%s”."), id,
                       case_code);
          goto failed;
        }
    }
  paper = shelter_discharge_paper_load (session, stay_id, kind, &error);
  if (paper == NULL)
    goto failed;

  if (text)
    {
      g_autofree char *contents = shelter_discharge_paper_dup_text (paper);

      g_print ("%s", contents);
    }
  if (output != NULL)
    {
      if (!shelter_discharge_paper_write_pdf (session, paper, output, &error))
        goto failed;
      /* On stderr with --text, so that the text alone goes down a pipe. */
      if (text)
        g_printerr (_("Written to %s\n"), output);
      else
        g_print (_("Written to %s\n"), output);
    }
  return EXIT_SUCCESS;

failed:
  g_printerr ("shelterctl: %s\n", error->message);
  return EXIT_FAILURE;
}
