/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-family"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission-private.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-family.h"
#include "shelter-reference.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define FAMILY_NAME_MAX 200
#define DETAIL_MAX 200
#define REASON_MAX 1000
#define NOTES_MAX 2000

#define ENUM_OF(name, values) \
  const ShelterEnum name = { values, G_N_ELEMENTS (values) }

static const ShelterEnumValue relation_values[] = {
  { "mother", N_("Mother") },
  { "father", N_("Father") },
  { "husband", N_("Husband") },
  { "wife", N_("Wife") },
  { "partner", N_("Life partner") },
  { "child", N_("Child") },
  { "sibling", N_("Brother or sister") },
  { "grandparent", N_("Grandparent") },
  { "aunt_uncle", N_("Aunt or uncle") },
  { "cousin", N_("Cousin") },
  { "guardian", N_("Guardian") },
  { "other", N_("Other relative") },
};
ENUM_OF (shelter_family_relation, relation_values);

static const ShelterEnumValue safety_values[] = {
  { "safe", N_("Safe") },
  { "unsafe", N_("Unsafe") },
  { "unknown", N_("Not known yet") },
};
ENUM_OF (shelter_family_safety, safety_values);

static const ShelterEnumValue method_values[] = {
  { "phone", N_("Phone") },
  { "visit", N_("Home visit") },
  { "letter", N_("Letter") },
  { "commune", N_("Through the commune") },
  { "police", N_("Through the police") },
};
ENUM_OF (shelter_family_contact_method, method_values);

static const ShelterEnumValue result_values[] = {
  { "reached", N_("Reached") },
  { "no_answer", N_("No answer") },
  { "refused", N_("Refused") },
  { "wrong_number", N_("Wrong number or address") },
};
ENUM_OF (shelter_family_contact_result, result_values);

static const ShelterEnumValue tracing_values[] = {
  { "open", N_("Open") },
  { "in_progress", N_("In progress") },
  { "found", N_("Family found") },
  { "verified", N_("Family verified") },
  { "reunified", N_("Reunified") },
  { "closed", N_("Closed") },
};
ENUM_OF (shelter_family_tracing_status, tracing_values);

/* ---- Helpers ------------------------------------------------------------------------------ */

typedef struct
{
  ShelterDb    *db;
  char         *at;
  char         *today;
  ShelterStamp  stamp;
} Action;

static void
action_init (Action         *action,
             ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  action->db = shelter_session_get_db (session);
  action->at = shelter_session_format_time (now);
  action->today = g_date_time_format (now, "%Y-%m-%d");
  action->stamp.at = action->at;
  action->stamp.actor = shelter_session_get_actor (session);
}

static void
action_clear (Action *action)
{
  g_clear_pointer (&action->at, g_free);
  g_clear_pointer (&action->today, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Action, action_clear)

/* Whether the session may read the relatives' phones and addresses of @person_id. */
static gboolean
may_see_contact_details (ShelterSession  *session,
                         gint64           person_id,
                         gboolean        *ok,
                         GError         **error)
{
  g_autoptr (ShelterPerson) person = NULL;

  *ok = FALSE;
  person = shelter_person_store_get (shelter_session_get_db (session), person_id, error);
  if (person == NULL)
    return FALSE;
  *ok = !shelter_person_get_high_protection (person) ||
        shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  return TRUE;
}

/* A date of the past or today, in the stay: the message starts with @label. */
static gboolean
check_day_in_stay (ShelterStay   *stay,
                   const char    *day,
                   const char    *today,
                   ShelterField   field,
                   const char    *label,
                   GError       **error)
{
  g_autofree char *admitted = NULL;

  if (day == NULL || !shelter_text_is_iso_date (day))
    return shelter_field_error (error, field, _("%s: enter a date such as 22/11/2026."), label);
  if (strcmp (day, today) > 0)
    return shelter_field_error (error, field, _("%s: the day is in the future."), label);
  admitted = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  if (strcmp (day, admitted) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (admitted);

      return shelter_field_error (error, field,
                                  _("%s: the resident was admitted on %s, after this day."),
                                  label, shown);
    }
  if (shelter_stay_get_discharged_at (stay) != NULL &&
      strncmp (day, shelter_stay_get_discharged_at (stay), 10) > 0)
    {
      g_autofree char *shown = shelter_text_format_date (shelter_stay_get_discharged_at (stay));

      return shelter_field_error (error, field,
                                  _("%s: the stay ended on %s, before this day."), label, shown);
    }
  return TRUE;
}

/* ---- Relatives ---------------------------------------------------------------------------- */

static gboolean
clean_relative (ShelterSession              *session,
                const ShelterRelativeInput  *input,
                ShelterRelativeRow          *row,
                GError                     **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *phone = NULL;

  if (!shelter_field_clean_text (input->full_name, FALSE, FAMILY_NAME_MAX,
                                 SHELTER_FIELD_RELATIVE_NAME,
                                 _("Name"), &row->full_name, error))
    return FALSE;
  if (row->full_name == NULL)
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_NAME,
                                _("Name: enter the relative’s name, or how the resident calls "
                                  "them."));
  if (!shelter_enum_is_valid (&shelter_family_relation, input->relation))
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_RELATION,
                                _("Relation: choose how they are related to the resident."));
  row->relation = g_strdup (input->relation);
  if (!shelter_field_clean_text (input->phone, FALSE, 40, SHELTER_FIELD_RELATIVE_PHONE,
                                 _("Phone"), &phone, error))
    return FALSE;
  if (phone != NULL)
    {
      row->phone = _shelter_phone_normalize (phone);
      if (row->phone == NULL)
        return shelter_field_error (error, SHELTER_FIELD_RELATIVE_PHONE,
                                    _("Phone: a mobile number has 10 digits and starts with 03, "
                                      "05, 07, 08 or 09; a landline has 11 digits and starts "
                                      "with 02 (+84 counts as 0)."));
    }
  if (input->commune_code != NULL && *input->commune_code != '\0' &&
      (input->province_code == NULL || *input->province_code == '\0'))
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_ADDRESS,
                                _("Address: choose the province before the commune."));
  if (input->province_code != NULL && *input->province_code != '\0')
    {
      g_autoptr (GPtrArray) provinces = shelter_reference_provinces (db, SHELTER_ADDRESS_SCHEME,
                                                                     error);

      if (provinces == NULL)
        return FALSE;
      if (!shelter_reference_has_code (provinces, input->province_code))
        return shelter_field_error (error, SHELTER_FIELD_RELATIVE_ADDRESS,
                                    _("Address: choose the province from the list."));
      row->address_scheme = g_strdup (SHELTER_ADDRESS_SCHEME);
      row->province_code = g_strdup (input->province_code);
      if (input->commune_code != NULL && *input->commune_code != '\0')
        {
          g_autoptr (GPtrArray) communes = shelter_reference_communes (db, SHELTER_ADDRESS_SCHEME,
                                                                       input->province_code,
                                                                       error);

          if (communes == NULL)
            return FALSE;
          if (!shelter_reference_has_code (communes, input->commune_code))
            return shelter_field_error (error, SHELTER_FIELD_RELATIVE_ADDRESS,
                                        _("Address: choose a commune of the province from the "
                                          "list."));
          row->commune_code = g_strdup (input->commune_code);
        }
    }
  if (!shelter_field_clean_text (input->address_detail, FALSE, DETAIL_MAX,
                                 SHELTER_FIELD_RELATIVE_ADDRESS, _("Village or street"),
                                 &row->address_detail, error) ||
      !shelter_field_clean_text (input->safety_reason, TRUE, REASON_MAX,
                                 SHELTER_FIELD_RELATIVE_SAFETY_REASON, _("Reason"),
                                 &row->safety_reason, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_family_safety, input->safety))
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_SAFETY,
                                _("Safety: choose safe, unsafe or not known yet."));
  row->involved = input->involved;
  /* Involved in the trafficking: unsafe, and never to be contacted. */
  row->safety = g_strdup (input->involved ? "unsafe" : input->safety);
  row->may_contact = input->may_contact && !input->involved;
  if (input->involved && g_strcmp0 (input->safety, "safe") == 0)
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_SAFETY,
                                _("Safety: a relative involved in the trafficking cannot be "
                                  "safe."));
  if (row->safety_reason == NULL &&
      (g_str_equal (row->safety, "unsafe") || !row->may_contact))
    return shelter_field_error (error, SHELTER_FIELD_RELATIVE_SAFETY_REASON,
                                _("Reason: say why this relative is unsafe or may not be "
                                  "contacted."));
  return TRUE;
}

gint64
shelter_family_save_relative (ShelterSession              *session,
                              const ShelterRelativeInput  *input,
                              GError                     **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterRelativeRow) row = g_new0 (ShelterRelativeRow, 1);
  g_autoptr (ShelterRelativeRow) old = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *details = NULL;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error) ||
      !clean_relative (session, input, row, error))
    return 0;
  action_init (&action, session);
  row->id = input->id;
  row->version = input->version;
  row->person_id = input->person_id;

  if (!shelter_db_begin (action.db, error))
    return 0;
  if (input->id > 0)
    {
      old = shelter_relative_store_get (action.db, input->id, &local_error);
      if (old == NULL)
        goto failed;
      row->person_id = old->person_id;
    }
  person = shelter_person_store_get (action.db, row->person_id, &local_error);
  if (person == NULL)
    goto failed;
  /* Whoever may not know a protected resident was shown no phone or address for their
   * relatives (shelter_family_list_relatives()): an edit of theirs keeps the stored ones
   * rather than erasing them. */
  if (old != NULL && shelter_person_get_high_protection (person) &&
      !shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY))
    {
      g_free (row->phone);
      row->phone = g_strdup (old->phone);
      g_free (row->address_scheme);
      row->address_scheme = g_strdup (old->address_scheme);
      g_free (row->province_code);
      row->province_code = g_strdup (old->province_code);
      g_free (row->commune_code);
      row->commune_code = g_strdup (old->commune_code);
      g_free (row->address_detail);
      row->address_detail = g_strdup (old->address_detail);
    }
  /* The trail keeps the judgement, not the phone or the address. */
  details = g_strdup_printf ("person: %s\nrelation: %s\nsafety: %s\ninvolved: %s\n"
                             "may_contact: %s\nreason: %s",
                             shelter_person_get_case_code (person), row->relation, row->safety,
                             row->involved ? "yes" : "no", row->may_contact ? "yes" : "no",
                             row->safety_reason != NULL ? row->safety_reason : "");
  if (input->id > 0)
    {
      id = input->id;
      if (!shelter_relative_store_update (action.db, row, &action.stamp, &local_error) ||
          !shelter_audit_record (session, action.at, "edit_relative", "relative", id, details,
                                 &local_error))
        goto failed;
    }
  else
    {
      id = shelter_relative_store_insert (action.db, row, &action.stamp, &local_error);
      if (id == 0 ||
          !shelter_audit_record (session, action.at, "add_relative", "relative", id, details,
                                 &local_error))
        goto failed;
    }
  if (!shelter_db_commit (action.db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

GPtrArray *
shelter_family_list_relatives (ShelterSession  *session,
                               gint64           person_id,
                               GError         **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  gboolean may_see;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error) ||
      !may_see_contact_details (session, person_id, &may_see, error))
    return NULL;
  rows = shelter_relative_store_list (shelter_session_get_db (session), person_id, error);
  for (guint i = 0; rows != NULL && !may_see && i < rows->len; i++)
    {
      ShelterRelativeRow *row = g_ptr_array_index (rows, i);

      g_clear_pointer (&row->phone, g_free);
      g_clear_pointer (&row->address_scheme, g_free);
      g_clear_pointer (&row->province_code, g_free);
      g_clear_pointer (&row->commune_code, g_free);
      g_clear_pointer (&row->address_detail, g_free);
    }
  return g_steal_pointer (&rows);
}

/* ---- Contacts ----------------------------------------------------------------------------- */

gint64
shelter_family_record_contact (ShelterSession             *session,
                               const ShelterContactInput  *input,
                               GError                    **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterRelativeRow) relative = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *made_by = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *details = NULL;
  ShelterContactRow row = { 0 };
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error))
    return 0;
  if (input->relative_id <= 0)
    return shelter_field_error (error, SHELTER_FIELD_CONTACT_RELATIVE,
                                _("Relative: choose whom the centre tried to reach.")), 0;
  if (!shelter_enum_is_valid (&shelter_family_contact_method, input->method))
    return shelter_field_error (error, SHELTER_FIELD_CONTACT_METHOD,
                                _("How: choose phone, home visit, letter, through the commune "
                                  "or through the police.")), 0;
  if (!shelter_enum_is_valid (&shelter_family_contact_result, input->result))
    return shelter_field_error (error, SHELTER_FIELD_CONTACT_RESULT,
                                _("Result: choose what came of it.")), 0;
  if (!shelter_field_clean_text (input->made_by, FALSE, FAMILY_NAME_MAX,
                                 SHELTER_FIELD_CONTACT_MADE_BY,
                                 _("Made by"), &made_by, error) ||
      !shelter_field_clean_text (input->notes, TRUE, NOTES_MAX, SHELTER_FIELD_CONTACT_NOTES,
                                 _("Notes"), &notes, error))
    return 0;
  if (made_by == NULL)
    return shelter_field_error (error, SHELTER_FIELD_CONTACT_MADE_BY,
                                _("Made by: name who made the attempt.")), 0;
  action_init (&action, session);

  if (!shelter_db_begin (action.db, error))
    return 0;
  stay = shelter_stay_store_get (action.db, input->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  if (!check_day_in_stay (stay, input->contacted_on, action.today, SHELTER_FIELD_CONTACT_DATE,
                          _("Date"), &local_error))
    goto failed;
  relative = shelter_relative_store_get (action.db, input->relative_id, &local_error);
  if (relative == NULL)
    goto failed;
  if (relative->person_id != shelter_stay_get_person_id (stay))
    {
      shelter_field_error (&local_error, SHELTER_FIELD_CONTACT_RELATIVE,
                           _("Relative: %s is not a relative of this resident."),
                           relative->full_name);
      goto failed;
    }
  if (relative->involved)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CONTACT_FORBIDDEN,
                   _("%s is recorded as involved in the trafficking and may not be contacted "
                     "(%s)."), relative->full_name, relative->safety_reason);
      goto failed;
    }
  if (!relative->may_contact)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CONTACT_FORBIDDEN,
                   _("%s may not be contacted: %s"), relative->full_name,
                   relative->safety_reason);
      goto failed;
    }

  row.stay_id = input->stay_id;
  row.relative_id = input->relative_id;
  row.contacted_on = (char *) input->contacted_on;
  row.method = (char *) input->method;
  row.made_by = made_by;
  row.result = (char *) input->result;
  row.notes = notes;
  id = shelter_contact_store_insert (action.db, &row, &action.stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nrelative: %" G_GINT64_FORMAT
                             "\ncontacted_on: %s\nmethod: %s\nresult: %s\nby: %s",
                             input->stay_id, input->relative_id, input->contacted_on,
                             input->method, input->result, made_by);
  if (!shelter_audit_record (session, action.at, "family_contact", "family_contact", id,
                             details, &local_error) ||
      !shelter_db_commit (action.db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

GPtrArray *
shelter_family_list_contacts (ShelterSession  *session,
                              gint64           person_id,
                              GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_contact_store_list (shelter_session_get_db (session), person_id, error);
}

/* ---- Tracing ------------------------------------------------------------------------------ */

gint64
shelter_family_open_tracing (ShelterSession  *session,
                             gint64           stay_id,
                             const char      *agencies,
                             const char      *note,
                             GError         **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterTracingRow) existing = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean_agencies = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *details = NULL;
  ShelterTracingRow row = { 0 };
  const char *birth;
  GDate today;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error) ||
      !shelter_field_clean_text (agencies, TRUE, REASON_MAX, SHELTER_FIELD_TRACING_AGENCIES,
                                 _("Agencies"), &clean_agencies, error) ||
      !shelter_field_clean_text (note, TRUE, NOTES_MAX, SHELTER_FIELD_TRACING_NOTE, _("Note"),
                                 &clean_note, error))
    return 0;
  action_init (&action, session);
  if (!shelter_db_begin (action.db, error))
    return 0;
  stay = shelter_stay_store_get (action.db, stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  if (shelter_stay_get_discharged_at (stay) != NULL)
    {
      g_set_error_literal (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("The stay has ended: family tracing is for residents staying "
                             "now."));
      goto failed;
    }
  person = shelter_person_store_get (action.db, shelter_stay_get_person_id (stay),
                                     &local_error);
  if (person == NULL)
    goto failed;
  birth = shelter_person_get_birth_date (person);
  g_date_clear (&today, 1);
  shelter_text_parse_date (action.today, &today);
  if (birth == NULL || shelter_text_age_on (birth, &today) >= 18)
    {
      g_set_error_literal (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("Family tracing is for children under 18 without known family; "
                             "record an adult’s relatives instead."));
      goto failed;
    }
  existing = shelter_tracing_store_get_for_stay (action.db, stay_id, NULL);
  if (existing != NULL)
    {
      g_set_error_literal (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("The family tracing of this stay is already open."));
      goto failed;
    }
  row.stay_id = stay_id;
  row.status = (char *) "open";
  row.opened_on = action.today;
  row.agencies = clean_agencies;
  row.note = clean_note;
  id = shelter_tracing_store_insert (action.db, &row, &action.stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nstatus: open\nagencies: %s", stay_id,
                             clean_agencies != NULL ? clean_agencies : "");
  if (!shelter_audit_record (session, action.at, "open_tracing", "family_tracing", id, details,
                             &local_error) ||
      !shelter_db_commit (action.db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
shelter_family_update_tracing (ShelterSession  *session,
                               gint64           stay_id,
                               gint64           version,
                               const char      *status,
                               const char      *agencies,
                               const char      *note,
                               GError         **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterTracingRow) row = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean_agencies = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_family_tracing_status, status))
    return shelter_field_error (error, SHELTER_FIELD_TRACING_STATUS,
                                _("Status: choose where the tracing stands."));
  if (!shelter_field_clean_text (agencies, TRUE, REASON_MAX, SHELTER_FIELD_TRACING_AGENCIES,
                                 _("Agencies"), &clean_agencies, error) ||
      !shelter_field_clean_text (note, TRUE, NOTES_MAX, SHELTER_FIELD_TRACING_NOTE, _("Note"),
                                 &clean_note, error))
    return FALSE;
  action_init (&action, session);
  if (!shelter_db_begin (action.db, error))
    return FALSE;
  row = shelter_tracing_store_get_for_stay (action.db, stay_id, &local_error);
  if (row == NULL)
    goto failed;
  details = g_strdup_printf ("status: %s -> %s\nagencies: %s", row->status, status,
                             clean_agencies != NULL ? clean_agencies : "");
  g_free (row->status);
  row->status = g_strdup (status);
  g_free (row->agencies);
  row->agencies = g_steal_pointer (&clean_agencies);
  g_free (row->note);
  row->note = g_steal_pointer (&clean_note);
  row->version = version;
  if (!shelter_tracing_store_update (action.db, row, &action.stamp, &local_error) ||
      !shelter_audit_record (session, action.at, "update_tracing", "family_tracing", row->id,
                             details, &local_error) ||
      !shelter_db_commit (action.db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

ShelterTracingRow *
shelter_family_get_tracing (ShelterSession  *session,
                            gint64           stay_id,
                            GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  ShelterTracingRow *row;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  row = shelter_tracing_store_get_for_stay (shelter_session_get_db (session), stay_id,
                                            &local_error);
  if (row == NULL && !g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

/* ---- Visits ------------------------------------------------------------------------------- */

gint64
shelter_family_add_visit_ban (ShelterSession  *session,
                              gint64           person_id,
                              gint64           relative_id,
                              const char      *visitor_name,
                              const char      *reason,
                              GError         **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterRelativeRow) relative = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *clean_reason = NULL;
  g_autofree char *details = NULL;
  ShelterVisitBanRow row = { 0 };
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error) ||
      !shelter_field_clean_text (visitor_name, FALSE, FAMILY_NAME_MAX, SHELTER_FIELD_VISITOR_NAME,
                                 _("Name"), &name, error) ||
      !shelter_field_clean_text (reason, TRUE, REASON_MAX, SHELTER_FIELD_VISIT_BAN_REASON,
                                 _("Reason"), &clean_reason, error))
    return 0;
  if (clean_reason == NULL)
    return shelter_field_error (error, SHELTER_FIELD_VISIT_BAN_REASON,
                                _("Reason: say why this person may not visit.")), 0;
  if (name == NULL && relative_id <= 0)
    return shelter_field_error (error, SHELTER_FIELD_VISITOR_NAME,
                                _("Name: enter who may not visit.")), 0;
  action_init (&action, session);
  if (!shelter_db_begin (action.db, error))
    return 0;
  person = shelter_person_store_get (action.db, person_id, &local_error);
  if (person == NULL)
    goto failed;
  if (relative_id > 0)
    {
      relative = shelter_relative_store_get (action.db, relative_id, &local_error);
      if (relative == NULL)
        goto failed;
      if (relative->person_id != person_id)
        {
          shelter_field_error (&local_error, SHELTER_FIELD_VISITOR_NAME,
                               _("Name: %s is not a relative of this resident."),
                               relative->full_name);
          goto failed;
        }
      if (name == NULL)
        name = g_strdup (relative->full_name);
    }
  row.person_id = person_id;
  row.visitor_name = name;
  row.relative_id = relative_id;
  row.reason = clean_reason;
  id = shelter_visit_ban_store_insert (action.db, &row, &action.stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("person: %s\nrelative: %" G_GINT64_FORMAT "\nreason: %s",
                             shelter_person_get_case_code (person), relative_id, clean_reason);
  if (!shelter_audit_record (session, action.at, "ban_visitor", "visit_ban", id, details,
                             &local_error) ||
      !shelter_db_commit (action.db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

GPtrArray *
shelter_family_list_visit_bans (ShelterSession  *session,
                                gint64           person_id,
                                GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_visit_ban_store_list (shelter_session_get_db (session), person_id, error);
}

/* Writes the refused attempt and its audit entry in a transaction of its own. */
static gint64
write_refused_visit (ShelterSession  *session,
                     Action          *action,
                     ShelterVisitRow *row,
                     GError         **error)
{
  g_autofree char *details = NULL;
  gint64 id;

  if (!shelter_db_begin (action->db, error))
    return 0;
  id = shelter_visit_store_insert (action->db, row, &action->stamp, error);
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nrelative: %" G_GINT64_FORMAT
                             "\nban: %" G_GINT64_FORMAT "\nvisited_at: %s\nreason: %s",
                             row->stay_id, row->relative_id, row->ban_id, row->visited_at,
                             row->refusal_reason);
  if (id == 0 ||
      !shelter_audit_record (session, action->at, "visit_refused", "visit", id, details,
                             error) ||
      !shelter_db_commit (action->db, error))
    {
      shelter_db_rollback (action->db);
      return 0;
    }
  return id;
}

gint64
shelter_family_record_visit (ShelterSession           *session,
                             const ShelterVisitInput  *input,
                             gint64                   *refused_id,
                             GError                  **error)
{
  g_auto (Action) action = { 0 };
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterRelativeRow) relative = NULL;
  g_autoptr (GPtrArray) bans = NULL;
  g_autoptr (GDateTime) visited = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *approved_by = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *day = NULL;
  g_autofree char *details = NULL;
  ShelterVisitRow row = { 0 };
  gint64 ban_id = 0;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (refused_id != NULL)
    *refused_id = 0;
  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FAMILY, error) ||
      !shelter_field_clean_text (input->visitor_name, FALSE, FAMILY_NAME_MAX,
                                 SHELTER_FIELD_VISITOR_NAME,
                                 _("Visitor"), &name, error) ||
      !shelter_field_clean_text (input->approved_by, FALSE, FAMILY_NAME_MAX,
                                 SHELTER_FIELD_VISIT_APPROVED_BY, _("Approved by"),
                                 &approved_by, error) ||
      !shelter_field_clean_text (input->notes, TRUE, NOTES_MAX, SHELTER_FIELD_VISIT_NOTES,
                                 _("Notes"), &notes, error))
    return 0;
  if (name == NULL && input->relative_id <= 0)
    return shelter_field_error (error, SHELTER_FIELD_VISITOR_NAME,
                                _("Visitor: enter who came, or choose the relative.")), 0;
  visited = input->visited_at != NULL ? g_date_time_new_from_iso8601 (input->visited_at, NULL)
                                      : NULL;
  if (visited == NULL)
    return shelter_field_error (error, SHELTER_FIELD_VISIT_TIME,
                                _("When: enter the day and time of the visit.")), 0;
  now = shelter_session_now (session);
  if (g_date_time_compare (visited, now) > 0)
    return shelter_field_error (error, SHELTER_FIELD_VISIT_TIME,
                                _("When: the time is in the future. Record a visit once the "
                                  "visitor has come.")), 0;
  if (approved_by == NULL)
    return shelter_field_error (error, SHELTER_FIELD_VISIT_APPROVED_BY,
                                _("Approved by: name who let the visit happen.")), 0;
  action_init (&action, session);
  day = g_date_time_format (visited, "%Y-%m-%d");

  if (!shelter_db_begin (action.db, error))
    return 0;
  stay = shelter_stay_store_get (action.db, input->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  if (!check_day_in_stay (stay, day, action.today, SHELTER_FIELD_VISIT_TIME, _("When"),
                          &local_error))
    goto failed;
  if (input->relative_id > 0)
    {
      relative = shelter_relative_store_get (action.db, input->relative_id, &local_error);
      if (relative == NULL)
        goto failed;
      if (relative->person_id != shelter_stay_get_person_id (stay))
        {
          shelter_field_error (&local_error, SHELTER_FIELD_VISITOR_NAME,
                               _("Visitor: %s is not a relative of this resident."),
                               relative->full_name);
          goto failed;
        }
      if (name == NULL)
        name = g_strdup (relative->full_name);
    }
  folded = shelter_text_fold (name);
  bans = shelter_visit_ban_store_list (action.db, shelter_stay_get_person_id (stay),
                                       &local_error);
  if (bans == NULL)
    goto failed;
  for (guint i = 0; i < bans->len && refusal == NULL; i++)
    {
      ShelterVisitBanRow *ban = g_ptr_array_index (bans, i);
      g_autofree char *ban_folded = shelter_text_fold (ban->visitor_name);

      if ((ban->relative_id > 0 && ban->relative_id == input->relative_id) ||
          g_strcmp0 (ban_folded, folded) == 0)
        {
          ban_id = ban->id;
          refusal = g_strdup_printf (_("%s is on the list of people who may not visit: %s"),
                                     name, ban->reason);
        }
    }
  if (refusal == NULL && relative != NULL && relative->involved)
    refusal = g_strdup_printf (_("%s is recorded as involved in the trafficking and may not "
                                 "visit (%s)."), name, relative->safety_reason);

  row.stay_id = input->stay_id;
  row.visitor_name = name;
  row.relative_id = input->relative_id > 0 ? input->relative_id : 0;
  row.visited_at = (char *) input->visited_at;
  row.approved_by = approved_by;
  row.notes = notes;
  if (refusal != NULL)
    {
      gint64 kept;

      /* Nothing of the visit itself is written; the attempt is kept on its own. */
      shelter_db_rollback (action.db);
      row.refused = TRUE;
      row.refusal_reason = refusal;
      row.ban_id = ban_id;
      kept = write_refused_visit (session, &action, &row, error);
      if (kept == 0)
        return 0;
      if (refused_id != NULL)
        *refused_id = kept;
      /* The reason typed for a ban may lack its full stop; the sentence needs one. */
      if (!g_str_has_suffix (refusal, ".") && !g_str_has_suffix (refusal, "!") &&
          !g_str_has_suffix (refusal, "?"))
        {
          char *ended = g_strconcat (refusal, ".", NULL);

          g_free (refusal);
          refusal = ended;
        }
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_VISIT_REFUSED,
                   _("The visit is refused. %s The attempt has been recorded."), refusal);
      return 0;
    }

  id = shelter_visit_store_insert (action.db, &row, &action.stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nrelative: %" G_GINT64_FORMAT
                             "\nvisited_at: %s\napproved_by: %s",
                             row.stay_id, row.relative_id, row.visited_at, approved_by);
  if (!shelter_audit_record (session, action.at, "visit", "visit", id, details, &local_error) ||
      !shelter_db_commit (action.db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (action.db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

GPtrArray *
shelter_family_list_visits (ShelterSession  *session,
                            gint64           person_id,
                            GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_visit_store_list (shelter_session_get_db (session), person_id, error);
}

/* ---- The month without contact ------------------------------------------------------------ */

static GPtrArray *
no_contact (ShelterSession  *session,
            gint64           stay_id,
            GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) cutoff_time = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *cutoff = NULL;
  gboolean may_see;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  now = shelter_session_now (session);
  cutoff_time = g_date_time_add_days (now, -SHELTER_FAMILY_NO_CONTACT_DAYS);
  cutoff = g_date_time_format (cutoff_time, "%Y-%m-%d");
  rows = shelter_family_store_no_contact (shelter_session_get_db (session), cutoff, stay_id,
                                          error);
  may_see = shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  for (guint i = 0; rows != NULL && !may_see && i < rows->len; i++)
    {
      ShelterNoContactRow *row = g_ptr_array_index (rows, i);

      if (row->high_protection)
        g_clear_pointer (&row->full_name, g_free);
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
shelter_family_no_contact (ShelterSession  *session,
                           GError         **error)
{
  return no_contact (session, 0, error);
}

ShelterNoContactRow *
shelter_family_no_contact_for_stay (ShelterSession  *session,
                                    gint64           stay_id,
                                    GError         **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (stay_id > 0, NULL);

  rows = no_contact (session, stay_id, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}
