/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-statistics"

#include "config.h"

#include <string.h>

#include "shelter-statistics-async.h"
#include "shelter-stores.h"

/* As shelter_reminders_for_async() gathers the reminders: a worker thread on its own
 * read-only connection, the answer handed back on the calling thread. */

typedef struct
{
  char          *path;
  ShelterUser   *user;          /* a copy of the session's account, NULL for the operator */
  GDateTime     *now;           /* the session's clock when asked */
  ShelterPeriod  period;
  gboolean       suppress;
  gboolean       reopen_failed; /* set by the worker: count on the calling thread instead */
  gint64         started;       /* monotonic, for the debug log */
} StatisticsJob;

static void
statistics_job_free (gpointer data)
{
  StatisticsJob *job = data;

  g_free (job->path);
  g_clear_object (&job->user);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

/* The worker's own copy: the session's may change on the main thread meanwhile. */
static ShelterUser *
statistics_user_copy (ShelterUser *user)
{
  ShelterUser *copy = shelter_user_new ();

  shelter_user_set_id (copy, shelter_user_get_id (user));
  shelter_user_set_username (copy, shelter_user_get_username (user));
  shelter_user_set_full_name (copy, shelter_user_get_full_name (user));
  shelter_user_set_role (copy, shelter_user_get_role (user));
  shelter_user_set_active (copy, shelter_user_get_active (user));
  shelter_user_set_version (copy, shelter_user_get_version (user));
  return copy;
}

/* Whether another connection can open the session's database: a file, not one in memory. */
static gboolean
statistics_db_reopenable (ShelterDb *db)
{
  const char *path = shelter_db_get_path (db);

  return path != NULL && *path != '\0' && strcmp (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file:") && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The fallback: on the calling thread, on the session's own connection. */
static void
statistics_return_here (GTask               *task,
                        const ShelterPeriod *period,
                        gboolean             suppress)
{
  ShelterSession *session = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  GPtrArray *tables;

  if (g_task_return_error_if_cancelled (task))
    return;
  tables = shelter_statistics_compute (session, period, suppress, &error);
  if (tables == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tables, (GDestroyNotify) g_ptr_array_unref);
}

static void
statistics_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  StatisticsJob *job = task_data;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *tables;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* The session's own connection checked the file when it was opened. */
  db = shelter_db_open (job->path, SHELTER_DB_OPEN_READ_ONLY | SHELTER_DB_OPEN_CHECKED, &error);
  if (db == NULL)
    {
      job->reopen_failed = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  session = job->user != NULL ? shelter_session_new_for_user (db, job->user)
                              : shelter_session_new_for_operator (db);
  shelter_session_set_clock (session, job->now);
  tables = shelter_statistics_compute (session, &job->period, job->suppress, &error);
  if (tables == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tables, (GDestroyNotify) g_ptr_array_unref);
}

/* Back on the calling thread: hands what the worker counted to the caller's task. */
static void
statistics_worker_done (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GTask *worker = G_TASK (result);
  StatisticsJob *job = g_task_get_task_data (worker);
  g_autoptr (GError) error = NULL;
  GPtrArray *tables;

  tables = g_task_propagate_pointer (worker, &error);
  if (tables != NULL)
    {
      g_debug ("%u tables counted in a worker thread in %.3f s", tables->len,
               (g_get_monotonic_time () - job->started) / 1e6);
      g_task_return_pointer (task, tables, (GDestroyNotify) g_ptr_array_unref);
    }
  /* Cancelled: the worker may still be running, job->reopen_failed is not to be read. */
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !job->reopen_failed)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_debug ("The database could not be opened a second time (%s): the statistics are "
               "counted on the main connection", error->message);
      statistics_return_here (task, &job->period, job->suppress);
    }
}

void
shelter_statistics_compute_async (ShelterSession       *session,
                                  const ShelterPeriod  *period,
                                  gboolean              suppress,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  GTask *worker;
  ShelterDb *db;
  ShelterUser *user;
  StatisticsJob *job;

  g_return_if_fail (SHELTER_IS_SESSION (session));
  g_return_if_fail (period != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, shelter_statistics_compute_async);
  g_task_set_name (task, "shelter_statistics_compute_async");

  db = shelter_session_get_db (session);
  if (!statistics_db_reopenable (db))
    {
      /* Returned from an idle callback: never before this call returns. */
      statistics_return_here (task, period, suppress);
      return;
    }

  job = g_new0 (StatisticsJob, 1);
  job->path = g_strdup (shelter_db_get_path (db));
  user = shelter_session_get_user (session);
  job->user = user != NULL ? statistics_user_copy (user) : NULL;
  /* A fixed clock (tests, the demo) as it is; the real one as it reads now. */
  job->now = shelter_session_now (session);
  job->period = *period;
  job->suppress = suppress;
  job->started = g_get_monotonic_time ();

  worker = g_task_new (NULL, cancellable, statistics_worker_done, g_steal_pointer (&task));
  g_task_set_name (worker, "shelter_statistics_compute_async worker");
  g_task_set_task_data (worker, job, statistics_job_free);
  /* A cancelled count is answered at once; the thread finishes on its own connection and
   * what it counts is dropped. */
  g_task_set_return_on_cancel (worker, TRUE);
  g_task_run_in_thread (worker, statistics_worker);
  g_object_unref (worker);
}

GPtrArray *
shelter_statistics_compute_finish (ShelterSession  *session,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        shelter_statistics_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
