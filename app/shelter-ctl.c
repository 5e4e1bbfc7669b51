/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-backup.h"
#include "shelter-capacity.h"
#include "shelter-ctl.h"
#include "shelter-demo.h"
#include "shelter-domain.h"
#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-intake-record.h"
#include "shelter-reception.h"
#include "shelter-residents-model.h"
#include "shelter-rooms.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

static int
fail (GError *error)
{
  g_printerr ("shelterctl: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static int
usage (GOptionContext *context,
       const char     *message)
{
  g_printerr ("shelterctl: %s\n", message);
  g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
  return EXIT_USAGE;
}

/* Parses the command's options; on failure prints the usage and returns FALSE. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int              *status)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage (context, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    g_printerr ("%u/%u\r", done, total);
}

static int
command_demo (int    argc,
              char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("PATH — create a demo centre"));
  g_autoptr (GError) error = NULL;
  int residents = 200;
  gint64 seed = 1;
  gboolean force = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "residents", 'n', 0, G_OPTION_ARG_INT, &residents, N_("How many people (default 200)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"), "S" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing file"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage (context, _("Give the path of the database to create."));
  if (residents < 0 || residents > 2000000)
    return usage (context, _("--residents must be between 0 and 2000000."));
  if (seed < 0 || seed > G_MAXUINT32)
    return usage (context, _("--seed must be between 0 and 4294967295."));

  if (!shelter_demo_create (argv[1], (guint) residents, (guint32) seed, force,
                            demo_progress_cb, GINT_TO_POINTER (isatty (fileno (stderr))),
                            &error))
    return fail (g_steal_pointer (&error));
  g_print (_("Created a demo centre with %d people in %s\n"), residents, argv[1]);
  return EXIT_SUCCESS;
}

static ShelterDb *
open_existing (const char  *path,
               gboolean     read_only,
               GError     **error)
{
  return shelter_db_open (path, read_only ? SHELTER_DB_OPEN_READ_ONLY : SHELTER_DB_OPEN_DEFAULT,
                          error);
}

/* The database at @path opened for a command, with the session of the operating-system
 * user who runs it; the session keeps the database. */
static ShelterSession *
open_operator_session (const char  *path,
                       gboolean     read_only,
                       GError     **error)
{
  g_autoptr (ShelterDb) db = open_existing (path, read_only, error);

  return db != NULL ? shelter_session_new_for_operator (db) : NULL;
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — check integrity, foreign keys, data version and audit chain"));
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (GError) error = NULL;
  gint64 entries = 0, first_broken = 0;
  int version = 0, latest, status;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage (context, _("Give the path of the database to check."));

  /* Checked as a file first: an older or damaged database is reported, not refused. */
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    return fail (g_error_new (SHELTER_DB_ERROR, SHELTER_DB_ERROR_MISSING,
                              _("The database file “%s” does not exist."), argv[1]));
  latest = shelter_db_latest_schema_version ();
  if (!shelter_db_verify_file (argv[1], &version, &error))
    {
      if (g_error_matches (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT))
        g_print (_("integrity: damaged\n"));
      return fail (g_steal_pointer (&error));
    }
  g_print (_("integrity: ok\n"));
  g_print (_("foreign keys: ok\n"));
  g_print (_("data version: %d (this program: %d)\n"), version, latest);
  if (version != latest)
    {
      g_printerr (_("shelterctl: the data version is not the current one; open the database "
                    "with the app to upgrade it.\n"));
      return EXIT_FAILURE;
    }

  db = open_existing (argv[1], TRUE, &error);
  if (db == NULL || !shelter_audit_verify_chain (db, &entries, &first_broken, &error))
    return fail (g_steal_pointer (&error));
  if (first_broken != 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, entries);
      g_autofree char *broken = g_strdup_printf ("%" G_GINT64_FORMAT, first_broken);

      g_print (_("audit log: %s entries, chain broken at entry %s\n"), n, broken);
      g_printerr (_("shelterctl: the audit log was changed outside Mái Ấm from entry %s on.\n"),
                  broken);
      return EXIT_FAILURE;
    }
  {
    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, entries);
    g_print (_("audit log: %s entries, chain whole\n"), n);
  }
  return EXIT_SUCCESS;
}

/* The first line of @path, without its line end; NULL with an error when unreadable or
 * empty. A passphrase on the command line would show in the process list. */
static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  char *end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  if (*contents == '\0')
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSPHRASE,
                   _("The passphrase file “%s” is empty."), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static int
command_backup (int    argc,
                char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB OUT — make a consistent backup, even while the app is in use"));
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  int status;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Encrypt with the passphrase in the first line of FILE"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage (context, _("Give the database and the backup file to write."));
  if (passphrase_file != NULL && (passphrase = read_passphrase_file (passphrase_file, &error)) == NULL)
    return fail (g_steal_pointer (&error));

  session = open_operator_session (argv[1], FALSE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  if (!shelter_backup_create (session, argv[2], passphrase, &error))
    return fail (g_steal_pointer (&error));
  g_print (_("Backup written to %s\n"), argv[2]);
  return EXIT_SUCCESS;
}

static int
command_restore (int    argc,
                 char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("BACKUP DB — verify a backup, then put it in place of DB"));
  g_autoptr (GError) error = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *actor = NULL;
  ShelterBackupInfo info = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("The passphrase of an encrypted backup, in the first line of FILE"), "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage (context, _("Give the backup file and the database to restore into."));
  if (passphrase_file != NULL && (passphrase = read_passphrase_file (passphrase_file, &error)) == NULL)
    return fail (g_steal_pointer (&error));

  /* Verified once, beside DB, before anything is replaced. */
  actor = g_strconcat ("os:", g_get_user_name (), NULL);
  if (!shelter_backup_restore_file (argv[1], passphrase, argv[2], actor, &info, &replaced,
                                    &error))
    return fail (g_steal_pointer (&error));
  g_print (_("Restored %s into %s (data version %d)\n"), argv[1], argv[2], info.schema_version);
  if (replaced != NULL)
    g_print (_("The previous database was kept as %s\n"), replaced);
  return EXIT_SUCCESS;
}

static int
command_rooms (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — list the rooms with their beds occupied, absent and free"));
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  int status;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("The beds at the end of that day (default: now)"), "YYYY-MM-DD" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage (context, _("Give the path of the database."));

  session = open_operator_session (argv[1], TRUE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  rooms = shelter_rooms_occupancy_on (session, date, &error);
  if (rooms == NULL)
    return fail (g_steal_pointer (&error));

  /* One line a room: code, building, name, use, age group, beds, occupied, absent, free. */
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoomOccupancy *occupancy = g_ptr_array_index (rooms, i);
      ShelterRoom *room = occupancy->room;

      g_print ("%s\t%s\t%s\t%s\t%s\t%u\t%u\t%u\t%u\n",
               shelter_room_get_code (room),
               shelter_room_get_building (room) ? shelter_room_get_building (room) : "",
               shelter_room_get_name (room),
               shelter_enum_label (&shelter_enum_room_use, shelter_room_get_sex_use (room)),
               shelter_enum_label (&shelter_enum_age_group, shelter_room_get_age_group (room)),
               shelter_room_get_beds (room), occupancy->occupied, occupancy->absent,
               occupancy->free);
    }
  return EXIT_SUCCESS;
}

static int
command_search (int    argc,
                char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB TEXT — find people by name, case code, ID number or phone"));
  ShelterDb *db;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int limit = 50;
  int status;
  GOptionEntry entries[] = {
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N people (default 50)"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return usage (context, _("Give the path of the database and the text to look for."));
  if (limit < 1 || limit > 100000)
    return usage (context, _("--limit must be between 1 and 100000."));

  session = open_operator_session (argv[1], TRUE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  db = shelter_session_get_db (session);
  text = g_strjoinv (" ", argv + 2);
  ids = shelter_residents_search (session, text, (guint) limit, &error);
  if (ids == NULL)
    return fail (g_steal_pointer (&error));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ShelterResidentSummary) row = NULL;
      const char *birth;

      row = shelter_resident_list_store_get (db, g_array_index (ids, gint64, i), &error);
      if (row == NULL)
        return fail (g_steal_pointer (&error));
      birth = shelter_resident_summary_get_birth_date (row);
      g_print ("%s\t%s\t%.4s\n",
               shelter_resident_summary_get_case_code (row),
               shelter_resident_summary_get_full_name (row),
               birth != NULL ? birth : "—");
    }
  return EXIT_SUCCESS;
}

static int
command_intake_record (int    argc,
                       char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB CASE_CODE — the intake record of a person’s latest stay, as "
                            "PDF or text"));
  ShelterDb *db;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *case_code = NULL;
  gboolean text = FALSE;
  gint64 person_id;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the record as an A4 PDF to FILE (readable by you only)"), "FILE" },
    { "text", 't', 0, G_OPTION_ARG_NONE, &text,
      N_("Print the record’s text, one paragraph a line"), NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage (context, _("Give the path of the database and the person’s case code."));
  if (output == NULL && !text)
    return usage (context, _("Give --output FILE, --text or both."));

  /* Read-write: writing the PDF is recorded in the audit trail. */
  session = open_operator_session (argv[1], FALSE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  db = shelter_session_get_db (session);
  case_code = g_strstrip (g_strdup (argv[2]));
  person_id = shelter_person_store_find_by_case_code (db, case_code, &error);
  if (person_id < 0)
    return fail (g_steal_pointer (&error));
  if (person_id == 0)
    return fail (g_error_new (SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                              _("No one has the case code “%s”."), case_code));
  stay = shelter_stay_open_latest (session, person_id, &error);
  if (stay == NULL && error != NULL)
    return fail (g_steal_pointer (&error));
  if (stay == NULL)
    return fail (g_error_new (SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                              _("The person with case code “%s” has no stay."), case_code));
  record = shelter_intake_record_load (session, shelter_stay_get_id (stay), &error);
  if (record == NULL)
    return fail (g_steal_pointer (&error));

  if (text)
    {
      g_autofree char *contents = shelter_intake_record_dup_text (record);
      g_print ("%s", contents);
    }
  if (output != NULL)
    {
      if (!shelter_intake_record_write_pdf (session, record, output, &error))
        return fail (g_steal_pointer (&error));
      /* On stderr with --text, so that the text alone goes down a pipe. */
      if (text)
        g_printerr (_("Intake record %s written to %s\n"),
                    shelter_intake_record_get_record_number (record), output);
      else
        g_print (_("Intake record %s written to %s\n"),
                 shelter_intake_record_get_record_number (record), output);
    }
  return EXIT_SUCCESS;
}

static int
command_forecast (int    argc,
                  char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — beds by segment today and the forecast of the weeks ahead"));
  g_autoptr (ShelterSession) session = NULL;
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GError) error = NULL;
  int weeks = 12;
  int status;
  GDate today;
  GOptionEntry entries[] = {
    { "weeks", 'w', 0, G_OPTION_ARG_INT, &weeks, N_("Weeks ahead (default 12, at most 52)"), "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage (context, _("Give the path of the database."));
  if (weeks < 1 || weeks > SHELTER_CAPACITY_MAX_WEEKS)
    return usage (context, _("--weeks must be between 1 and 52."));

  session = open_operator_session (argv[1], TRUE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  forecast = shelter_capacity_forecast (session, (guint) weeks, &error);
  if (forecast == NULL)
    return fail (g_steal_pointer (&error));

  g_print ("# segment\tcode\tbeds\toccupied\tabsent\tfree\tarrivals_per_week\tstay_limit_days\talert\n");
  for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
    {
      ShelterCapacitySegment *segment = &forecast->segments[s];

      g_print ("segment\t%s\t%u\t%u\t%u\t%u\t%.2f\t%u\t%s\n",
               shelter_capacity_segment_code (s), segment->beds, segment->occupied,
               segment->absent, segment->free, segment->arrivals_per_week,
               segment->stay_limit_days,
               shelter_capacity_segment_alert (forecast, s) ? "over-90%" : "-");
    }
  g_print ("# week\tends\tcode\texpected\tleaving\tbeds\n");
  g_date_clear (&today, 1);
  shelter_text_parse_date (forecast->today, &today);
  for (guint k = 1; k <= forecast->weeks; k++)
    {
      GDate end = today;
      char ends[11];

      g_date_add_days (&end, 7 * k);
      g_date_strftime (ends, sizeof ends, "%Y-%m-%d", &end);
      for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
        g_print ("week\t%u\t%s\t%s\t%.2f\t%u\t%u\n", k, ends,
                 shelter_capacity_segment_code (s), forecast->segments[s].expected[k - 1],
                 forecast->segments[s].departures[k - 1], forecast->segments[s].beds);
    }
  return EXIT_SUCCESS;
}

static int
command_occupancy (int    argc,
                   char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("DB — bed-nights used and available by segment, month by month"));
  g_autoptr (ShelterSession) session = NULL;
  g_autofree ShelterOccupancyHistory *history = NULL;
  g_autoptr (GError) error = NULL;
  int months = 12;
  int status;
  GOptionEntry entries[] = {
    { "months", 'm', 0, G_OPTION_ARG_INT, &months,
      N_("Months back, the current one included (default 12, at most 24)"), "N" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                _("One line per month and segment: the month, the segment, "
                                  "the bed-nights used, the bed-nights available and their "
                                  "ratio (“-” when no bed was available). The current "
                                  "month counts up to last night."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage (context, _("Give the path of the database."));
  if (months < 1 || months > SHELTER_CAPACITY_MAX_MONTHS)
    return usage (context, _("--months must be between 1 and 24."));

  session = open_operator_session (argv[1], TRUE, &error);
  if (session == NULL)
    return fail (g_steal_pointer (&error));
  history = shelter_capacity_occupancy_history (session, (guint) months, &error);
  if (history == NULL)
    return fail (g_steal_pointer (&error));

  g_print ("# month\tcode\toccupied\tavailable\trate\n");
  for (guint m = 0; m < history->months; m++)
    for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
      {
        const ShelterOccupancyCell *cell = &history->month[m].segments[s];
        char rate[G_ASCII_DTOSTR_BUF_SIZE] = "-";

        if (!isnan (cell->rate))
          g_ascii_formatd (rate, sizeof rate, "%.3f", cell->rate);
        g_print ("%s\t%s\t%u\t%u\t%s\n", history->month[m].month,
                 shelter_capacity_segment_code (s), cell->occupied, cell->available, rate);
      }
  return EXIT_SUCCESS;
}

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "demo", command_demo, N_("Create a demo centre with realistic data") },
  { "bench", shelter_ctl_bench, N_("Measure the program against the targets of the design") },
  { "check", command_check, N_("Check a database’s integrity, data version and audit chain") },
  { "backup", command_backup, N_("Make a backup, optionally encrypted") },
  { "restore", command_restore, N_("Verify a backup and restore it, keeping the old file") },
  { "forecast", command_forecast, N_("Beds by segment today and the forecast of the weeks ahead") },
  { "occupancy", command_occupancy,
    N_("Bed-nights used and available by segment over the last months") },
  { "kitchen", shelter_ctl_kitchen, N_("The meals of a day by meal and diet (kitchen sheet)") },
  { "follow-ups", shelter_ctl_follow_ups,
    N_("The follow-ups after discharge due this week or overdue") },
  { "report", shelter_ctl_report, N_("Statistics of a period for the department, as CSV, XLSX or PDF") },
  { "reminders", shelter_ctl_reminders, N_("What is due or overdue on a day, one reminder a line") },
  { "rooms", command_rooms, N_("List the rooms with their beds used and free") },
  { "search", command_search, N_("Find people by name, case code, ID number or phone") },
  { "intake-record", command_intake_record,
    N_("Write a person’s intake record as PDF, or print its text") },
  { "discharge-papers", shelter_ctl_discharge_papers, N_("A discharge’s papers as PDF or text") },
  { "import", shelter_ctl_import, N_("Bring residents in from a CSV or XLSX spreadsheet") },
};

static void
print_commands (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: shelterctl COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
}

int
shelter_ctl_run (int    argc,
                 char **argv)
{
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("SHELTER_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_commands (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *program = g_strdup_printf ("shelterctl %s", argv[1]);
        char *saved = argv[1];
        int status;

        /* The command parses "shelterctl demo ..." as its own program name. */
        g_set_prgname (program);
        argv[1] = program;
        status = commands[i].func (argc - 1, argv + 1);
        argv[1] = saved;
        return status;
      }

  g_printerr (_("shelterctl: unknown command “%s”.\n"), argv[1]);
  print_commands (stderr);
  return EXIT_USAGE;
}
