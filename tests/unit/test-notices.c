/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-notices.h"
#include "shelter-reception.h"
#include "shelter-reminders.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00 (a Sunday). */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

/* A reminder as the engine gives them, about case @case_code (NULL: the centre). */
static ShelterReminder *
reminder_new (const char *kind,
              gint64      stay_id,
              const char *case_code,
              const char *since,
              gboolean    urgent,
              const char *fingerprint)
{
  ShelterReminder *reminder = g_new0 (ShelterReminder, 1);

  reminder->kind = g_strdup (kind);
  reminder->urgency = SHELTER_REMINDER_OVERDUE;
  reminder->urgent = urgent;
  reminder->person_id = stay_id;
  reminder->stay_id = stay_id;
  reminder->case_code = g_strdup (case_code);
  reminder->title = g_strdup ("Health check at arrival");
  reminder->reason = g_strdup ("Admitted 20/11/2026 08:00");
  reminder->since = g_strdup (since);
  reminder->role = g_strdup ("medical");
  reminder->action = g_strdup ("Record the health check");
  reminder->page = g_strdup ("services");
  reminder->key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", kind, stay_id, since);
  reminder->fingerprint = g_strdup (fingerprint);
  return reminder;
}

static GPtrArray *
reminders_of (ShelterReminder *first,
              ...)
{
  GPtrArray *reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_reminder_free);
  va_list args;

  va_start (args, first);
  for (ShelterReminder *reminder = first; reminder != NULL;
       reminder = va_arg (args, ShelterReminder *))
    g_ptr_array_add (reminders, reminder);
  va_end (args);
  return reminders;
}

/* The keys of the reminders taken as new, in order, comma-separated. */
static char *
take_keys (ShelterSession *session,
           GPtrArray      *reminders,
           gboolean        urgent_only)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fresh = shelter_notices_take_new (session, reminders, urgent_only,
                                                          &error);
  GString *keys = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  for (guint i = 0; i < fresh->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (fresh, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? "," : "", reminder->key);
    }
  return g_string_free (keys, FALSE);
}

/* The same reminder is told once; changed, it is told again; another person is told too. */
static void
test_once_per_person (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) changed = NULL;
  g_autofree char *keys = NULL;

  first = reminders_of (reminder_new ("health_arrival", 7, "26-0007", "2026-11-21", TRUE, "a"),
                        reminder_new ("backup", 0, NULL, "2026-11-20", TRUE, "b"), NULL);
  keys = take_keys (fixture->caseworker, first, FALSE);
  g_assert_cmpstr (keys, ==, "health_arrival:7:2026-11-21,backup:0:2026-11-20");
  g_clear_pointer (&keys, g_free);

  /* Fifteen minutes later the same reminders, unchanged: nothing new. */
  again = reminders_of (reminder_new ("health_arrival", 7, "26-0007", "2026-11-21", TRUE, "a"),
                        reminder_new ("backup", 0, NULL, "2026-11-20", TRUE, "b"), NULL);
  keys = take_keys (fixture->caseworker, again, FALSE);
  g_assert_cmpstr (keys, ==, "");
  g_clear_pointer (&keys, g_free);
  keys = take_keys (fixture->caseworker, again, FALSE);
  g_assert_cmpstr (keys, ==, "");
  g_clear_pointer (&keys, g_free);

  /* What the backup reminder says changed (another failure): told again, and only it. */
  changed = reminders_of (reminder_new ("health_arrival", 7, "26-0007", "2026-11-21", TRUE, "a"),
                          reminder_new ("backup", 0, NULL, "2026-11-20", TRUE, "c"), NULL);
  keys = take_keys (fixture->caseworker, changed, FALSE);
  g_assert_cmpstr (keys, ==, "backup:0:2026-11-20");
  g_clear_pointer (&keys, g_free);

  /* The manager was told of nothing yet: both, once. */
  keys = take_keys (fixture->manager, changed, FALSE);
  g_assert_cmpstr (keys, ==, "health_arrival:7:2026-11-21,backup:0:2026-11-20");
  g_clear_pointer (&keys, g_free);
  keys = take_keys (fixture->manager, changed, FALSE);
  g_assert_cmpstr (keys, ==, "");

  /* Kept in the database, one row per person and reminder, as anyone with sqlite3 sees. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM reminder_notice"), ==, 4);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM reminder_notice WHERE "
                               "username = 'test.caseworker' AND key = 'backup:0:2026-11-20' "
                               "AND fingerprint = 'c'"), ==, 1);
}

/* Urgent only: the others are not told, nor marked as told (they come when "all" is
 * chosen); a reminder for another person is theirs. */
static void
test_urgent_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) reminders = NULL;
  g_autofree char *keys = NULL;
  ShelterReminder *assigned;

  reminders = reminders_of (reminder_new ("health_arrival", 7, "26-0007", "2026-11-21", TRUE,
                                          "a"),
                            reminder_new ("plan_review", 8, "26-0008", "2026-11-23", FALSE, "a"),
                            reminder_new ("follow_up", 9, "26-0009", "2026-11-22", FALSE, "a"),
                            NULL);
  assigned = g_ptr_array_index (reminders, 2);
  assigned->assignee = g_strdup ("someone.else");

  keys = take_keys (fixture->caseworker, reminders, TRUE);
  g_assert_cmpstr (keys, ==, "health_arrival:7:2026-11-21");
  g_clear_pointer (&keys, g_free);
  keys = take_keys (fixture->caseworker, reminders, FALSE);
  g_assert_cmpstr (keys, ==, "plan_review:8:2026-11-23");
  g_clear_pointer (&keys, g_free);

  /* Assigned to this caseworker: theirs. */
  g_free (assigned->assignee);
  assigned->assignee = g_strdup ("test.caseworker");
  keys = take_keys (fixture->caseworker, reminders, FALSE);
  g_assert_cmpstr (keys, ==, "follow_up:9:2026-11-22");
}

/* The texts: the title and the case code with since when, as a passer-by may read them. */
static void
test_texts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (ShelterReminder) resident = reminder_new ("health_arrival", 7, "26-0007",
                                                       "2026-11-21", TRUE, "a");
  g_autoptr (ShelterReminder) centre = reminder_new ("backup", 0, NULL, "2026-11-20", TRUE,
                                                     "b");
  g_autofree char *title = shelter_notice_title (resident);
  g_autofree char *body = shelter_notice_body (resident);
  g_autofree char *centre_body = shelter_notice_body (centre);
  g_autofree char *today_body = NULL;

  g_assert_cmpstr (title, ==, "Health check at arrival");
  g_assert_cmpstr (body, ==, "Case code 26-0007 · overdue since 21/11/2026");
  g_assert_cmpstr (centre_body, ==, "The centre · overdue since 20/11/2026");
  /* Never the reason: it may say more than a passer-by should read. */
  g_assert_null (strstr (body, "Admitted"));
  resident->urgency = SHELTER_REMINDER_TODAY;
  today_body = shelter_notice_body (resident);
  g_assert_cmpstr (today_body, ==, "Case code 26-0007 · due today");
}

/* A resident whose name is known, with reminders from the engine: no notice names them. */
static void
test_no_name (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Nhàn", "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  const char *roles[] = { "caseworker", "manager", "medical", "counsellor" };
  guint about_her = 0;

  shelter_intake_set_handed_over_by (intake, "self");
  /* Received three weeks ago: the case file and the health check at arrival are late. */
  stay = shelter_receive_person (fixture->caseworker, person, intake, room,
                                 "2026-11-02T10:00:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  g_clear_object (&person);
  person = shelter_person_store_get (fixture->db, shelter_stay_get_person_id (stay), NULL);
  g_assert_nonnull (person);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      g_autoptr (ShelterSession) session = test_session_new (fixture->db, roles[r]);
      g_autoptr (GPtrArray) reminders = shelter_reminders_for (session, NULL, roles[r], &error);
      g_autoptr (GPtrArray) fresh = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (reminders);
      fresh = shelter_notices_take_new (session, reminders, FALSE, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < fresh->len; i++)
        {
          ShelterReminder *reminder = g_ptr_array_index (fresh, i);
          g_autofree char *title = shelter_notice_title (reminder);
          g_autofree char *body = shelter_notice_body (reminder);
          g_autofree char *text = g_strconcat (title, "\n", body, NULL);

          g_assert_null (strstr (text, "Nhàn"));
          g_assert_null (strstr (text, "Lò"));
          g_assert_null (strstr (text, "1998"));
          g_assert_null (strstr (text, "04/03"));
          if (reminder->stay_id == shelter_stay_get_id (stay))
            {
              g_assert_nonnull (strstr (body, shelter_person_get_case_code (person)));
              about_her++;
            }
        }
    }
  /* There was something to tell about her, or the test proves nothing. */
  g_assert_cmpuint (about_her, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/notices/once-per-person", test_once_per_person);
  ADD ("/notices/urgent-only", test_urgent_only);
  ADD ("/notices/texts", test_texts);
  ADD ("/notices/no-name", test_no_name);

  return g_test_run ();
}
