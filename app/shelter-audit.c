/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "shelter-audit.h"
#include "shelter-stores.h"
#include "shelter-text.h"

static const struct
{
  const char *code;
  const char *label;
} action_labels[] = {
  { "setup", N_("Centre set up") },
  { "sign_in", N_("Signed in") },
  { "sign_in_failed", N_("Sign-in failed") },
  { "unlock", N_("Unlocked") },
  { "unlock_failed", N_("Unlock failed") },
  { "sign_out", N_("Signed out") },
  { "create", N_("Created") },
  { "update", N_("Changed") },
  { "password_change", N_("Own password changed") },
  { "password_reset", N_("Password reset") },
  { "admit", N_("Admission") },
  { "discharge", N_("Discharge") },
  { "void", N_("Voided") },
  { "view_restricted", N_("Viewed restricted information") },
  { "export", N_("Exported") },
  { "print", N_("Printed") },
  { "remove", N_("Removed") },
  { "move", N_("Moved to another room") },
  { "absence_start", N_("Absence began") },
  { "absence_end", N_("Back from absence") },
  { "extend_stay", N_("Stay extended") },
  { "receive_document", N_("Case-file document received") },
  { "unmark_document", N_("Case-file document mark taken back") },
  { "backup", N_("Backup made") },
  { "backup_failed", N_("Backup failed") },
  { "restore", N_("Backup restored") },
  { "setting", N_("Setting changed") },
  { "close_room", N_("Room closed") },
  { "reopen_room", N_("Room reopened") },
  { "set_diet", N_("Diet changed") },
  { "add_rate", N_("Rate added") },
  { "issue_clothing_kit", N_("Clothing kit issued") },
  { "record_service", N_("Service recorded") },
  { "add_exception", N_("Entitlement exception recorded") },
  { "record_restricted", N_("Restricted medical information recorded") },
  { "assess_needs", N_("Needs assessed") },
  { "draft_plan", N_("Support plan drafted") },
  { "edit_plan", N_("Support plan draft changed") },
  { "approve_plan", N_("Support plan approved") },
  { "start_plan", N_("Support plan started") },
  { "plan_note", N_("Support plan progress noted") },
  { "goal_status", N_("Support plan goal updated") },
  { "review_plan", N_("Support plan reviewed") },
  { "complete_plan", N_("Support plan completed") },
  { "cancel_plan", N_("Support plan cancelled") },
  { "referral_step", N_("Referral step recorded") },
  { "send_referral", N_("Referral sent") },
  { "referral_answer", N_("Referral answered") },
  { "complete_referral", N_("Referral completed") },
  { "withdraw_referral", N_("Referral withdrawn") },
  { "assess_risk", N_("Risk assessed") },
  { "protect", N_("High protection turned on") },
  { "record_incident", N_("Incident recorded") },
  { "inform_police", N_("Police informed") },
  { "add_relative", N_("Relative added") },
  { "edit_relative", N_("Relative changed") },
  { "family_contact", N_("Family contact recorded") },
  { "open_tracing", N_("Family tracing opened") },
  { "update_tracing", N_("Family tracing updated") },
  { "ban_visitor", N_("Visitor put on the no-visit list") },
  { "visit", N_("Visit recorded") },
  { "visit_refused", N_("Visit refused") },
  { "record_follow_up", N_("Follow-up recorded") },
  { "reschedule_follow_up", N_("Follow-up rescheduled") },
  { "close_case", N_("Case closed after follow-up") },
  { "import", N_("Residents imported") },
};

static const struct
{
  const char *code;
  const char *label;
} entity_labels[] = {
  { "centre", N_("Centre") },
  { "staff_user", N_("Staff account") },
  { "room", N_("Room") },
  { "person", N_("Resident") },
  { "stay", N_("Stay") },
  { "backup", N_("Backup") },
  { "setting", N_("Setting") },
  { "holiday", N_("Public holiday") },
  { "stay_limit", N_("Stay limit") },
  { "rate", N_("Rate") }, { "kitchen_sheet", N_("Kitchen sheet") },
  { "service", N_("Service") },
  { "needs_assessment", N_("Needs assessment") },
  { "support_plan", N_("Support plan") },
  { "partner", N_("Partner organisation") },
  { "referral", N_("Referral") },
  { "risk_assessment", N_("Risk assessment") },
  { "safety_incident", N_("Incident") },
  { "police_report", N_("Report to the police") },
  { "audit_log", N_("Audit log") },
  { "relative", N_("Relative") },
  { "family_contact", N_("Family contact") },
  { "family_tracing", N_("Family tracing") },
  { "visit_ban", N_("No-visit list") },
  { "visit", N_("Visit") },
  { "follow_up", N_("Follow-up after discharge") },
  { "import", N_("Import from a spreadsheet") },
  { "report", N_("Periodic report") },
  { "case_list", N_("Case list with names") },
};

const char * const *
shelter_audit_actions (void)
{
  static const char *codes[G_N_ELEMENTS (action_labels) + 1];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
        codes[i] = action_labels[i].code;
      g_once_init_leave (&initialized, 1);
    }
  return codes;
}

const char *
shelter_audit_action_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_strcmp0 (action_labels[i].code, action) == 0)
      return _(action_labels[i].label);
  return action;
}

/* BLAKE2b over the previous hash and every field of the entry, in hex. */
static char *
chain_hash (const char *previous,
            const char *at,
            const char *actor,
            const char *action,
            const char *entity,
            gint64      entity_id,
            const char *details)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guchar digest[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  /* The unit separator cannot appear in cleaned text, so fields cannot be shifted. */
  g_string_append_printf (text, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s",
                          previous ? previous : "", at, actor, action, entity,
                          entity_id > 0 ? entity_id : 0, details ? details : "");
  crypto_generichash (digest, sizeof digest, (const guchar *) text->str, text->len, NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup (hex);
}

gboolean
shelter_audit_record_as (ShelterDb   *db,
                         const char  *actor,
                         const char  *at,
                         const char  *action,
                         const char  *entity,
                         gint64       entity_id,
                         const char  *details,
                         GError     **error)
{
  g_autofree char *previous = NULL;
  g_autofree char *hash = NULL;
  ShelterStamp stamp = { actor, at };

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (actor != NULL && at != NULL && action != NULL && entity != NULL, FALSE);

  /* Read and written in the caller's write transaction: no other entry can slip between. */
  previous = shelter_audit_store_last_hash (db, error);
  if (previous == NULL)
    return FALSE;
  hash = chain_hash (previous, at, actor, action, entity, entity_id, details);
  return shelter_audit_store_append (db, &stamp, action, entity, entity_id, details, hash, error);
}

gboolean
shelter_audit_record (ShelterSession  *session,
                      const char      *at,
                      const char      *action,
                      const char      *entity,
                      gint64           entity_id,
                      const char      *details,
                      GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  return shelter_audit_record_as (shelter_session_get_db (session),
                                  shelter_session_get_actor (session), at, action, entity,
                                  entity_id, details, error);
}

void
shelter_audit_note_change (GString    *details,
                           const char *field,
                           const char *old_value,
                           const char *new_value,
                           gboolean    restricted)
{
  g_return_if_fail (details != NULL && field != NULL);

  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  if (restricted)
    g_string_append_printf (details, "%s: (hidden) -> (hidden)\n", field);
  else
    g_string_append_printf (details, "%s: %s -> %s\n", field, old_value ? old_value : "",
                            new_value ? new_value : "");
}

typedef struct
{
  char   *previous;
  gint64  count;
  gint64  first_broken;
  gboolean chained;
} ChainWalk;

static gboolean
verify_row_cb (const ShelterAuditRow *row,
               gpointer               user_data)
{
  ChainWalk *walk = user_data;
  g_autofree char *expected = NULL;

  walk->count++;
  if (walk->first_broken != 0)
    return TRUE;

  /* Entries written before the chain existed (data version 1) carry no hash. */
  if (!walk->chained && (row->hash == NULL || row->hash[0] == '\0'))
    return TRUE;
  walk->chained = TRUE;

  expected = chain_hash (walk->previous, row->at, row->actor, row->action, row->entity,
                         row->entity_id, row->details);
  if (g_strcmp0 (expected, row->hash) != 0)
    walk->first_broken = row->id;
  g_free (walk->previous);
  walk->previous = g_strdup (row->hash);
  return TRUE;
}

gboolean
shelter_audit_verify_chain (ShelterDb  *db,
                            gint64     *n_entries,
                            gint64     *first_broken,
                            GError    **error)
{
  ChainWalk walk = { g_strdup (""), 0, 0, FALSE };
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  ok = shelter_audit_store_foreach (db, verify_row_cb, &walk, error);
  if (n_entries != NULL)
    *n_entries = walk.count;
  if (first_broken != NULL)
    *first_broken = walk.first_broken;
  g_free (walk.previous);
  return ok;
}

/* ShelterAuditEntry */

struct _ShelterAuditEntry
{
  GObject         parent_instance;
  ShelterAuditRow row;
};

G_DEFINE_FINAL_TYPE (ShelterAuditEntry, shelter_audit_entry, G_TYPE_OBJECT)

static void
shelter_audit_entry_finalize (GObject *object)
{
  shelter_audit_row_clear (&SHELTER_AUDIT_ENTRY (object)->row);
  G_OBJECT_CLASS (shelter_audit_entry_parent_class)->finalize (object);
}

static void
shelter_audit_entry_class_init (ShelterAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_audit_entry_finalize;
}

static void
shelter_audit_entry_init (ShelterAuditEntry *self)
{
}

gint64
shelter_audit_entry_get_id (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), 0);
  return self->row.id;
}

const char *
shelter_audit_entry_get_at (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return self->row.at;
}

const char *
shelter_audit_entry_get_actor (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return self->row.actor;
}

const char *
shelter_audit_entry_get_action (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return self->row.action;
}

const char *
shelter_audit_entry_get_action_label (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return shelter_audit_action_label (self->row.action);
}

const char *
shelter_audit_entry_get_entity (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return self->row.entity;
}

gint64
shelter_audit_entry_get_entity_id (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), 0);
  return self->row.entity_id;
}

const char *
shelter_audit_entry_get_details (ShelterAuditEntry *self)
{
  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);
  return self->row.details;
}

char *
shelter_audit_entry_dup_record (ShelterAuditEntry *self)
{
  const char *label = NULL;

  g_return_val_if_fail (SHELTER_IS_AUDIT_ENTRY (self), NULL);

  if (self->row.entity == NULL || *self->row.entity == '\0')
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (entity_labels); i++)
    if (g_str_equal (entity_labels[i].code, self->row.entity))
      label = _(entity_labels[i].label);
  if (label == NULL)
    label = self->row.entity;
  if (self->row.entity_id <= 0)
    return g_strdup (label);
  return g_strdup_printf ("%s #%" G_GINT64_FORMAT, label, self->row.entity_id);
}

/* ShelterAuditModel */

struct _ShelterAuditModel
{
  GObject         parent_instance;

  ShelterSession *session;
  GArray         *ids;    /* gint64, newest first */
  GPtrArray      *items;  /* ShelterAuditEntry or NULL until asked for */
  char           *filter_text; /* for the export's audit entry */
};

static void audit_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShelterAuditModel, shelter_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, audit_model_iface_init))

static GType
audit_model_get_item_type (GListModel *model)
{
  return SHELTER_TYPE_AUDIT_ENTRY;
}

static guint
audit_model_get_n_items (GListModel *model)
{
  return SHELTER_AUDIT_MODEL (model)->ids->len;
}

static ShelterAuditEntry *
load_entry (ShelterAuditModel *self,
            guint              position)
{
  ShelterAuditEntry *entry = g_object_new (SHELTER_TYPE_AUDIT_ENTRY, NULL);
  g_autoptr (GError) error = NULL;
  gint64 id = g_array_index (self->ids, gint64, position);

  if (!shelter_audit_store_get (shelter_session_get_db (self->session), id, &entry->row, &error))
    {
      entry->row.id = id;
      entry->row.details = g_strdup (error->message);
    }
  return entry;
}

static gpointer
audit_model_get_item (GListModel *model,
                      guint       position)
{
  ShelterAuditModel *self = SHELTER_AUDIT_MODEL (model);

  if (position >= self->ids->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) = load_entry (self, position);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
audit_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = audit_model_get_item_type;
  iface->get_n_items = audit_model_get_n_items;
  iface->get_item = audit_model_get_item;
}

static void
clear_entry (gpointer entry)
{
  if (entry != NULL)
    g_object_unref (entry);
}

static void
shelter_audit_model_finalize (GObject *object)
{
  ShelterAuditModel *self = SHELTER_AUDIT_MODEL (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (shelter_audit_model_parent_class)->finalize (object);
}

static void
shelter_audit_model_class_init (ShelterAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_audit_model_finalize;
}

static void
shelter_audit_model_init (ShelterAuditModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (clear_entry);
}

ShelterAuditModel *
shelter_audit_model_new (ShelterSession *session)
{
  ShelterAuditModel *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_AUDIT_MODEL, NULL);
  self->session = g_object_ref (session);
  return self;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

gboolean
shelter_audit_model_set_filter (ShelterAuditModel         *self,
                                const ShelterAuditFilter  *filter,
                                GError                   **error)
{
  ShelterAuditFilter none = { 0 };
  g_autoptr (GArray) ids = NULL;
  g_autofree char *case_code = NULL;
  guint removed;

  g_return_val_if_fail (SHELTER_IS_AUDIT_MODEL (self), FALSE);

  if (!shelter_session_check (self->session, SHELTER_PERMISSION_VIEW_AUDIT, error))
    return FALSE;
  if (filter == NULL)
    filter = &none;

  /* Case codes are written in capitals; accept them typed in any case. */
  if (nonempty (filter->person) != NULL)
    {
      g_autofree char *typed = g_strstrip (g_strdup (filter->person));

      case_code = g_ascii_strup (typed, -1);
    }

  ids = shelter_audit_store_ids (shelter_session_get_db (self->session),
                                 nonempty (filter->actor), nonempty (filter->action),
                                 nonempty (case_code), nonempty (filter->from_date),
                                 nonempty (filter->to_date), error);
  if (ids == NULL)
    return FALSE;

  g_free (self->filter_text);
  self->filter_text = g_strdup_printf ("actor: %s\naction: %s\nperson: %s\nfrom: %s\nto: %s",
                                       filter->actor ?: "", filter->action ?: "",
                                       case_code ?: "", filter->from_date ?: "",
                                       filter->to_date ?: "");

  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, self->ids->len);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return TRUE;
}

static void
append_csv_field (GString    *line,
                  const char *value,
                  gboolean    last)
{
  g_string_append_c (line, '"');
  for (const char *p = value ? value : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append (line, last ? "\"\r\n" : "\",");
}

gboolean
shelter_audit_model_export_csv (ShelterAuditModel  *self,
                                const char         *path,
                                GError            **error)
{
  g_autoptr (GString) csv = g_string_new ("\xef\xbb\xbf");
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_AUDIT_MODEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!shelter_session_check (self->session, SHELTER_PERMISSION_VIEW_AUDIT, error))
    return FALSE;

  append_csv_field (csv, _("Time"), FALSE);
  append_csv_field (csv, _("Staff"), FALSE);
  append_csv_field (csv, _("Action"), FALSE);
  append_csv_field (csv, _("Record"), FALSE);
  append_csv_field (csv, _("Details"), TRUE);
  for (guint i = 0; i < self->ids->len; i++)
    {
      g_autoptr (ShelterAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (self), i);
      g_autofree char *record = NULL;

      record = shelter_audit_entry_dup_record (entry);
      append_csv_field (csv, entry->row.at, FALSE);
      append_csv_field (csv, entry->row.actor, FALSE);
      append_csv_field (csv, shelter_audit_action_label (entry->row.action), FALSE);
      append_csv_field (csv, record, FALSE);
      append_csv_field (csv, entry->row.details, TRUE);
      /* Exporting a million entries must not keep a million objects. */
      g_clear_object (&g_ptr_array_index (self->items, i));
    }

  db = shelter_session_get_db (self->session);
  now = shelter_session_now (self->session);
  at = shelter_session_format_time (now);
  details = g_strdup_printf ("file: %s\nentries: %u\n%s", path, self->ids->len,
                             self->filter_text ? self->filter_text : "");

  /* The export is on record before the file exists, in the same transaction. */
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!shelter_audit_record (self->session, at, "export", "audit_log", 0, details, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, csv->str, csv->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}
