/* SPDX-License-Identifier: GPL-3.0-or-later */
/* shelter_reminders_for_async(): the reminders the window shows, gathered in a worker thread
 * on a read-only connection of its own, the same as shelter_reminders_for() gives. */
#include "config.h"

#include <glib/gstdio.h>

#include "shelter-reception.h"
#include "shelter-reminders.h"
#include "test-common.h"

typedef struct
{
  gboolean   done;
  GPtrArray *reminders;
  GError    *error;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->reminders, g_ptr_array_unref);
  g_clear_error (&result->error);
  result->done = FALSE;
}

static void
done_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Result *result = user_data;

  result->reminders = shelter_reminders_for_finish (SHELTER_SESSION (source), res,
                                                    &result->error);
  result->done = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until the answer came, at most 30 seconds. */
static void
wait_for (Result *result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!result->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A resident received on @at whose case file and health check at arrival are due. */
static void
receive (ShelterSession *manager,
         gint64          room,
         const char     *given,
         const char     *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (manager, person, intake, room, at, &error);
  g_assert_no_error (error);
}

static void
assert_same (GPtrArray *expected,
             GPtrArray *got)
{
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *line = shelter_reminder_to_line (g_ptr_array_index (expected, i));
      g_autofree char *other = shelter_reminder_to_line (g_ptr_array_index (got, i));
      ShelterReminder *a = g_ptr_array_index (expected, i);
      ShelterReminder *b = g_ptr_array_index (got, i);

      g_assert_cmpstr (other, ==, line);
      g_assert_cmpstr (b->key, ==, a->key);
      g_assert_cmpstr (b->fingerprint, ==, a->fingerprint);
      g_assert_cmpint (b->person_id, ==, a->person_id);
      g_assert_cmpint (b->urgent, ==, a->urgent);
    }
}

static GPtrArray *
sync_reminders (ShelterSession *session,
                const char     *on,
                const char     *role)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = shelter_reminders_for (session, on, role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The same reminders as the call on the main connection, on the session's fixed clock, for
 * its role or all of them, and a day asked for. */
static void
test_same_as_sync (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");
  gint64 room = test_add_room (manager, "A101", "female", "any", 20);
  const char *roles[] = { "caseworker", "medical", NULL };
  const char *days[] = { NULL, "2026-11-30" };
  Result result = { 0 };

  receive (manager, room, "Nhàn", "2026-11-02T10:00:00+07:00");
  receive (manager, room, "Hoa", "2026-11-21T15:00:00+07:00");

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        g_autoptr (GPtrArray) expected = sync_reminders (caseworker, days[d], roles[r]);

        shelter_reminders_for_async (caseworker, days[d], roles[r], NULL, done_cb, &result);
        /* Never answered before the call returns. */
        g_assert_false (result.done);
        wait_for (&result);
        g_assert_no_error (result.error);
        assert_same (expected, result.reminders);
        if (days[d] == NULL && g_strcmp0 (roles[r], "caseworker") == 0)
          g_assert_cmpuint (result.reminders->len, >, 0);
        result_clear (&result);
      }

  /* The operator (shelterctl), who has no account. */
  {
    g_autoptr (ShelterSession) operator = test_session_new (db, "operator");
    g_autoptr (GPtrArray) expected = sync_reminders (operator, NULL, NULL);

    shelter_reminders_for_async (operator, NULL, NULL, NULL, done_cb, &result);
    wait_for (&result);
    g_assert_no_error (result.error);
    assert_same (expected, result.reminders);
    result_clear (&result);
  }
}

/* Cancelled before the answer (the page closed, the user signed out or the window
 * locked): G_IO_ERROR_CANCELLED and nothing of what was found, at once. */
static void
test_cancelled (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");
  gint64 room = test_add_room (manager, "A101", "female", "any", 20);
  Result result = { 0 };

  receive (manager, room, "Nhàn", "2026-11-02T10:00:00+07:00");

  /* Right after it was asked, while the worker runs. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    shelter_reminders_for_async (caseworker, NULL, "caseworker", cancellable, done_cb,
                                 &result);
    g_cancellable_cancel (cancellable);
    wait_for (&result);
    g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (result.reminders);
    result_clear (&result);
  }

  /* Already cancelled when asked. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    shelter_reminders_for_async (caseworker, NULL, "caseworker", cancellable, done_cb,
                                 &result);
    wait_for (&result);
    g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (result.reminders);
    result_clear (&result);
  }

  /* Another look after them is answered as usual. */
  shelter_reminders_for_async (caseworker, NULL, "caseworker", NULL, done_cb, &result);
  wait_for (&result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.reminders->len, >, 0);
  result_clear (&result);
}

/* The worker reads the file on its own connection: while the window holds the write lock
 * it is not held up, and sees what was saved, not what is being written. */
static void
test_own_connection (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");
  g_autoptr (GPtrArray) saved = NULL;
  g_autoptr (GPtrArray) writing = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (manager, "A101", "female", "any", 20);
  Result result = { 0 };

  receive (manager, room, "Nhàn", "2026-11-02T10:00:00+07:00");
  saved = sync_reminders (caseworker, NULL, "caseworker");

  g_assert_true (shelter_db_begin (db, &error));
  g_assert_no_error (error);
  receive (manager, room, "Hoa", "2026-11-02T11:00:00+07:00");
  writing = sync_reminders (caseworker, NULL, "caseworker");
  g_assert_cmpuint (writing->len, >, saved->len);

  shelter_reminders_for_async (caseworker, NULL, "caseworker", NULL, done_cb, &result);
  wait_for (&result);
  g_assert_no_error (result.error);
  assert_same (saved, result.reminders);
  result_clear (&result);

  shelter_db_rollback (db);
}

/* A database that cannot be opened a second time: gathered on the session's own
 * connection, still answered through the main loop. */
static void
test_fallback (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");
  g_autoptr (GPtrArray) expected = NULL;
  gint64 room = test_add_room (manager, "A101", "female", "any", 20);
  Result result = { 0 };

  receive (manager, room, "Nhàn", "2026-11-02T10:00:00+07:00");
  expected = sync_reminders (caseworker, NULL, "caseworker");
  g_assert_cmpuint (expected->len, >, 0);

  /* The file is gone from its folder; the open connection still reads it. */
  g_assert_cmpint (g_unlink (shelter_db_get_path (db)), ==, 0);
  shelter_reminders_for_async (caseworker, NULL, "caseworker", NULL, done_cb, &result);
  g_assert_false (result.done);
  wait_for (&result);
  g_assert_no_error (result.error);
  assert_same (expected, result.reminders);
  result_clear (&result);

  /* And cancelled as well. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();

    shelter_reminders_for_async (caseworker, NULL, "caseworker", cancellable, done_cb,
                                 &result);
    g_cancellable_cancel (cancellable);
    wait_for (&result);
    g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    result_clear (&result);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders-async/same-as-sync", test_same_as_sync);
  g_test_add_func ("/reminders-async/cancelled", test_cancelled);
  g_test_add_func ("/reminders-async/own-connection", test_own_connection);
  g_test_add_func ("/reminders-async/fallback", test_fallback);

  return g_test_run ();
}
