/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-app-error.h"
#include "shelter-clock.h"
#include "test-common.h"

/* The clock of test sessions is 2026-11-22 09:00 +07:00: the room added below is the last
 * action recorded, at that moment. */

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
test_clock_behind (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (GError) error = NULL;

  /* Nothing recorded yet: any clock will do. */
  {
    g_autoptr (GDateTime) long_ago = at ("2001-01-01T08:00:00+07:00");

    g_assert_true (shelter_clock_check (db, long_ago, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");

    test_add_room (caseworker, "A101", "female", "any", 4);
  }

  /* A clock years behind, as after a flat battery: refused, both dates shown. */
  {
    g_autoptr (GDateTime) reset = at ("2020-01-01T08:00:00+07:00");

    g_assert_false (shelter_clock_check (db, reset, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CLOCK_BEHIND);
    g_assert_nonnull (strstr (error->message, "01/01/2020 08:00"));
    g_assert_nonnull (strstr (error->message, "22/11/2026 09:00"));
    g_assert_nonnull (strstr (error->message, "set the computer’s date and time"));
    g_clear_error (&error);
  }
  /* A day behind counts too. */
  {
    g_autoptr (GDateTime) yesterday = at ("2026-11-21T09:00:00+07:00");

    g_assert_false (shelter_clock_check (db, yesterday, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CLOCK_BEHIND);
    g_clear_error (&error);
  }
  /* Earlier the same day (another desk's clock ahead, a demo's day laid out from 08:00) is
   * no reason to stop anyone. */
  {
    g_autoptr (GDateTime) minutes = at ("2026-11-22T05:10:00+07:00");

    g_assert_true (shelter_clock_check (db, minutes, &error));
    g_assert_no_error (error);
  }
  /* The day is read in the computer's time zone: the last action, 09:00 in Hanoi, is 02:00
   * on the 22nd in UTC, so a UTC clock at 01:00 that day is on the right day; 19:00 on the
   * 21st in Hanoi is the day before. */
  {
    g_autoptr (GDateTime) utc = at ("2026-11-22T01:00:00Z");
    g_autoptr (GDateTime) evening = at ("2026-11-21T19:00:00+07:00");

    g_assert_false (shelter_clock_check (db, evening, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CLOCK_BEHIND);
    g_clear_error (&error);

    g_assert_true (shelter_clock_check (db, utc, &error));
    g_assert_no_error (error);
  }
  /* Later days are the normal case. */
  {
    g_autoptr (GDateTime) tomorrow = at ("2026-11-23T07:30:00+07:00");

    g_assert_true (shelter_clock_check (db, tomorrow, &error));
    g_assert_no_error (error);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clock/behind-the-records", test_clock_behind);
  return g_test_run ();
}
