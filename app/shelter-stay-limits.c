/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stay-limits"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-stay-limits.h"
#include "shelter-stores.h"
#include "shelter-text.h"

static const struct
{
  const char *code;
  const char *label;
} kinds[] = {
  { "emergency_protection", N_("Emergency protection") },
  { "funded_meals", N_("State-funded meals") },
};

void
shelter_stay_limit_free (ShelterStayLimit *limit)
{
  if (limit == NULL)
    return;
  g_free (limit->kind);
  g_free (limit->legal_basis);
  g_free (limit->valid_from);
  g_free (limit->valid_to);
  g_free (limit);
}

const char * const *
shelter_stay_limit_kinds (void)
{
  static const char * const codes[] = { "emergency_protection", "funded_meals", NULL };

  return codes;
}

const char *
shelter_stay_limit_kind_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return _(kinds[i].label);
  return NULL;
}

static guint
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return i;
  return G_N_ELEMENTS (kinds);
}

static int
compare_limits (gconstpointer a,
                gconstpointer b)
{
  const ShelterStayLimit *x = *(ShelterStayLimit * const *) a;
  const ShelterStayLimit *y = *(ShelterStayLimit * const *) b;
  guint kx = kind_index (x->kind);
  guint ky = kind_index (y->kind);
  int order;

  if (kx != ky)
    return kx < ky ? -1 : 1;
  if ((order = -g_strcmp0 (x->valid_from, y->valid_from)) != 0)
    return order;
  return x->id > y->id ? -1 : x->id < y->id;
}

GPtrArray *
shelter_stay_limits_list (ShelterSession  *session,
                          GError         **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) limits = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  rows = shelter_stay_limit_store_list (shelter_session_get_db (session), error);
  if (rows == NULL)
    return NULL;

  limits = g_ptr_array_new_full (rows->len, (GDestroyNotify) shelter_stay_limit_free);
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterStayLimitRow *row = g_ptr_array_index (rows, i);
      ShelterStayLimit *limit = g_new0 (ShelterStayLimit, 1);

      limit->id = row->id;
      limit->kind = g_steal_pointer (&row->kind);
      limit->days = (guint) MAX (row->days, 0);
      limit->legal_basis = g_steal_pointer (&row->legal_basis);
      limit->valid_from = g_steal_pointer (&row->valid_from);
      limit->valid_to = g_steal_pointer (&row->valid_to);
      g_ptr_array_add (limits, limit);
    }
  /* The kinds in display order, not in the order of their codes. */
  g_ptr_array_sort (limits, compare_limits);
  return g_steal_pointer (&limits);
}

const ShelterStayLimit *
shelter_stay_limits_find (GPtrArray  *limits,
                          const char *kind,
                          const char *on)
{
  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (kind != NULL && on != NULL, NULL);

  for (guint i = 0; i < limits->len; i++)
    {
      const ShelterStayLimit *limit = g_ptr_array_index (limits, i);

      if (g_strcmp0 (limit->kind, kind) == 0 && strcmp (limit->valid_from, on) <= 0 &&
          (limit->valid_to == NULL || strcmp (limit->valid_to, on) >= 0))
        return limit;
    }
  return NULL;
}

/* A real day written YYYY-MM-DD into @date. */
static gboolean
parse_iso_day (const char *text,
               GDate      *date)
{
  g_date_clear (date, 1);
  return text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         shelter_text_parse_date (text, date) && g_date_valid (date);
}

gint64
shelter_stay_limits_add (ShelterSession  *session,
                         const char      *kind,
                         guint            days,
                         const char      *legal_basis,
                         const char      *valid_from,
                         GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterStayLimitRow) previous = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *at = NULL;
  g_autofree char *basis = NULL;
  char today[11];
  char day_before[11];
  ShelterStamp stamp;
  ShelterDb *db;
  GDate from;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error))
    return 0;
  if (shelter_stay_limit_kind_label (kind) == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("Limit: choose emergency protection or state-funded meals."));
      return 0;
    }
  if (days < 1 || days > SHELTER_STAY_LIMIT_DAYS_MAX)
    {
      shelter_field_error (error, SHELTER_FIELD_STAY_LIMIT_DAYS,
                           _("Days: enter a number of days from 1 to %d."),
                           SHELTER_STAY_LIMIT_DAYS_MAX);
      return 0;
    }
  if (!shelter_field_clean_text (legal_basis, FALSE, SHELTER_STAY_LIMIT_BASIS_MAX,
                                 SHELTER_FIELD_STAY_LIMIT_BASIS, _("Legal basis"), &basis, error))
    return 0;
  if (basis == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_STAY_LIMIT_BASIS,
                           _("Legal basis: enter the decree or decision that sets the limit, "
                             "with its number and date."));
      return 0;
    }
  if (!parse_iso_day (valid_from, &from))
    {
      shelter_field_error (error, SHELTER_FIELD_STAY_LIMIT_FROM,
                           _("Valid from: enter a real day, as dd/mm/yyyy."));
      return 0;
    }

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  g_strlcpy (today, at, sizeof today);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;

  if (!shelter_db_begin (db, error))
    return 0;

  /* The limit this one follows: the one in force, or one already recorded to start later.
   * Read inside the transaction so that two desks cannot both follow the same one. */
  if (!shelter_stay_limit_store_latest (db, kind, &previous, &local_error))
    goto failed;
  if (previous != NULL && strcmp (valid_from, previous->valid_from) <= 0)
    {
      g_autofree char *since = shelter_text_format_date (previous->valid_from);

      if (strcmp (valid_from, previous->valid_from) == 0)
        shelter_field_error (&local_error, SHELTER_FIELD_STAY_LIMIT_FROM,
                             _("Valid from: a limit already starts on %s. Choose a later day."),
                             since);
      else if (strcmp (previous->valid_from, today) > 0)
        shelter_field_error (&local_error, SHELTER_FIELD_STAY_LIMIT_FROM,
                             _("Valid from: a new limit cannot start before the one already "
                               "recorded to start on %s."),
                             since);
      else
        shelter_field_error (&local_error, SHELTER_FIELD_STAY_LIMIT_FROM,
                             _("Valid from: a new limit cannot start before the one in force "
                               "(%s)."),
                             since);
      goto failed;
    }

  g_string_append_printf (details, "kind: %s\ndays: %u\nlegal_basis: %s\nvalid_from: %s",
                          kind, days, basis, valid_from);
  if (previous != NULL)
    {
      GDate before = from;

      g_date_subtract_days (&before, 1);
      g_date_strftime (day_before, sizeof day_before, "%Y-%m-%d", &before);
      g_string_append_printf (details, "\nends: #%" G_GINT64_FORMAT " (%d days, from %s) "
                              "on %s", previous->id, previous->days, previous->valid_from,
                              day_before);
      if (!shelter_stay_limit_store_close (db, previous->id, day_before, &local_error))
        goto failed;
    }

  id = shelter_stay_limit_store_insert (db, kind, (int) days, basis, valid_from, &stamp,
                                        &local_error);
  if (id == 0 ||
      !shelter_audit_record (session, at, "create", "stay_limit", id, details->str, &local_error))
    goto failed;
  if (!shelter_db_commit (db, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}
