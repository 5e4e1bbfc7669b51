/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-bench"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-bench.h"
#include "shelter-capacity.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-follow-up.h"
#include "shelter-import.h"
#include "shelter-meals.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-reminders.h"
#include "shelter-residents-model.h"
#include "shelter-rooms.h"
#include "shelter-safety.h"
#include "shelter-services.h"
#include "shelter-statistics.h"
#include "shelter-stores.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"

/* The rows a screen shows, and the hits a search returns for it. */
#define FIRST_SCREEN 50

/* design.md, "Targets the design must reach" (milliseconds unless said). */
#define TARGET_SEARCH_P95_MS   10.0
#define TARGET_SEARCH_RATIO     3.0
#define TARGET_LIST_MS        100.0
#define TARGET_REPORT_MS      500.0
#define TARGET_INTAKE_MS       20.0
#define TARGET_IMPORT_MS     5000.0

ShelterBenchLine *
shelter_bench_line_new (const char *code,
                        const char *what,
                        const char *unit,
                        double      target)
{
  ShelterBenchLine *line = g_new0 (ShelterBenchLine, 1);

  line->code = g_strdup (code);
  line->what = g_strdup (what);
  line->unit = unit;
  line->state = SHELTER_BENCH_MEASURED;
  line->median = NAN;
  line->p95 = NAN;
  line->target = target;
  return line;
}

void
shelter_bench_line_free (ShelterBenchLine *line)
{
  if (line == NULL)
    return;
  g_free (line->code);
  g_free (line->what);
  g_free (line->note);
  g_free (line);
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

void
shelter_bench_line_set_samples (ShelterBenchLine *line,
                                GArray           *samples)
{
  g_return_if_fail (line != NULL);

  line->runs = samples->len;
  if (samples->len == 0)
    return;
  g_array_sort (samples, compare_doubles);
  line->median = percentile (samples, 0.50);
  line->p95 = percentile (samples, 0.95);
}

gboolean
shelter_bench_line_passes (const ShelterBenchLine *line)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (line->state != SHELTER_BENCH_MEASURED)
    return FALSE;
  if (isnan (line->target))
    return TRUE;
  return (line->target_on_median ? line->median : line->p95) <= line->target;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GArray *
samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
add_sample (GArray *samples,
            double  ms)
{
  g_array_append_val (samples, ms);
}

/* ---- The desk's queries ------------------------------------------------------------------- */

/* A person on record with the field @get returns, looking forward from @id. */
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

/* The first @n characters of @text (UTF-8). */
static char *
utf8_prefix (const char *text,
             glong       n)
{
  return g_utf8_substring (text, 0, MIN (n, g_utf8_strlen (text, -1)));
}

GPtrArray *
shelter_bench_desk_queries (ShelterDb  *db,
                            GError    **error)
{
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  gint64 n_people;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

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

  /* Eight people spread over the file, typed as a desk types them: the full name as on
   * the papers, without diacritics, decomposed (as some keyboards send it), the given
   * name alone, the starts of family and given name, the case code. */
  for (guint i = 1; i <= 8; i++)
    {
      g_autoptr (ShelterPerson) person =
        person_with (db, MAX (1, n_people * i / 9), n_people, shelter_person_get_middle_name);
      g_autofree char *full = NULL, *folded = NULL, *decomposed = NULL;
      g_autofree char *family = NULL, *given = NULL, *starts = NULL, *code = NULL;

      if (person == NULL)
        continue;
      full = shelter_person_dup_full_name (person);
      folded = shelter_text_fold (full);
      decomposed = g_utf8_normalize (full, -1, G_NORMALIZE_NFD);
      family = utf8_prefix (shelter_person_get_family_name (person), 3);
      given = utf8_prefix (shelter_person_get_given_name (person), 2);
      starts = g_strdup_printf ("%s %s", family, given);
      code = g_utf8_strdown (shelter_person_get_case_code (person), -1);

      add_query (queries, full);
      add_query (queries, i % 2 ? folded : decomposed);
      add_query (queries, shelter_person_get_given_name (person));
      add_query (queries, starts);
      add_query (queries, shelter_person_get_case_code (person));
      add_query (queries, code);
    }
  /* Phones and ID numbers, whole and their first digits. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr (ShelterPerson) phoned =
        person_with (db, MAX (1, n_people * i / 4), n_people, shelter_person_get_phone);
      g_autoptr (ShelterPerson) papered =
        person_with (db, MAX (1, n_people * i / 5), n_people, shelter_person_get_id_number);

      if (phoned != NULL)
        {
          g_autofree char *start = g_strndup (shelter_person_get_phone (phoned), 6);

          add_query (queries, shelter_person_get_phone (phoned));
          add_query (queries, start);
        }
      if (papered != NULL)
        {
          g_autofree char *start = g_strndup (shelter_person_get_id_number (papered), 6);

          add_query (queries, shelter_person_get_id_number (papered));
          add_query (queries, start);
        }
    }
  /* A common family name, one letter, and a name nobody has. */
  add_query (queries, "Nguyễn");
  add_query (queries, "nguyen thi");
  add_query (queries, "n");
  add_query (queries, "Xkwzq Pfyrt");
  return g_steal_pointer (&queries);
}

/* ---- Search ------------------------------------------------------------------------------- */

static gboolean
bench_search (ShelterSession  *session,
              const char      *path,
              guint            runs,
              GPtrArray       *lines,
              GError         **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (GPtrArray) queries = shelter_bench_desk_queries (db, error);
  g_autoptr (GArray) times = samples_new ();
  g_autoptr (GArray) ratios = samples_new ();
  g_autoptr (GArray) cold_times = samples_new ();
  g_autoptr (ShelterBenchLine) search = NULL;
  g_autoptr (ShelterBenchLine) ratio = NULL;
  g_autoptr (ShelterBenchLine) cold = NULL;
  double program_total = 0, raw_total = 0, slowest_p95 = 0;
  const char *slowest = NULL;

  if (queries == NULL)
    return FALSE;

  for (guint q = 0; q < queries->len; q++)
    {
      const char *text = queries->pdata[q];
      g_autoptr (GArray) query_times = samples_new ();
      g_autoptr (GArray) raw_times = samples_new ();
      g_autofree char *fts_query = shelter_text_search_query (text);

      /* One run first, so that every query starts from the same warm cache. */
      for (guint run = 0; run <= runs; run++)
        {
          g_autoptr (GArray) ids = NULL;
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          ids = shelter_residents_search (session, text, FIRST_SCREEN, error);
          if (ids == NULL)
            return FALSE;
          elapsed = ms_since (start);
          if (run > 0)
            {
              add_sample (times, elapsed);
              add_sample (query_times, elapsed);
            }

          start = g_get_monotonic_time ();
          if (fts_query != NULL &&
              shelter_bench_store_raw_search (db, fts_query, FIRST_SCREEN, error) < 0)
            return FALSE;
          elapsed = ms_since (start);
          if (run > 0)
            add_sample (raw_times, elapsed);
        }
      g_array_sort (query_times, compare_doubles);
      g_array_sort (raw_times, compare_doubles);
      if (percentile (query_times, 0.95) > slowest_p95)
        {
          slowest_p95 = percentile (query_times, 0.95);
          slowest = text;
        }
      if (fts_query != NULL)
        {
          double program = percentile (query_times, 0.5), raw = percentile (raw_times, 0.5);

          program_total += program;
          raw_total += raw;
          add_sample (ratios, program / MAX (raw, 0.001));
        }
    }

  search = shelter_bench_line_new ("search", _("Search residents (first 50 hits)"), "ms",
                                   TARGET_SEARCH_P95_MS);
  shelter_bench_line_set_samples (search, times);
  search->note = g_strdup_printf ("%u queries; slowest \"%s\", p95 %.1f ms", queries->len,
                                  slowest != NULL ? slowest : "", slowest_p95);
  g_ptr_array_add (lines, g_steal_pointer (&search));

  /* The target is on the whole set (the sum of the medians); the p95 column is the worst
   * queries' ratio. */
  ratio = shelter_bench_line_new ("search_ratio", _("Search ÷ hand-written SQL"), "x",
                                  TARGET_SEARCH_RATIO);
  shelter_bench_line_set_samples (ratio, ratios);
  ratio->median = raw_total > 0 ? program_total / raw_total : NAN;
  ratio->target_on_median = TRUE;
  g_ptr_array_add (lines, g_steal_pointer (&ratio));

  /* Cold: the first search on a connection just opened (SQLite's page cache and the
   * prepared statements empty; the system's file cache stays warm). Opened without the
   * integrity check, timed on a line of its own. */
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr (ShelterDb) fresh = shelter_db_open (path, SHELTER_DB_OPEN_CHECKED, error);
      g_autoptr (ShelterSession) fresh_session = NULL;
      g_autoptr (GArray) ids = NULL;
      gint64 start;

      if (fresh == NULL)
        return FALSE;
      fresh_session = shelter_session_new_for_operator (fresh);
      start = g_get_monotonic_time ();
      ids = shelter_residents_search (fresh_session, queries->pdata[run % queries->len],
                                      FIRST_SCREEN, error);
      if (ids == NULL)
        return FALSE;
      add_sample (cold_times, ms_since (start));
    }
  cold = shelter_bench_line_new ("search_cold", _("Search, first after opening"), "ms",
                                 TARGET_SEARCH_P95_MS);
  shelter_bench_line_set_samples (cold, cold_times);
  g_ptr_array_add (lines, g_steal_pointer (&cold));
  return TRUE;
}

/* ---- The Residents list ------------------------------------------------------------------- */

/* The list as the Residents page opens it (its filter, then the order by name, which loads
 * the ids), and the rows of its first screen as the view asks for them. */
static ShelterResidentsModel *
open_list (ShelterSession         *session,
           ShelterResidentFilter   filter,
           GError                **error)
{
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  guint n;

  if (!shelter_residents_model_set_filter (model, filter, error) ||
      !shelter_residents_model_set_order (model, SHELTER_RESIDENT_ORDER_NAME, FALSE, error))
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n, FIRST_SCREEN); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  return g_steal_pointer (&model);
}

static gboolean
bench_list (ShelterSession  *session,
            const char      *path,
            guint            runs,
            GPtrArray       *lines,
            GError         **error)
{
  g_autoptr (GArray) present_times = samples_new ();
  g_autoptr (GArray) everyone_times = samples_new ();
  g_autoptr (GArray) cold_times = samples_new ();
  g_autoptr (GArray) end_times = samples_new ();
  ShelterBenchLine *line;

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr (ShelterResidentsModel) present = NULL;
      g_autoptr (ShelterResidentsModel) everyone = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;
      guint n;

      if ((present = open_list (session, SHELTER_RESIDENT_FILTER_IN_RESIDENCE, error)) == NULL)
        return FALSE;
      elapsed = ms_since (start);
      if (run > 0)
        add_sample (present_times, elapsed);

      start = g_get_monotonic_time ();
      if ((everyone = open_list (session, SHELTER_RESIDENT_FILTER_ALL, error)) == NULL)
        return FALSE;
      elapsed = ms_since (start);
      if (run > 0)
        add_sample (everyone_times, elapsed);

      /* Dragging the scroll bar to the bottom: the last screen's rows. */
      start = g_get_monotonic_time ();
      n = g_list_model_get_n_items (G_LIST_MODEL (everyone));
      for (guint i = n > FIRST_SCREEN ? n - FIRST_SCREEN : 0; i < n; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (everyone), i));
      elapsed = ms_since (start);
      if (run > 0)
        add_sample (end_times, elapsed);
    }

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr (ShelterDb) fresh = shelter_db_open (path, SHELTER_DB_OPEN_CHECKED, error);
      g_autoptr (ShelterSession) fresh_session = NULL;
      g_autoptr (ShelterResidentsModel) present = NULL;
      gint64 start;

      if (fresh == NULL)
        return FALSE;
      fresh_session = shelter_session_new_for_operator (fresh);
      start = g_get_monotonic_time ();
      if ((present = open_list (fresh_session, SHELTER_RESIDENT_FILTER_IN_RESIDENCE, error)) == NULL)
        return FALSE;
      add_sample (cold_times, ms_since (start));
    }

  line = shelter_bench_line_new ("list_first_screen", _("Residents list, first screen"), "ms",
                                 TARGET_LIST_MS);
  shelter_bench_line_set_samples (line, present_times);
  g_ptr_array_add (lines, line);
  line = shelter_bench_line_new ("list_first_screen_cold",
                                 _("Residents list, first screen after opening"), "ms",
                                 TARGET_LIST_MS);
  shelter_bench_line_set_samples (line, cold_times);
  g_ptr_array_add (lines, line);
  line = shelter_bench_line_new ("list_everyone", _("Everyone on record, first screen"), "ms",
                                 TARGET_LIST_MS);
  shelter_bench_line_set_samples (line, everyone_times);
  g_ptr_array_add (lines, line);
  line = shelter_bench_line_new ("list_end", _("Everyone on record, scrolled to the end"), "ms",
                                 TARGET_LIST_MS);
  shelter_bench_line_set_samples (line, end_times);
  g_ptr_array_add (lines, line);
  return TRUE;
}

/* ---- A resident's page -------------------------------------------------------------------- */

/* Errors a tab shows as an empty or masked part rather than failing the page. */
static gboolean
is_tolerated (GError *error)
{
  return g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

#define READ(call, free_func)                                                    \
  G_STMT_START {                                                                 \
    g_autoptr (GError) local_error = NULL;                                       \
    gpointer result = (call);                                                    \
    if (result != NULL)                                                          \
      free_func (result);                                                        \
    else if (local_error != NULL && !is_tolerated (local_error))                 \
      {                                                                          \
        g_propagate_error (error, g_steal_pointer (&local_error));               \
        return FALSE;                                                            \
      }                                                                          \
  } G_STMT_END

/* Everything the resident's page and its tabs read when they open (ui/shelter-resident-
 * page*.c): the summary, the person, the latest stay with its intake, case file and absence,
 * then stay, services, plan, family, safety, discharge and follow-up tabs. */
gboolean
shelter_bench_load_resident_page (ShelterSession  *session,
                                  gint64           person_id,
                                  GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) stay_error = NULL;
  gint64 stay_id;

  READ (shelter_residents_get_summary (session, person_id, &local_error), g_object_unref);
  READ (shelter_person_open (session, person_id, &local_error), g_object_unref);
  stay = shelter_stay_open_latest (session, person_id, &stay_error);
  if (stay == NULL && stay_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&stay_error));
      return FALSE;
    }
  READ (shelter_services_list_person (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_family_list_relatives (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_family_list_contacts (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_family_list_visits (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_family_list_visit_bans (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_safety_list_risks (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_safety_list_incidents (session, person_id, &local_error), g_ptr_array_unref);
  READ (shelter_safety_list_reports (session, person_id, &local_error), g_ptr_array_unref);
  if (stay == NULL)
    return TRUE;

  stay_id = shelter_stay_get_id (stay);
  READ (shelter_intake_open (session, stay_id, &local_error), g_object_unref);
  READ (shelter_case_file_get (session, stay_id, &local_error), shelter_case_file_free);
  if (shelter_stay_get_discharged_at (stay) == NULL)
    READ (shelter_absence_get_open (session, stay_id, &local_error), shelter_absence_free);
  READ (shelter_reminders_for_stay (session, stay_id, NULL, &local_error), g_ptr_array_unref);
  READ (shelter_services_health_check_flags_for_stay (session, stay_id, &local_error),
        g_array_unref);
  READ (shelter_support_plan_read (session, stay_id, &local_error),
        shelter_support_plan_file_free);
  READ (shelter_diet_history (session, stay_id, &local_error), g_ptr_array_unref);
  READ (shelter_meal_days_count (session, stay_id, &local_error), shelter_meal_days_free);
  READ (shelter_clothing_kit_get (session, stay_id, &local_error), shelter_clothing_kit_row_free);
  READ (shelter_family_no_contact_for_stay (session, stay_id, &local_error),
        shelter_no_contact_row_free);
  READ (shelter_discharge_get (session, stay_id, &local_error), shelter_discharge_row_free);
  READ (shelter_follow_up_list_for_stay (session, stay_id, &local_error), g_ptr_array_unref);
  READ (shelter_follow_up_get_closure (session, stay_id, &local_error),
        shelter_case_closure_row_free);
  return TRUE;
}

static gboolean
bench_resident_page (ShelterSession  *session,
                     guint            runs,
                     GPtrArray       *lines,
                     GError         **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (GArray) ids = shelter_resident_list_store_ids (db, SHELTER_RESIDENT_FILTER_ALL,
                                                            SHELTER_RESIDENT_ORDER_NAME, FALSE,
                                                            error);
  g_autoptr (GArray) times = samples_new ();
  ShelterBenchLine *line;

  if (ids == NULL)
    return FALSE;
  /* A different person each time, spread over the file, so that the cache helps no more
   * than at the desk. */
  for (guint run = 0; run <= runs && ids->len > 0; run++)
    {
      gint64 id = g_array_index (ids, gint64, (run * 7919u) % ids->len);
      gint64 start = g_get_monotonic_time ();

      if (!shelter_bench_load_resident_page (session, id, error))
        return FALSE;
      if (run > 0)
        add_sample (times, ms_since (start));
    }
  line = shelter_bench_line_new ("resident_page", _("A resident’s page, all tabs"), "ms", NAN);
  shelter_bench_line_set_samples (line, times);
  g_ptr_array_add (lines, line);
  return TRUE;
}

/* ---- Saving an intake --------------------------------------------------------------------- */

static gint64
add_bench_room (ShelterSession  *session,
                guint            number,
                guint            beds,
                GError         **error)
{
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autofree char *code = g_strdup_printf ("BENCH-%u", number);

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, code);
  shelter_room_set_building (room, "Benchmark");
  shelter_room_set_sex_use (room, "female");
  shelter_room_set_age_group (room, "adult");
  shelter_room_set_beds (room, beds);
  shelter_room_set_area_m2 (room, beds * 6.0);
  shelter_room_set_opened_on (room, "2000-01-01");
  if (!shelter_rooms_add (session, room, error))
    return 0;
  return shelter_room_get_id (room);
}

static gboolean
bench_intake (ShelterSession  *session,
              guint            runs,
              GPtrArray       *lines,
              GError         **error)
{
  static const char *given[] = { "Lan", "Hoa", "Mai", "Huệ", "Thảo", "Ngọc", "Xuân", "Đào" };
  g_autoptr (GArray) times = samples_new ();
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *admitted_at = shelter_session_format_time (now);
  ShelterBenchLine *line;
  gint64 room_id = 0;
  guint room_beds = 20, used = room_beds;

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr (ShelterPerson) person = shelter_person_new ();
      g_autoptr (ShelterIntake) intake = shelter_intake_new ();
      g_autoptr (ShelterStay) stay = NULL;
      gint64 start;

      if (used == room_beds)
        {
          room_id = add_bench_room (session, run, room_beds, error);
          if (room_id == 0)
            return FALSE;
          used = 0;
        }
      shelter_person_set_family_name (person, "Lò");
      shelter_person_set_middle_name (person, "Thị");
      shelter_person_set_given_name (person, given[run % G_N_ELEMENTS (given)]);
      shelter_person_set_sex (person, "female");
      shelter_person_set_birth_date (person, "1998-04-12");
      shelter_person_set_birth_precision (person, "day");
      shelter_person_set_person_type (person, "victim");
      shelter_intake_set_handed_over_by (intake, "self");
      shelter_intake_set_consent_record (intake, TRUE);

      start = g_get_monotonic_time ();
      stay = shelter_receive_person (session, person, intake, room_id, admitted_at, error);
      if (stay == NULL)
        return FALSE;
      if (run > 0)
        add_sample (times, ms_since (start));
      used++;
    }
  line = shelter_bench_line_new ("intake_save", _("Save an intake"), "ms", TARGET_INTAKE_MS);
  shelter_bench_line_set_samples (line, times);
  line->note = g_strdup ("person, stay, placement, intake, audit, search index; committed");
  g_ptr_array_add (lines, line);
  return TRUE;
}

/* ---- Views and reports -------------------------------------------------------------------- */

typedef gboolean (*BenchRead) (ShelterSession *session, GError **error);

static gboolean
read_kitchen (ShelterSession  *session,
              GError         **error)
{
  g_autoptr (ShelterKitchenSheet) sheet = shelter_kitchen_sheet_load (session, NULL, error);

  return sheet != NULL;
}

static gboolean
read_reminders (ShelterSession  *session,
                GError         **error)
{
  g_autoptr (GPtrArray) reminders = shelter_reminders_for (session, NULL, NULL, error);

  return reminders != NULL;
}

static gboolean
read_forecast (ShelterSession  *session,
               GError         **error)
{
  g_autofree ShelterCapacityForecast *forecast = shelter_capacity_forecast (session, 12, error);

  return forecast != NULL;
}

/* The statistical year that ends this year (15/12 to 14/12), as the department asks. */
static gboolean
read_annual_report (ShelterSession  *session,
                    GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *text = g_strdup_printf ("stat-%d", g_date_time_get_year (now));
  g_autoptr (GPtrArray) tables = NULL;
  ShelterPeriod period;

  if (!shelter_period_parse (text, today, &period, error))
    return FALSE;
  tables = shelter_statistics_compute (session, &period, TRUE, error);
  return tables != NULL;
}

static gboolean
bench_read (ShelterSession  *session,
            guint            runs,
            const char      *code,
            const char      *what,
            double           target,
            BenchRead        read,
            GPtrArray       *lines,
            GError         **error)
{
  g_autoptr (GArray) times = samples_new ();
  ShelterBenchLine *line;

  for (guint run = 0; run <= runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!read (session, error))
        return FALSE;
      if (run > 0)
        add_sample (times, ms_since (start));
    }
  line = shelter_bench_line_new (code, what, "ms", target);
  shelter_bench_line_set_samples (line, times);
  g_ptr_array_add (lines, line);
  return TRUE;
}

/* ---- Import ------------------------------------------------------------------------------ */

#define IMPORT_ROWS 10000

/* A spreadsheet as a province's old records come: full name, birth date, sex, province,
 * CCCD number, reception and end dates, in Vietnamese headers; names that nobody on record
 * has, so that every row is looked up by its number and by its name, and then written. */
static gboolean
write_import_csv (const char  *csv_path,
                  GError     **error)
{
  static const char *family[] = { "Giàng", "Lầu", "Thào", "Vàng", "Sùng", "Mùa", "Hầu", "Lò",
                                  "Cứ", "Chảo", "Tẩn", "Hờ", "Ly", "Sình", "Phàn", "Lù",
                                  "Pờ", "Khổng", "Mã", "Quàng" };
  static const char *middle[] = { "Thị", "Văn", "A", "Seo", "Mí", "Chá", "Páo", "Súa", "Thị Thu",
                                  "Minh", "Ngọc", "Thanh", "Xuân", "Hồng", "Kim", "Bảo", "Gia",
                                  "Đức", "Hữu", "Quang" };
  static const char *given[] = { "Dính", "Mỷ", "Pà", "Chứ", "Dợ", "Xúa", "Mẩy", "Sinh", "Lử",
                                 "Chía", "Vừ", "Sểnh", "Dình", "Khu", "Nhìa", "Tủa", "Chang",
                                 "Sáy", "Dế", "Pằng", "Chua", "Lênh", "Thông", "Xía", "Phủ" };
  static const struct { int code; const char *name; } provinces[] = {
    { 15, "Lào Cai" }, { 11, "Điện Biên" }, { 12, "Lai Châu" }, { 14, "Sơn La" },
    { 8, "Tuyên Quang" }, { 4, "Cao Bằng" }, { 20, "Lạng Sơn" },
  };
  g_autoptr (GString) csv = g_string_new ("Họ và tên,Ngày sinh,Giới tính,Tỉnh,Số CCCD,"
                                          "Ngày tiếp nhận,Ngày ra\n");

  for (guint i = 0; i < IMPORT_ROWS; i++)
    {
      guint birth_year = 1970 + i % 35;
      gboolean female = i % 3 != 0;
      guint p = i % G_N_ELEMENTS (provinces);

      /* CCCD: province, century and sex (1900s: man 0, woman 1), year of birth, serial. */
      g_string_append_printf (csv, "%s %s %s,%02u/%02u/%u,%s,%s,%03d%u%02u%06u,"
                              "%02u/%02u/%u,%02u/%02u/%u\n",
                              family[i % 20], middle[(i / 20) % 20], given[(i / 400) % 25],
                              1 + i % 28, 1 + i % 12, birth_year,
                              female ? "Nữ" : "Nam",
                              provinces[p].name,
                              provinces[p].code, female ? 1u : 0u, birth_year % 100, 900000 + i,
                              1 + i % 28, 1 + (i / 28) % 12, 2015 + i % 8,
                              1 + i % 28, 1 + (i / 28) % 12, 2015 + i % 8 + 1);
    }
  return g_file_set_contents (csv_path, csv->str, csv->len, error);
}

static gboolean
bench_import (ShelterSession  *session,
              const char      *path,
              GPtrArray       *lines,
              GError         **error)
{
  g_autofree char *csv_path = g_strconcat (path, ".import.csv", NULL);
  g_autoptr (ShelterImport) import = NULL;
  g_autoptr (GArray) times = samples_new ();
  ShelterImportResult result = { 0 };
  ShelterBenchLine *line;
  gboolean ok;
  gint64 start;

  if (!write_import_csv (csv_path, error))
    return FALSE;
  /* From the file to the last row written, as the assistant goes: read, check, run. */
  start = g_get_monotonic_time ();
  ok = (import = shelter_import_open (session, csv_path, NULL, NULL, error)) != NULL &&
       shelter_import_check (import, NULL, error) &&
       shelter_import_run (import, NULL, &result, error);
  g_unlink (csv_path);
  if (!ok)
    return FALSE;
  add_sample (times, ms_since (start));
  line = shelter_bench_line_new ("import", _("Import 10,000 residents from CSV"), "ms",
                                 TARGET_IMPORT_MS);
  shelter_bench_line_set_samples (line, times);
  line->note = g_strdup_printf ("1 run: %u people, %u stays written, %u rows skipped",
                                result.n_people, result.n_stays, result.n_skipped);
  g_ptr_array_add (lines, line);
  return TRUE;
}

/* Opening the file as the window does: the quick integrity check reads all of it. */
static gboolean
bench_open (const char  *path,
            guint        runs,
            GPtrArray   *lines,
            GError     **error)
{
  g_autoptr (GArray) times = samples_new ();
  ShelterBenchLine *line;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr (ShelterDb) db = NULL;
      gint64 start = g_get_monotonic_time ();

      if ((db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, error)) == NULL)
        return FALSE;
      add_sample (times, ms_since (start));
    }
  line = shelter_bench_line_new ("open", _("Open the database (with its quick check)"), "ms",
                                 NAN);
  shelter_bench_line_set_samples (line, times);
  g_ptr_array_add (lines, line);
  return TRUE;
}

gboolean
shelter_bench_run (ShelterSession  *session,
                   const char      *path,
                   guint            runs,
                   GPtrArray       *lines,
                   GError         **error)
{
  guint slow_runs = MAX (1, MIN (runs, 10));

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (runs > 0, FALSE);

  if (!bench_open (path, MIN (runs, 3), lines, error) ||
      !bench_search (session, path, runs, lines, error) ||
      !bench_list (session, path, runs, lines, error) ||
      !bench_resident_page (session, runs, lines, error) ||
      !bench_read (session, runs, "kitchen", _("Kitchen sheet of today"), NAN, read_kitchen,
                   lines, error) ||
      !bench_read (session, slow_runs, "reminders", _("Reminders for today"), NAN,
                   read_reminders, lines, error) ||
      !bench_read (session, slow_runs, "forecast", _("Capacity forecast, 12 weeks"), NAN,
                   read_forecast, lines, error) ||
      !bench_read (session, slow_runs, "annual_report", _("Annual statistical report"),
                   TARGET_REPORT_MS, read_annual_report, lines, error) ||
      !bench_intake (session, runs, lines, error) ||
      !bench_import (session, path, lines, error))
    return FALSE;
  return TRUE;
}

/* ---- Output ------------------------------------------------------------------------------- */

static char *
format_figure (const ShelterBenchLine *line,
               double                  value)
{
  if (isnan (value))
    return g_strdup ("—");
  if (g_str_equal (line->unit, "x"))
    return g_strdup_printf ("%.2f×", value);
  if (g_str_equal (line->unit, "MB"))
    return g_strdup_printf ("%.1f MB", value);
  return g_strdup_printf (value < 10 ? "%.2f ms" : value < 100 ? "%.1f ms" : "%.0f ms", value);
}

static const char *
verdict (const ShelterBenchLine *line)
{
  switch (line->state)
    {
    case SHELTER_BENCH_NOT_BUILT:
      return _("not built");
    case SHELTER_BENCH_SKIPPED:
      return _("skipped");
    case SHELTER_BENCH_MEASURED:
    default:
      break;
    }
  if (isnan (line->target))
    return "—";
  return shelter_bench_line_passes (line) ? _("pass") : _("fail");
}

/* Pads @text to @width characters (not bytes: Vietnamese has many two-byte letters). */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

char *
shelter_bench_format_table (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);
  glong what_width = g_utf8_strlen (_("What"), -1);
  const char *headers[] = { _("Median"), _("p95"), _("Target"), _("Result") };

  for (guint i = 0; i < lines->len; i++)
    what_width = MAX (what_width, g_utf8_strlen (((ShelterBenchLine *) lines->pdata[i])->what, -1));

  append_padded (out, _("What"), what_width + 2);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    append_padded (out, headers[c], c == 2 ? 18 : c < 3 ? 12 : 0);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < lines->len; i++)
    {
      ShelterBenchLine *line = lines->pdata[i];
      g_autofree char *median = NULL, *p95 = NULL, *target = NULL;

      if (line->state == SHELTER_BENCH_MEASURED)
        {
          median = format_figure (line, line->median);
          p95 = format_figure (line, line->p95);
        }
      else
        {
          median = g_strdup ("—");
          p95 = g_strdup ("—");
        }
      target = format_figure (line, line->target);
      if (!isnan (line->target))
        {
          g_autofree char *bound = g_steal_pointer (&target);

          /* Which column the target bounds. */
          target = g_strdup_printf (line->target_on_median ? "≤ %s" : "p95 ≤ %s", bound);
        }
      append_padded (out, line->what, what_width + 2);
      append_padded (out, median, 12);
      append_padded (out, p95, 12);
      append_padded (out, target, 18);
      g_string_append (out, verdict (line));
      if (line->note != NULL && line->state != SHELTER_BENCH_MEASURED)
        g_string_append_printf (out, " (%s)", line->note);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"' || *c == '\\')
        g_string_append_printf (out, "\\%c", *c);
      else if ((guchar) *c < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *c);
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_number (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

char *
shelter_bench_format_json (GPtrArray          *lines,
                           const char * const *info)
{
  static const char *states[] = { "measured", "not_built", "skipped" };
  GString *out = g_string_new ("{\n");

  for (guint i = 0; info != NULL && info[i] != NULL && info[i + 1] != NULL; i += 2)
    {
      g_string_append (out, "  ");
      append_json_string (out, info[i]);
      g_string_append (out, ": ");
      append_json_string (out, info[i + 1]);
      g_string_append (out, ",\n");
    }
  g_string_append (out, "  \"lines\": [\n");
  for (guint i = 0; i < lines->len; i++)
    {
      ShelterBenchLine *line = lines->pdata[i];
      gboolean measured = line->state == SHELTER_BENCH_MEASURED;

      g_string_append (out, "    {\"code\": ");
      append_json_string (out, line->code);
      g_string_append (out, ", \"what\": ");
      append_json_string (out, line->what);
      g_string_append (out, ", \"unit\": ");
      append_json_string (out, line->unit);
      g_string_append (out, ", \"state\": ");
      append_json_string (out, states[line->state]);
      g_string_append_printf (out, ", \"runs\": %u, \"median\": ", line->runs);
      append_json_number (out, measured ? line->median : NAN);
      g_string_append (out, ", \"p95\": ");
      append_json_number (out, measured ? line->p95 : NAN);
      g_string_append (out, ", \"target\": ");
      append_json_number (out, line->target);
      g_string_append (out, ", \"target_on\": ");
      append_json_string (out, isnan (line->target) ? NULL
                               : line->target_on_median ? "median" : "p95");
      g_string_append (out, ", \"pass\": ");
      g_string_append (out, !measured || isnan (line->target) ? "null"
                            : shelter_bench_line_passes (line) ? "true" : "false");
      g_string_append (out, ", \"note\": ");
      append_json_string (out, line->note);
      g_string_append_printf (out, "}%s\n", i + 1 < lines->len ? "," : "");
    }
  g_string_append (out, "  ]\n}\n");
  return g_string_free (out, FALSE);
}
