/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-notices"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-notices.h"
#include "shelter-stores.h"
#include "shelter-text.h"

GPtrArray *
shelter_notices_take_new (ShelterSession  *session,
                          GPtrArray       *reminders,
                          gboolean         urgent_only,
                          GError         **error)
{
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  ShelterDb *db;
  const char *username;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (reminders != NULL, NULL);

  db = shelter_session_get_db (session);
  username = shelter_session_get_actor (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  fresh = g_ptr_array_new ();

  if (!shelter_db_begin (db, error))
    return NULL;
  for (guint i = 0; i < reminders->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (reminders, i);
      g_autofree char *sent = NULL;

      if (reminder->key == NULL || reminder->fingerprint == NULL)
        continue;
      if (urgent_only && !reminder->urgent)
        continue;
      if (reminder->assignee != NULL && g_strcmp0 (reminder->assignee, username) != 0)
        continue;
      if (!shelter_notice_store_get_sent (db, username, reminder->key, &sent, error))
        goto failed;
      if (g_strcmp0 (sent, reminder->fingerprint) == 0)
        continue;
      if (!shelter_notice_store_set_sent (db, username, reminder->key, reminder->fingerprint,
                                          at, error))
        goto failed;
      g_ptr_array_add (fresh, reminder);
    }
  if (!shelter_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&fresh);

failed:
  shelter_db_rollback (db);
  return NULL;
}

char *
shelter_notice_title (ShelterReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, NULL);

  return g_strdup (reminder->title != NULL ? reminder->title : _("Reminder"));
}

char *
shelter_notice_body (ShelterReminder *reminder)
{
  g_autofree char *since = NULL;

  g_return_val_if_fail (reminder != NULL, NULL);

  since = shelter_text_format_date (reminder->since);
  if (reminder->case_code != NULL)
    switch (reminder->urgency)
      {
      case SHELTER_REMINDER_OVERDUE:
        /* Translators: a desktop notification; the case code, then a date. */
        return g_strdup_printf (_("Case code %s · overdue since %s"), reminder->case_code,
                                since);
      case SHELTER_REMINDER_TODAY:
        return g_strdup_printf (_("Case code %s · due today"), reminder->case_code);
      case SHELTER_REMINDER_SOON:
      default:
        return g_strdup_printf (_("Case code %s · due on %s"), reminder->case_code, since);
      }
  switch (reminder->urgency)
    {
    case SHELTER_REMINDER_OVERDUE:
      return g_strdup_printf (_("The centre · overdue since %s"), since);
    case SHELTER_REMINDER_TODAY:
      return g_strdup (_("The centre · due today"));
    case SHELTER_REMINDER_SOON:
    default:
      return g_strdup_printf (_("The centre · due on %s"), since);
    }
}
