/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A desk for the drills, as a separate process: the drills start it, run two at once, or
 * kill it mid-write. Every line it prints on stdout is printed only after what it names is
 * committed, and flushed at once, so that a drill killing it knows what was reported done.
 *
 *   drill-writer intakes DB ROOM_ID COUNT TAG
 *       receives COUNT people into the room, one transaction each; prints
 *       "done CASE_CODE PERSON_ID STAY_ID RECORD_NUMBER" after each commit
 *   drill-writer edit DB PERSON_ID GIVEN_NAME PHONE
 *       opens the person, prints "read VERSION", waits for a line on stdin (the drill starts
 *       both desks' saves together), types GIVEN_NAME and PHONE and saves; prints "saved" or
 *       "refused CODE MESSAGE", then "held GIVEN PHONE VERSION" (what the desk still holds)
 *       and, when refused, "current GIVEN PHONE VERSION" (what the database has)
 *   drill-writer open DB ROOM_ID
 *       opens the database as the app does; prints "read-only yes|no" or "open-error
 *       MESSAGE", then tries one intake and prints "saved" or "refused CODE MESSAGE"
 *
 * Failures print "error MESSAGE" on stdout and exit 1. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "shelter-reception.h"
#include "test-common.h"

static const char *given_names[] = { "Lan", "Mai", "Hoa", "Cúc", "Đào", "Hương", "Nhung",
                                     "Thảo", "Vân", "Yến", "Liên", "Hạnh" };
static const char *family_names[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng",
                                      "Bùi", "Đỗ", "Hồ" };

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static int
fail (GError *error)
{
  say ("error %s", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

static ShelterSession *
open_desk (const char  *path,
           GError     **error)
{
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, error);

  return db != NULL ? test_session_new (db, "caseworker") : NULL;
}

/* One intake through the use case; the person's name and birth date vary with @n so that
 * no two look alike. */
static ShelterStay *
receive_one (ShelterSession  *session,
             gint64           room_id,
             guint            n,
             const char      *tag,
             ShelterPerson  **person_out,
             ShelterIntake  **intake_out,
             GError         **error)
{
  g_autofree char *birth = g_strdup_printf ("%04u-%02u-%02u", 1970 + n % 35, 1 + n % 12,
                                            1 + n % 28);
  g_autofree char *officer = g_strdup_printf ("Drill %s %u", tag, n);
  g_autoptr (ShelterPerson) person = test_person_new (family_names[n % G_N_ELEMENTS (family_names)],
                                                      "Thị",
                                                      given_names[(n / 10) % G_N_ELEMENTS (given_names)],
                                                      "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "police");
  shelter_intake_set_officer_name (intake, officer);
  shelter_intake_set_officer_unit (intake, "Công an huyện Drill");
  shelter_intake_set_identification_status (intake, "in_progress");
  shelter_intake_set_consent_record (intake, TRUE);
  stay = shelter_receive_person (session, person, intake, room_id,
                                 "2026-11-21T10:00:00+07:00", error);
  if (person_out != NULL)
    *person_out = g_steal_pointer (&person);
  if (intake_out != NULL)
    *intake_out = g_steal_pointer (&intake);
  return stay;
}

static int
command_intakes (int    argc,
                 char **argv)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room_id;
  guint count;

  if (argc != 6)
    return EXIT_FAILURE;
  room_id = g_ascii_strtoll (argv[3], NULL, 10);
  count = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  if ((session = open_desk (argv[2], &error)) == NULL)
    return fail (g_steal_pointer (&error));

  for (guint n = 0; n < count; n++)
    {
      g_autoptr (ShelterPerson) person = NULL;
      g_autoptr (ShelterIntake) intake = NULL;
      g_autoptr (ShelterStay) stay = NULL;

      stay = receive_one (session, room_id, n, argv[5], &person, &intake, &error);
      if (stay == NULL)
        return fail (g_steal_pointer (&error));
      say ("done %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s",
           shelter_person_get_case_code (person), shelter_person_get_id (person),
           shelter_stay_get_id (stay), shelter_intake_get_record_number (intake));
    }
  return EXIT_SUCCESS;
}

static void
say_person (const char    *what,
            ShelterPerson *person)
{
  say ("%s %s %s %" G_GINT64_FORMAT, what, shelter_person_get_given_name (person),
       shelter_person_get_phone (person), shelter_person_get_version (person));
}

static int
command_edit (int    argc,
              char **argv)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterPerson) current = NULL;
  g_autoptr (GError) error = NULL;
  char line[64];

  if (argc != 6)
    return EXIT_FAILURE;
  if ((session = open_desk (argv[2], &error)) == NULL)
    return fail (g_steal_pointer (&error));
  person = shelter_person_open (session, g_ascii_strtoll (argv[3], NULL, 10), &error);
  if (person == NULL)
    return fail (g_steal_pointer (&error));
  say ("read %" G_GINT64_FORMAT, shelter_person_get_version (person));

  /* Both desks have read the same version; the drill lets them save together. */
  if (fgets (line, sizeof line, stdin) == NULL)
    return EXIT_FAILURE;

  shelter_person_set_given_name (person, argv[4]);
  shelter_person_set_phone (person, argv[5]);
  if (shelter_person_save (session, person, &current, &error))
    say ("saved");
  else
    say ("refused %d %s", error->code, error->message);
  say_person ("held", person);
  if (current != NULL)
    say_person ("current", current);
  return EXIT_SUCCESS;
}

static int
command_open (int    argc,
              char **argv)
{
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 4)
    return EXIT_FAILURE;
  db = shelter_db_open (argv[2], SHELTER_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      say ("open-error %s", error->message);
      return EXIT_SUCCESS;
    }
  say ("read-only %s", shelter_db_is_read_only (db) ? "yes" : "no");
  session = test_session_new (db, "caseworker");
  stay = receive_one (session, g_ascii_strtoll (argv[3], NULL, 10), 0, "ro", NULL, NULL,
                      &error);
  if (stay != NULL)
    say ("saved");
  else
    say ("refused %d %s", error->code, error->message);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "intakes"))
    return command_intakes (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "edit"))
    return command_edit (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "open"))
    return command_open (argc, argv);
  g_printerr ("usage: drill-writer intakes|edit|open …\n");
  return 2;
}
