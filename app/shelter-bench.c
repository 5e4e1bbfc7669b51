/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-bench"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-bench.h"
#include "shelter-capacity.h"
#include "shelter-compliance.h"
#include "shelter-placement.h"
#include "shelter-residents-model.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define FIRST_SCREEN 50

void
shelter_bench_search_free (ShelterBenchSearch *result)
{
  if (result == NULL)
    return;
  g_free (result->query);
  g_free (result);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The value below which @fraction of the sorted @times fall. */
static double
percentile (GArray *times,
            double  fraction)
{
  guint index = (guint) (fraction * (times->len - 1) + 0.5);

  return g_array_index (times, double, MIN (index, times->len - 1));
}

/* A person somewhere in the file with the field @get returns, looking forward from @id. */
static ShelterPerson *
person_with (ShelterDb    *db,
             gint64        id,
             gint64        last_id,
             const char *(*get) (ShelterPerson *))
{
  for (; id <= last_id; id++)
    {
      g_autoptr (ShelterPerson) person = shelter_person_store_get (db, id, NULL);

      if (person != NULL && (get == NULL || get (person) != NULL))
        return g_steal_pointer (&person);
    }
  return NULL;
}

static void
add_query (GPtrArray  *queries,
           const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (queries, g_strdup (text));
}

/* What a reception desk types, made from people on record so that the searches find
 * someone. */
static GPtrArray *
desk_queries (ShelterDb *db,
              gint64     n_people)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ShelterPerson) middle = person_with (db, MAX (1, n_people / 2), n_people,
                                                  shelter_person_get_middle_name);
  g_autoptr (ShelterPerson) phoned = person_with (db, MAX (1, n_people / 3), n_people,
                                                  shelter_person_get_phone);
  g_autoptr (ShelterPerson) papered = person_with (db, MAX (1, n_people / 4), n_people,
                                                   shelter_person_get_id_number);

  if (middle != NULL)
    {
      g_autofree char *family = shelter_text_fold (shelter_person_get_family_name (middle));
      g_autofree char *given = shelter_text_fold (shelter_person_get_given_name (middle));
      g_autofree char *middle_name = shelter_text_fold (shelter_person_get_middle_name (middle));
      g_autofree char *full = shelter_person_dup_full_name (middle);
      g_autofree char *decomposed = g_utf8_normalize (full, -1, G_NORMALIZE_NFD);
      g_autofree char *any_order = g_strdup_printf ("%s %s %.2s", middle_name, given, family);

      add_query (queries, family);
      add_query (queries, given);
      add_query (queries, any_order);
      add_query (queries, decomposed);
      add_query (queries, shelter_person_get_case_code (middle));
    }
  if (phoned != NULL)
    {
      g_autofree char *start = g_strndup (shelter_person_get_phone (phoned), 6);

      add_query (queries, start);
    }
  if (papered != NULL)
    {
      g_autofree char *start = g_strndup (shelter_person_get_id_number (papered), 6);

      add_query (queries, start);
    }
  add_query (queries, "n");
  return queries;
}

GPtrArray *
shelter_bench_search (ShelterSession  *session,
                      guint            runs,
                      GError         **error)
{
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_bench_search_free);
  g_autoptr (GPtrArray) queries = NULL;
  ShelterDb *db;
  gint64 n_people;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (runs > 0, NULL);

  db = shelter_session_get_db (session);
  n_people = shelter_person_store_count (db, error);
  if (n_people < 0)
    return NULL;
  if (n_people == 0)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The database has no residents to search. Run the benchmark on a demo "
                     "centre: shelterctl demo --residents 100000 FILE."));
      return NULL;
    }
  queries = desk_queries (db, n_people);

  for (guint q = 0; q < queries->len; q++)
    {
      const char *text = queries->pdata[q];
      g_autoptr (ShelterBenchSearch) result = g_new0 (ShelterBenchSearch, 1);
      g_autoptr (GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
      g_autoptr (GArray) raw_times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
      g_autofree char *fts_query = shelter_text_search_query (text);

      result->query = g_strdup (text);
      /* One run first, so that every query starts from the same warm cache. */
      for (guint run = 0; run <= runs; run++)
        {
          g_autoptr (GArray) ids = NULL;
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          ids = shelter_residents_search (session, text, FIRST_SCREEN, error);
          if (ids == NULL)
            return NULL;
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          result->hits = ids->len;
          if (run > 0)
            g_array_append_val (times, elapsed);

          start = g_get_monotonic_time ();
          if (fts_query != NULL && shelter_bench_store_raw_search (db, fts_query, FIRST_SCREEN,
                                                                   error) < 0)
            return NULL;
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          if (run > 0)
            g_array_append_val (raw_times, elapsed);
        }
      g_array_sort (times, compare_doubles);
      g_array_sort (raw_times, compare_doubles);
      result->p50_ms = percentile (times, 0.50);
      result->p95_ms = percentile (times, 0.95);
      result->max_ms = g_array_index (times, double, times->len - 1);
      result->raw_p50_ms = percentile (raw_times, 0.50);
      g_ptr_array_add (results, g_steal_pointer (&result));
    }
  return g_steal_pointer (&results);
}

/* The planning page's reads, as shelter_planning_page_reload() makes them. */
static gboolean
read_planning_view (ShelterSession  *session,
                    GError         **error)
{
  g_autofree ShelterCapacityForecast *forecast = shelter_capacity_forecast (session, 12, error);
  g_autoptr (GPtrArray) flags = NULL;
  g_autofree ShelterOccupancyHistory *history = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  ShelterStaffRatios staff;

  return forecast != NULL &&
         (flags = shelter_placement_flags (session, error)) != NULL &&
         (history = shelter_capacity_occupancy_history (session, 12, error)) != NULL &&
         (rooms = shelter_compliance_rooms (session, error)) != NULL &&
         shelter_compliance_staff (session, &staff, error);
}

gboolean
shelter_bench_capacity (ShelterSession  *session,
                        guint            runs,
                        double           board_ms[2],
                        double           forecast_ms[2],
                        double           planning_ms[2],
                        GError         **error)
{
  g_autoptr (GArray) board_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) forecast_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) planning_times = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr (GPtrArray) rooms = NULL;
      g_autofree ShelterCapacityForecast *forecast = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      if ((rooms = shelter_rooms_occupancy_on (session, NULL, error)) == NULL)
        return FALSE;
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (run > 0)
        g_array_append_val (board_times, elapsed);

      start = g_get_monotonic_time ();
      if ((forecast = shelter_capacity_forecast (session, 12, error)) == NULL)
        return FALSE;
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (run > 0)
        g_array_append_val (forecast_times, elapsed);

      start = g_get_monotonic_time ();
      if (!read_planning_view (session, error))
        return FALSE;
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (run > 0)
        g_array_append_val (planning_times, elapsed);
    }
  g_array_sort (board_times, compare_doubles);
  g_array_sort (forecast_times, compare_doubles);
  g_array_sort (planning_times, compare_doubles);
  board_ms[0] = percentile (board_times, 0.50);
  board_ms[1] = percentile (board_times, 0.95);
  forecast_ms[0] = percentile (forecast_times, 0.50);
  forecast_ms[1] = percentile (forecast_times, 0.95);
  planning_ms[0] = percentile (planning_times, 0.50);
  planning_ms[1] = percentile (planning_times, 0.95);
  return TRUE;
}
