/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <string.h>

#include "shelter-meals.h"
#include "shelter-text.h"

/* The meals part of the demo centre, through the use cases (validation, audit): the rates of
 * the centre's province (example legal bases, marked as such), a few diets and the clothing
 * kits of recent arrivals. Only residents staying today are touched, so that a demo of
 * 100,000 people costs a few dozen transactions. */

#define RECENT_DAYS 14
#define MAX_KITS 60

static char *
day_from (GDateTime *now,
          int        days)
{
  g_autoptr (GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gboolean
add_rates (ShelterSession  *session,
           GDateTime       *now,
           GError         **error)
{
  int year = g_date_time_get_year (now);
  g_autofree char *old_from = g_strdup_printf ("%d-01-01", year - 3);
  g_autofree char *new_from = g_strdup_printf ("%d-07-01", year - 1);
  g_autofree char *kit_from = g_strdup_printf ("%d-01-01", year - 3);

  return shelter_rates_add (session, "meals_per_day", NULL, 40000,
                            "Quyết định số 12/2023/QĐ-UBND của UBND tỉnh (ví dụ, dữ liệu demo)",
                            old_from, NULL, error) != 0 &&
         shelter_rates_add (session, "meals_per_day", NULL, 55000,
                            "Nghị quyết số 08/2025/NQ-HĐND của HĐND tỉnh (ví dụ, dữ liệu demo)",
                            new_from, NULL, error) != 0 &&
         shelter_rates_add (session, "clothing_kit", NULL, 750000,
                            "Quyết định số 12/2023/QĐ-UBND của UBND tỉnh (ví dụ, dữ liệu demo)",
                            kit_from, NULL, error) != 0;
}

gboolean
_shelter_demo_meals_write (ShelterSession  *session,
                           GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *now_iso = shelter_session_format_time (now);
  g_autofree char *recent_day = day_from (now, -RECENT_DAYS);
  g_autofree char *five_days_ago = day_from (now, -5);
  g_autoptr (GArray) stays = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *province = shelter_rates_centre_province (db);
  gboolean vegetarian = FALSE, soft = FALSE, allergy = FALSE, infant = FALSE;
  guint kits = 0;
  GDate today;

  if (province == NULL)
    return TRUE;
  if (!add_rates (session, now, error))
    return FALSE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  stays = shelter_capacity_store_stays_at (db, now_iso, error);
  if (stays == NULL)
    return FALSE;
  /* From the end of the list: the first ones are those the demo sends away today. */
  for (guint i = stays->len; i-- > 0;)
    {
      ShelterCapacityStayRow *row = &g_array_index (stays, ShelterCapacityStayRow, i);
      gboolean recent = kits < MAX_KITS && strcmp (row->admitted_on, recent_day) >= 0;
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (ShelterPerson) person = NULL;
      const char *sex;
      int age;

      /* Nothing left to write for this one: no query for it. */
      if (infant && vegetarian && soft && allergy && !recent)
        continue;
      stay = shelter_stay_store_get (db, row->stay_id, error);
      if (stay == NULL)
        return FALSE;
      person = shelter_person_store_get (db, shelter_stay_get_person_id (stay), error);
      if (person == NULL)
        return FALSE;
      sex = shelter_person_get_sex (person);
      age = shelter_text_age_on (shelter_person_get_birth_date (person), &today);

      if (!infant && age >= 0 && age < 2)
        {
          if (shelter_diet_set (session, row->stay_id, "infant",
                                "Sữa công thức 6 lần/ngày, cháo xay", NULL, row->admitted_on,
                                error) == 0)
            return FALSE;
          infant = TRUE;
        }
      else if (!vegetarian && age >= 18)
        {
          if (shelter_diet_set (session, row->stay_id, "vegetarian", "Ăn chay trường (Phật tử)",
                                NULL, row->admitted_on, error) == 0)
            return FALSE;
          vegetarian = TRUE;
        }
      else if (!soft && age >= 18)
        {
          const char *from = strcmp (row->admitted_on, five_days_ago) > 0 ? row->admitted_on
                                                                           : five_days_ago;

          if (shelter_diet_set (session, row->stay_id, "soft_medical",
                                "Cháo, súp, thức ăn mềm sau mổ ruột thừa; không đồ chiên rán, "
                                "trong 2 tuần", NULL, from, error) == 0)
            return FALSE;
          soft = TRUE;
        }
      else if (!allergy && age >= 12)
        {
          if (shelter_diet_set (session, row->stay_id, "normal", NULL,
                                "Dị ứng đậu phộng (lạc) và dầu lạc", row->admitted_on,
                                error) == 0)
            return FALSE;
          allergy = TRUE;
        }

      if (recent)
        {
          if (shelter_clothing_kit_issue (session, row->stay_id,
                                          shelter_clothing_kit_items_for (sex),
                                          row->admitted_on, error) == 0)
            return FALSE;
          kits++;
        }
    }
  return TRUE;
}
