/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-residents-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-audit.h"
#include "shelter-domain.h"
#include "shelter-residents-model.h"
#include "shelter-stores.h"
#include "shelter-text.h"


struct _ShelterResidentsModel
{
  GObject                parent_instance;

  ShelterSession        *session;
  GArray                *ids;    /* gint64 person ids in list order */
  GPtrArray             *items;  /* ShelterResidentSummary or NULL until first asked for */
  char                  *search;
  ShelterResidentOrder   order;
  ShelterResidentFilter  filter;
  gboolean               descending;
  gboolean               may_see_protected;
  GHashTable            *protected_seen; /* person ids whose identity this view has shown */
};

static void list_model_iface_init (GListModelInterface *iface);

static void
clear_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ShelterResidentsModel, shelter_residents_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return SHELTER_TYPE_RESIDENT_SUMMARY;
}

static guint
get_n_items (GListModel *model)
{
  return SHELTER_RESIDENTS_MODEL (model)->ids->len;
}

/* Residents under high protection appear by case code only to those who may not know who
 * they are. */
static ShelterResidentSummary *
mask_identity (ShelterResidentSummary *summary)
{
  ShelterResidentSummary *masked;

  masked = shelter_resident_summary_new (shelter_resident_summary_get_person_id (summary),
                                         shelter_resident_summary_get_case_code (summary),
                                         _("Protected identity"),
                                         shelter_resident_summary_get_sex (summary),
                                         NULL, "unknown",
                                         shelter_resident_summary_get_person_type (summary),
                                         NULL,
                                         shelter_resident_summary_get_admitted_at (summary),
                                         shelter_resident_summary_get_discharged_at (summary),
                                         TRUE);
  g_object_unref (summary);
  return masked;
}

/* Showing who a resident under high protection is counts as reading restricted information:
 * it goes on the record, once per person for each list a staff member opens. */
static void
record_protected_view (ShelterResidentsModel  *self,
                       ShelterResidentSummary *summary)
{
  gint64 id = shelter_resident_summary_get_person_id (summary);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) error = NULL;
  ShelterDb *db = shelter_session_get_db (self->session);

  if (g_hash_table_contains (self->protected_seen, &id))
    return;
  g_hash_table_add (self->protected_seen, g_memdup2 (&id, sizeof id));

  now = shelter_session_now (self->session);
  at = shelter_session_format_time (now);
  details = g_strdup_printf ("case_code: %s\nshown: name, room (residents list)",
                             shelter_resident_summary_get_case_code (summary));
  if (!shelter_db_begin (db, &error))
    goto failed;
  if (!shelter_audit_record (self->session, at, "view_restricted", "person", id, details,
                             &error))
    {
      shelter_db_rollback (db);
      goto failed;
    }
  if (shelter_db_commit (db, &error))
    return;

failed:
  g_warning ("The view of protected resident %" G_GINT64_FORMAT " could not be recorded: %s",
             id, error->message);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ShelterResidentsModel *self = SHELTER_RESIDENTS_MODEL (model);
  ShelterResidentSummary *summary;

  if (position >= self->ids->len)
    return NULL;

  summary = g_ptr_array_index (self->items, position);
  if (summary == NULL)
    {
      g_autoptr (GError) error = NULL;
      gint64 id = g_array_index (self->ids, gint64, position);

      summary = shelter_resident_list_store_get (shelter_session_get_db (self->session), id,
                                                 &error);
      if (summary == NULL)
        {
          /* Voided by another desk since the list was loaded: show the code it had. */
          g_debug ("Row %u (person %" G_GINT64_FORMAT ") cannot be read: %s",
                   position, id, error->message);
          summary = shelter_resident_summary_new (id, NULL, _("Record no longer available"),
                                                  NULL, NULL, "unknown", NULL, NULL, NULL,
                                                  NULL, FALSE);
        }
      else if (shelter_resident_summary_get_high_protection (summary))
        {
          if (self->may_see_protected)
            record_protected_view (self, summary);
          else
            summary = mask_identity (summary);
        }
      g_ptr_array_index (self->items, position) = summary;
    }
  return g_object_ref (summary);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
shelter_residents_model_finalize (GObject *object)
{
  ShelterResidentsModel *self = SHELTER_RESIDENTS_MODEL (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->protected_seen, g_hash_table_unref);

  G_OBJECT_CLASS (shelter_residents_model_parent_class)->finalize (object);
}

static void
shelter_residents_model_class_init (ShelterResidentsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_residents_model_finalize;
}

static void
shelter_residents_model_init (ShelterResidentsModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (clear_item);
  self->order = SHELTER_RESIDENT_ORDER_NAME;
  self->filter = SHELTER_RESIDENT_FILTER_IN_RESIDENCE;
  self->protected_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

ShelterResidentsModel *
shelter_residents_model_new (ShelterSession *session)
{
  ShelterResidentsModel *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_RESIDENTS_MODEL, NULL);
  self->session = g_object_ref (session);
  self->may_see_protected = shelter_session_may (session,
                                                 SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  return self;
}

GArray *
shelter_residents_search (ShelterSession  *session,
                          const char      *text,
                          guint            limit,
                          GError         **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;

  query = shelter_text_search_query (text);
  if (query == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return shelter_person_store_search (shelter_session_get_db (session), query, limit, error);
}

ShelterResidentSummary *
shelter_residents_get_summary (ShelterSession  *session,
                               gint64           person_id,
                               GError         **error)
{
  ShelterResidentSummary *summary;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  summary = shelter_resident_list_store_get (shelter_session_get_db (session), person_id, error);
  if (summary != NULL && shelter_resident_summary_get_high_protection (summary) &&
      !shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY))
    summary = mask_identity (summary);
  return summary;
}

gint64
shelter_residents_count_all (ShelterSession  *session,
                             GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), -1);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return -1;
  return shelter_person_store_count (shelter_session_get_db (session), error);
}

gboolean
shelter_residents_model_reload (ShelterResidentsModel  *self,
                                GError                **error)
{
  g_autoptr (GArray) ids = NULL;
  guint removed;

  g_return_val_if_fail (SHELTER_IS_RESIDENTS_MODEL (self), FALSE);

  if (self->search != NULL)
    ids = shelter_residents_search (self->session, self->search, SHELTER_RESIDENTS_SEARCH_LIMIT, error);
  else if (shelter_session_check (self->session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    ids = shelter_resident_list_store_ids (shelter_session_get_db (self->session), self->filter,
                                           self->order, self->descending, error);
  if (ids == NULL)
    return FALSE;

  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, self->ids->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return TRUE;
}

gboolean
shelter_residents_model_set_order (ShelterResidentsModel  *self,
                                   ShelterResidentOrder    order,
                                   gboolean                descending,
                                   GError                **error)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENTS_MODEL (self), FALSE);

  self->order = order;
  self->descending = descending;
  return shelter_residents_model_reload (self, error);
}

gboolean
shelter_residents_model_set_search (ShelterResidentsModel  *self,
                                    const char             *text,
                                    GError                **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (SHELTER_IS_RESIDENTS_MODEL (self), FALSE);

  /* Text with no letter or digit searches nothing: show the whole list again. */
  query = shelter_text_search_query (text);
  g_clear_pointer (&self->search, g_free);
  if (query != NULL)
    self->search = g_strdup (text);
  return shelter_residents_model_reload (self, error);
}

gboolean
shelter_residents_model_set_filter (ShelterResidentsModel  *self,
                                    ShelterResidentFilter   filter,
                                    GError                **error)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENTS_MODEL (self), FALSE);

  self->filter = filter;
  return shelter_residents_model_reload (self, error);
}
