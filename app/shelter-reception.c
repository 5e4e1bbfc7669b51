/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-reception"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission-private.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-calendar.h"
#include "shelter-enums.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define SHORT_TEXT_MAX 200
#define NOTE_MAX 2000
#define BELONGINGS_MAX 100
#define ADULT_AGE 18
#define CASE_FILE_WORKING_DAYS_DEFAULT 10

gboolean
shelter_intake_applies_trafficking (const char *person_type)
{
  return g_strcmp0 (person_type, "victim") == 0 ||
         g_strcmp0 (person_type, "being_identified") == 0;
}

typedef const char *(*IntakeGetter) (ShelterIntake *);
typedef void (*IntakeSetter) (ShelterIntake *, const char *);

/* Cleans one text field of the intake in place; @note keeps its lines. */
static gboolean
clean_text (ShelterIntake  *intake,
            IntakeGetter    get,
            IntakeSetter    set,
            gboolean        note,
            ShelterField    field,
            const char     *label,
            GError        **error)
{
  g_autofree char *clean = NULL;

  if (!shelter_field_clean_text (get (intake), note, note ? NOTE_MAX : SHORT_TEXT_MAX, field,
                                 label, &clean, error))
    return FALSE;
  set (intake, clean);
  return TRUE;
}

static gboolean
check_trafficking (ShelterIntake  *intake,
                   GError        **error)
{
  const char * const *purposes = shelter_intake_get_trafficking_purposes (intake);
  const char *scope = shelter_intake_get_trafficking_scope (intake);
  const char *country = shelter_intake_get_destination_country (intake);

  for (guint i = 0; purposes != NULL && purposes[i] != NULL; i++)
    {
      if (!shelter_enum_is_valid (&shelter_enum_trafficking_purpose, purposes[i]))
        return shelter_field_error (error, SHELTER_FIELD_TRAFFICKING_PURPOSES,
                                    _("Purposes of trafficking: choose them from the list."));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (purposes[i], purposes[j]))
          return shelter_field_error (error, SHELTER_FIELD_TRAFFICKING_PURPOSES,
                                      _("Purposes of trafficking: each purpose can be chosen once."));
    }

  if (scope != NULL && !shelter_enum_is_valid (&shelter_enum_trafficking_scope, scope))
    return shelter_field_error (error, SHELTER_FIELD_TRAFFICKING_SCOPE,
                                _("Where: choose in the country or abroad."));
  if (g_strcmp0 (scope, "abroad") == 0)
    {
      if (country == NULL || strlen (country) != 2 || !g_ascii_isupper (country[0]) ||
          !g_ascii_isupper (country[1]))
        return shelter_field_error (error, SHELTER_FIELD_DESTINATION_COUNTRY,
                                    _("Destination country: choose the country the person was taken "
                                      "to."));
      if (g_str_equal (country, "VN"))
        return shelter_field_error (error, SHELTER_FIELD_DESTINATION_COUNTRY,
                                    _("Destination country: for a trafficking inside Vietnam choose "
                                      "“In the country” instead."));
    }
  else
    shelter_intake_set_destination_country (intake, NULL);

  if (shelter_intake_get_return_mode (intake) != NULL &&
      !shelter_enum_is_valid (&shelter_enum_return_mode, shelter_intake_get_return_mode (intake)))
    return shelter_field_error (error, SHELTER_FIELD_RETURN_MODE,
                                _("How they came back: choose from the list."));
  if (shelter_intake_get_identification_status (intake) != NULL &&
      !shelter_enum_is_valid (&shelter_enum_identification_status,
                              shelter_intake_get_identification_status (intake)))
    return shelter_field_error (error, SHELTER_FIELD_IDENTIFICATION,
                                _("Identification: choose the status from the list."));
  return clean_text (intake, shelter_intake_get_identification_document,
                     shelter_intake_set_identification_document, FALSE,
                     SHELTER_FIELD_IDENTIFICATION, _("Identification document"), error);
}

static void
clear_trafficking (ShelterIntake *intake)
{
  shelter_intake_set_trafficking_purposes (intake, NULL);
  shelter_intake_set_trafficking_scope (intake, NULL);
  shelter_intake_set_destination_country (intake, NULL);
  shelter_intake_set_return_mode (intake, NULL);
  shelter_intake_set_identification_status (intake, NULL);
  shelter_intake_set_identification_document (intake, NULL);
}

static gboolean
check_consent (ShelterIntake  *intake,
               int             age,
               const char     *received_on,
               GError        **error)
{
  const char *status = shelter_intake_get_consent_status (intake);

  if (!clean_text (intake, shelter_intake_get_guardian_name, shelter_intake_set_guardian_name,
                   FALSE, SHELTER_FIELD_GUARDIAN_NAME, _("Parent or guardian"), error) ||
      !clean_text (intake, shelter_intake_get_consent_share_agencies,
                   shelter_intake_set_consent_share_agencies, FALSE,
                   SHELTER_FIELD_CONSENT_AGENCIES, _("Partner agencies"), error) ||
      !clean_text (intake, shelter_intake_get_consent_not_now_reason,
                   shelter_intake_set_consent_not_now_reason, FALSE,
                   SHELTER_FIELD_CONSENT_REASON, _("Why consent could not be given"), error))
    return FALSE;

  if (g_strcmp0 (status, "not_now") == 0)
    {
      const char *ask_again = shelter_intake_get_consent_ask_again_on (intake);
      GDate date;

      if (shelter_intake_get_consent_not_now_reason (intake) == NULL)
        return shelter_field_error (error, SHELTER_FIELD_CONSENT_REASON,
                                    _("Why consent could not be given: write the reason (for "
                                      "example, the person is in shock or needs an interpreter)."));
      g_date_clear (&date, 1);
      if (ask_again == NULL || strlen (ask_again) != 10 ||
          !shelter_text_parse_date (ask_again, &date))
        return shelter_field_error (error, SHELTER_FIELD_CONSENT_ASK_AGAIN,
                                    _("Ask again on: enter the date to ask for consent again, as "
                                      "dd/mm/yyyy."));
      if (strcmp (ask_again, received_on) < 0)
        return shelter_field_error (error, SHELTER_FIELD_CONSENT_ASK_AGAIN,
                                    _("Ask again on: the date is before the reception. Choose a later "
                                      "date."));
      /* Nothing was consented to yet: keep no choice that could be read as consent. */
      shelter_intake_set_consent_record (intake, FALSE);
      shelter_intake_set_consent_share (intake, FALSE);
      shelter_intake_set_consent_share_agencies (intake, NULL);
      shelter_intake_set_consent_photo (intake, FALSE);
      shelter_intake_set_consent_given_by (intake, NULL);
      shelter_intake_set_guardian_name (intake, NULL);
      return TRUE;
    }

  if (g_strcmp0 (status, "given") != 0)
    return shelter_field_error (error, SHELTER_FIELD_CONSENT,
                                _("Consent: choose whether consent was given or could not be given "
                                  "now."));
  shelter_intake_set_consent_not_now_reason (intake, NULL);
  shelter_intake_set_consent_ask_again_on (intake, NULL);

  if (!shelter_enum_is_valid (&shelter_enum_consent_given_by,
                              shelter_intake_get_consent_given_by (intake)))
    return shelter_field_error (error, SHELTER_FIELD_CONSENT,
                                _("Consent: choose who gave it, the person or a parent or guardian."));
  if (age >= 0 && age < ADULT_AGE &&
      g_strcmp0 (shelter_intake_get_consent_given_by (intake), "guardian") != 0)
    return shelter_field_error (error, SHELTER_FIELD_CONSENT,
                                _("Consent: the person is under 18, so a parent or guardian gives "
                                  "consent. Choose “Parent or guardian” and enter their name."));
  if (g_strcmp0 (shelter_intake_get_consent_given_by (intake), "guardian") == 0)
    {
      if (shelter_intake_get_guardian_name (intake) == NULL)
        return shelter_field_error (error, SHELTER_FIELD_GUARDIAN_NAME,
                                    _("Parent or guardian: enter the full name of the person who gave "
                                      "consent."));
    }
  else
    shelter_intake_set_guardian_name (intake, NULL);

  if (shelter_intake_get_consent_share (intake))
    {
      if (shelter_intake_get_consent_share_agencies (intake) == NULL)
        return shelter_field_error (error, SHELTER_FIELD_CONSENT_AGENCIES,
                                    _("Partner agencies: name the agencies the information may be "
                                      "shared with."));
    }
  else
    shelter_intake_set_consent_share_agencies (intake, NULL);
  return TRUE;
}

static gboolean
check_belongings (ShelterIntake  *intake,
                  GError        **error)
{
  const char * const *items = shelter_intake_get_belongings (intake);
  g_autoptr (GStrvBuilder) clean_items = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;
  guint n = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      gboolean invalid = FALSE;
      g_autofree char *item = shelter_text_clean (items[i], &invalid);

      if (invalid)
        return shelter_field_error (error, SHELTER_FIELD_BELONGINGS,
                                    _("Belongings, line %u: the text contains control characters. "
                                      "Type it again."), i + 1);
      if (item == NULL)
        continue;
      if (g_utf8_strlen (item, -1) > SHORT_TEXT_MAX)
        return shelter_field_error (error, SHELTER_FIELD_BELONGINGS,
                                    _("Belongings, line %u: at most %d characters a line. Split it "
                                      "into several lines."), i + 1, SHORT_TEXT_MAX);
      if (++n > BELONGINGS_MAX)
        return shelter_field_error (error, SHELTER_FIELD_BELONGINGS,
                                    _("Belongings: at most %d lines. Group small items on one line."),
                                    BELONGINGS_MAX);
      g_strv_builder_add (clean_items, item);
    }
  result = g_strv_builder_end (clean_items);
  shelter_intake_set_belongings (intake, (const char * const *) result);
  return TRUE;
}

gboolean
shelter_intake_validate (ShelterIntake  *intake,
                         ShelterPerson  *person,
                         int             age_at_reception,
                         const char     *received_on,
                         GError        **error)
{
  const char *handed_over_by;

  g_return_val_if_fail (SHELTER_IS_INTAKE (intake), FALSE);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), FALSE);
  g_return_val_if_fail (received_on != NULL, FALSE);

  handed_over_by = shelter_intake_get_handed_over_by (intake);
  if (!shelter_enum_is_valid (&shelter_enum_handed_over_by, handed_over_by))
    return shelter_field_error (error, SHELTER_FIELD_HANDED_OVER_BY,
                                _("Handed over by: choose who brought the person, or “Came alone”."));
  if (!clean_text (intake, shelter_intake_get_officer_name, shelter_intake_set_officer_name,
                   FALSE, SHELTER_FIELD_OFFICER_NAME, _("Officer’s name"), error) ||
      !clean_text (intake, shelter_intake_get_officer_unit, shelter_intake_set_officer_unit,
                   FALSE, SHELTER_FIELD_OFFICER_UNIT, _("Unit"), error) ||
      !clean_text (intake, shelter_intake_get_received_place, shelter_intake_set_received_place,
                   FALSE, SHELTER_FIELD_RECEIVED_PLACE, _("Place of reception"), error))
    return FALSE;
  if (g_str_equal (handed_over_by, "self"))
    {
      shelter_intake_set_officer_name (intake, NULL);
      shelter_intake_set_officer_unit (intake, NULL);
    }
  else if (shelter_intake_get_officer_unit (intake) == NULL)
    return shelter_field_error (error, SHELTER_FIELD_OFFICER_UNIT,
                                _("Unit: enter the unit that handed the person over (for example, "
                                  "“Đồn Biên phòng Cửa khẩu Lào Cai”)."));

  if (g_strcmp0 (shelter_person_get_person_type (person), "accompanying_minor") == 0)
    {
      if (age_at_reception >= ADULT_AGE)
        return shelter_field_error (error, SHELTER_FIELD_PERSON_TYPE,
                                    _("Person type: an accompanying child is under 18; this person "
                                      "is %d. Choose another type."), age_at_reception);
      if (shelter_intake_get_linked_person_id (intake) <= 0)
        return shelter_field_error (error, SHELTER_FIELD_LINKED_PERSON,
                                    _("Came with: choose the adult resident this child came with. "
                                      "Receive the adult first."));
    }
  else
    shelter_intake_set_linked_person_id (intake, 0);

  if (shelter_intake_applies_trafficking (shelter_person_get_person_type (person)))
    {
      if (!check_trafficking (intake, error))
        return FALSE;
    }
  else
    clear_trafficking (intake);

  if (!check_consent (intake, age_at_reception, received_on, error) ||
      !check_belongings (intake, error) ||
      !clean_text (intake, shelter_intake_get_health_at_arrival,
                   shelter_intake_set_health_at_arrival, TRUE, SHELTER_FIELD_HEALTH_AT_ARRIVAL,
                   _("Health at arrival"), error) ||
      !clean_text (intake, shelter_intake_get_urgent_needs, shelter_intake_set_urgent_needs,
                   TRUE, SHELTER_FIELD_URGENT_NEEDS, _("Urgent needs"), error) ||
      !clean_text (intake, shelter_intake_get_safety_note, shelter_intake_set_safety_note,
                   TRUE, SHELTER_FIELD_SAFETY_NOTE, _("First safety note"), error) ||
      !clean_text (intake, shelter_intake_get_not_signed_reason,
                   shelter_intake_set_not_signed_reason, FALSE, SHELTER_FIELD_NOT_SIGNED_REASON,
                   _("Why the person cannot sign"), error))
    return FALSE;

  if (shelter_intake_get_person_signs (intake))
    shelter_intake_set_not_signed_reason (intake, NULL);
  else if (shelter_intake_get_not_signed_reason (intake) == NULL)
    return shelter_field_error (error, SHELTER_FIELD_NOT_SIGNED_REASON,
                                _("Why the person cannot sign: write the reason (for example, a "
                                  "young child, or the person cannot write)."));
  return TRUE;
}

GPtrArray *
shelter_intake_warnings (ShelterIntake *intake,
                         ShelterPerson *person)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SHELTER_IS_INTAKE (intake), warnings);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), warnings);

  if (g_strcmp0 (shelter_person_get_person_type (person), "victim") == 0 &&
      g_strcmp0 (shelter_intake_get_identification_status (intake), "identified") != 0)
    g_ptr_array_add (warnings,
                     g_strdup (_("Identification: the person type is “victim” but the "
                                 "identification is not recorded as done. Check both.")));
  if (shelter_intake_applies_trafficking (shelter_person_get_person_type (person)) &&
      g_strcmp0 (shelter_intake_get_trafficking_scope (intake), "abroad") == 0 &&
      shelter_intake_get_return_mode (intake) == NULL)
    g_ptr_array_add (warnings,
                     g_strdup (_("How they came back: not recorded. The quarterly report "
                                 "counts it.")));
  if (g_strcmp0 (shelter_intake_get_handed_over_by (intake), "self") != 0 &&
      shelter_intake_get_handed_over_by (intake) != NULL &&
      shelter_intake_get_officer_name (intake) == NULL)
    g_ptr_array_add (warnings,
                     g_strdup (_("Officer’s name: not recorded. The officer signs the intake "
                                 "record.")));
  return warnings;
}

typedef struct
{
  ShelterIntake *intake;
  GDateTime     *admitted;
} ReceiveData;

static gboolean
write_intake (ShelterSession      *session,
              ShelterPerson       *person,
              ShelterStay         *stay,
              int                  age,
              const ShelterStamp  *stamp,
              GString             *details,
              gpointer             user_data,
              GError             **error)
{
  ReceiveData *data = user_data;
  ShelterDb *db = shelter_session_get_db (session);
  ShelterIntake *intake = data->intake;
  g_autofree char *received_on = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *record_number = NULL;
  gint64 serial;

  received_on = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  if (!shelter_intake_validate (intake, person, age, received_on, error))
    return FALSE;

  if (shelter_intake_get_linked_person_id (intake) > 0)
    {
      g_autoptr (ShelterStay) adult_stay = NULL;
      g_autoptr (GError) local_error = NULL;

      if (shelter_intake_get_linked_person_id (intake) == shelter_person_get_id (person))
        return shelter_field_error (error, SHELTER_FIELD_LINKED_PERSON,
                                    _("Came with: a child cannot be linked to their own case."));
      /* Staying at the time of this reception, which may be entered afterwards. */
      adult_stay = shelter_stay_store_get_at (db, shelter_intake_get_linked_person_id (intake),
                                              shelter_stay_get_admitted_at (stay), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (adult_stay == NULL)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_LINKED,
                       _("Came with: the adult chosen was not staying at the centre at the "
                         "time of this reception. Choose the resident the child came with."));
          return FALSE;
        }
    }

  /* The record number counts intake records per year of reception, like the case code,
   * so that paper and screen agree; a number is never given twice. */
  prefix = g_strdup_printf ("BBTN-%d-", g_date_time_get_year (data->admitted));
  serial = shelter_person_store_next_serial (db, prefix, error);
  if (serial < 0)
    return FALSE;
  record_number = g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, serial);

  shelter_intake_set_stay_id (intake, shelter_stay_get_id (stay));
  shelter_intake_set_record_number (intake, record_number);
  if (!shelter_intake_store_insert (db, intake, stamp, error))
    return FALSE;
  if (!shelter_intake_draft_store_delete (db, shelter_session_get_actor (session), error))
    return FALSE;

  g_string_append_printf (details, "\nintake_record: %s\nhanded_over_by: %s\nconsent: %s",
                          record_number, shelter_intake_get_handed_over_by (intake),
                          shelter_intake_get_consent_status (intake));
  return TRUE;
}

ShelterStay *
shelter_receive_person (ShelterSession  *session,
                        ShelterPerson   *person,
                        ShelterIntake   *intake,
                        gint64           room_id,
                        const char      *admitted_at,
                        GError         **error)
{
  return shelter_receive_person_overriding (session, person, intake, room_id, admitted_at, NULL,
                                            error);
}

ShelterStay *
shelter_receive_person_overriding (ShelterSession  *session,
                                   ShelterPerson   *person,
                                   ShelterIntake   *intake,
                                   gint64           room_id,
                                   const char      *admitted_at,
                                   const char      *override_reason,
                                   GError         **error)
{
  g_autofree char *clean_override = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  ReceiveData data;
  ShelterStay *stay;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);
  g_return_val_if_fail (SHELTER_IS_INTAKE (intake), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The year of the record number is that of the reception; a time the admission would
   * refuse is refused there, with its message. */
  if (admitted_at != NULL)
    admitted = g_date_time_new_from_iso8601 (admitted_at, NULL);
  if (admitted == NULL)
    admitted = shelter_session_now (session);

  if (override_reason != NULL)
    {
      gboolean invalid = FALSE;

      clean_override = shelter_text_clean (override_reason, &invalid);
      if (invalid || clean_override == NULL || g_utf8_strlen (clean_override, -1) > SHORT_TEXT_MAX)
        {
          shelter_field_error (error, SHELTER_FIELD_OVERRIDE_REASON,
                               _("Why this room although it does not suit: write the reason, in at "
                                 "most %d characters."), SHORT_TEXT_MAX);
          return NULL;
        }
      if (!shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_PLACEMENT, error))
        return NULL;
    }

  data.intake = intake;
  data.admitted = admitted;
  stay = _shelter_admit_with (session, person, room_id, admitted_at, clean_override,
                              write_intake, &data, error);
  if (stay == NULL)
    {
      shelter_intake_set_stay_id (intake, 0);
      shelter_intake_set_record_number (intake, NULL);
      shelter_intake_set_version (intake, 0);
    }
  return stay;
}

/* A resident under high protection is shown only to those who may know who they are. */
static gboolean
check_may_see (ShelterSession  *session,
               gint64           person_id,
               GError         **error)
{
  g_autoptr (ShelterPerson) person = NULL;

  person = shelter_person_store_get (shelter_session_get_db (session), person_id, error);
  if (person == NULL)
    return FALSE;
  if (shelter_person_get_high_protection (person))
    return shelter_session_check (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY, error);
  return TRUE;
}

ShelterIntake *
shelter_intake_open (ShelterSession  *session,
                     gint64           stay_id,
                     GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  stay = shelter_stay_store_get (db, stay_id, error);
  if (stay == NULL || !check_may_see (session, shelter_stay_get_person_id (stay), error))
    return NULL;
  return shelter_intake_store_get (db, stay_id, error);
}

ShelterStay *
shelter_stay_open_latest (ShelterSession  *session,
                          gint64           person_id,
                          GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_stay_store_get_latest (shelter_session_get_db (session), person_id, error);
}

gboolean
shelter_intake_draft_save (ShelterSession  *session,
                           GVariant        *fields,
                           GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GVariant) owned = NULL;
  g_autofree char *saved_at = NULL;
  g_autofree char *payload = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (fields != NULL &&
                        g_variant_is_of_type (fields, G_VARIANT_TYPE_VARDICT), FALSE);

  /* A floating @fields (g_variant_new() at the call) is consumed, as GLib's own calls do. */
  owned = g_variant_ref_sink (fields);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  now = shelter_session_now (session);
  saved_at = shelter_session_format_time (now);
  payload = g_variant_print (fields, TRUE);
  return shelter_intake_draft_store_put (shelter_session_get_db (session),
                                         shelter_session_get_actor (session),
                                         SHELTER_INTAKE_DRAFT_FORMAT, saved_at, payload, error);
}

GVariant *
shelter_intake_draft_load (ShelterSession  *session,
                           char           **saved_at,
                           GError         **error)
{
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *stored_at = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *when = NULL;
  GVariant *fields = NULL;
  ShelterDb *db;
  int format = 0;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return NULL;
  db = shelter_session_get_db (session);
  if (!shelter_intake_draft_store_get (db, shelter_session_get_actor (session), &format,
                                       &stored_at, &payload, error))
    return NULL;

  if (format == SHELTER_INTAKE_DRAFT_FORMAT)
    fields = g_variant_parse (G_VARIANT_TYPE_VARDICT, payload, NULL, NULL, &parse_error);
  if (fields != NULL)
    {
      if (saved_at != NULL)
        *saved_at = g_steal_pointer (&stored_at);
      return fields;  /* g_variant_parse() gives a full reference, not a floating one */
    }

  /* A draft the assistant cannot read would come back at every intake: drop it, and say
   * so, rather than fill the form with half of it. */
  if (!shelter_intake_draft_store_delete (db, shelter_session_get_actor (session), error))
    return NULL;
  when = shelter_text_format_date (stored_at);
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_DRAFT_UNREADABLE,
               format == SHELTER_INTAKE_DRAFT_FORMAT
                 ? _("The unfinished intake of %s is damaged and could not be read. It was "
                     "discarded; start the intake again.")
                 : _("The unfinished intake of %s was kept by another version of Mái Ấm and "
                     "could not be read. It was discarded; start the intake again."),
               when);
  return NULL;
}

gboolean
shelter_intake_draft_discard (ShelterSession  *session,
                              GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  return shelter_intake_draft_store_delete (shelter_session_get_db (session),
                                            shelter_session_get_actor (session), error);
}

static void
case_file_item_clear (gpointer data)
{
  ShelterCaseFileItem *item = data;

  g_free (item->kind);
  g_free (item->received_on);
}

void
shelter_case_file_free (ShelterCaseFile *file)
{
  if (file == NULL)
    return;
  g_free (file->reception_date);
  g_free (file->deadline);
  g_clear_pointer (&file->items, g_array_unref);
  g_free (file);
}

ShelterCaseFile *
shelter_case_file_get (ShelterSession  *session,
                       gint64           stay_id,
                       GError         **error)
{
  g_autoptr (ShelterCaseFile) file = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  GDate reception, deadline;
  ShelterDb *db;
  int working_days;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  if ((stay = shelter_stay_store_get (db, stay_id, error)) == NULL ||
      (person = shelter_person_store_get (db, shelter_stay_get_person_id (stay), error)) == NULL ||
      !shelter_case_document_store_list (db, stay_id, kinds, dates, error))
    return NULL;

  file = g_new0 (ShelterCaseFile, 1);
  file->stay_id = stay_id;
  file->reception_date = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  working_days = shelter_settings_get_int (db, SHELTER_SETTING_CASE_FILE_WORKING_DAYS,
                                           CASE_FILE_WORKING_DAYS_DEFAULT);
  file->working_days = (guint) CLAMP (working_days, 1, 365);

  g_date_clear (&reception, 1);
  g_date_clear (&deadline, 1);
  if (!shelter_text_parse_date (file->reception_date, &reception) ||
      !shelter_calendar_add_working_days (db, &reception, file->working_days, &deadline, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                     _("The reception date of this stay cannot be read."));
      return NULL;
    }
  file->deadline = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&deadline),
                                    g_date_get_month (&deadline), g_date_get_day (&deadline));

  file->items = g_array_new (FALSE, TRUE, sizeof (ShelterCaseFileItem));
  g_array_set_clear_func (file->items, case_file_item_clear);
  for (guint i = 0; i < shelter_enum_case_document.n_values; i++)
    {
      ShelterCaseFileItem item = { 0 };

      item.kind = g_strdup (shelter_enum_case_document.values[i].code);
      item.required = !(g_str_equal (item.kind, "id_copy") &&
                        g_strcmp0 (shelter_person_get_id_paper (person), "none") == 0);
      for (guint j = 0; j < kinds->len; j++)
        if (g_str_equal (kinds->pdata[j], item.kind))
          item.received_on = g_strdup (dates->pdata[j]);
      if (item.required && item.received_on == NULL)
        file->n_missing++;
      g_array_append_val (file->items, item);
    }
  return g_steal_pointer (&file);
}

gboolean
shelter_case_file_is_overdue (ShelterCaseFile *file,
                              const char      *today)
{
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return file->n_missing > 0 && strcmp (today, file->deadline) > 0;
}

static char *
today_iso (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
shelter_case_file_mark_received (ShelterSession  *session,
                                 gint64           stay_id,
                                 const char      *kind,
                                 const char      *received_on,
                                 GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GDateTime) now = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  GDate date;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_enum_case_document, kind))
    return shelter_field_error (error, SHELTER_FIELD_DOCUMENT_DATE,
                                _("Document: choose one of the case file’s documents."));

  today = today_iso (session);
  if (received_on == NULL)
    received_on = today;
  g_date_clear (&date, 1);
  if (strlen (received_on) != 10 || !shelter_text_parse_date (received_on, &date))
    return shelter_field_error (error, SHELTER_FIELD_DOCUMENT_DATE,
                                _("Date received: enter the date as dd/mm/yyyy."));
  if (strcmp (received_on, today) > 0)
    return shelter_field_error (error, SHELTER_FIELD_DOCUMENT_DATE,
                                _("Date received: the date is in the future. Enter the day the "
                                  "document arrived."));

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);

  if (!shelter_db_begin (db, error))
    return FALSE;
  stay = shelter_stay_store_get (db, stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  if (strncmp (received_on, shelter_stay_get_admitted_at (stay), 10) < 0)
    {
      g_autofree char *reception = shelter_text_format_date (shelter_stay_get_admitted_at (stay));

      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DOCUMENT_DATE,
                   _("Date received: the date is before the reception (%s). Check the date."),
                   reception);
      goto failed;
    }
  if (!shelter_case_document_store_insert (db, stay_id, kind, received_on, &stamp, &local_error))
    {
      if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("“%s” is already marked as received, perhaps from another desk."),
                       shelter_enum_label (&shelter_enum_case_document, kind));
        }
      goto failed;
    }
  details = g_strdup_printf ("document: %s\nreceived_on: %s", kind, received_on);
  if (!shelter_audit_record (session, stamp.at, "receive_document", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (shelter_db_commit (db, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_case_file_unmark (ShelterSession  *session,
                          gint64           stay_id,
                          const char      *kind,
                          const char      *reason,
                          GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *clean_reason = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_enum_case_document, kind))
    return shelter_field_error (error, SHELTER_FIELD_DOCUMENT_DATE,
                                _("Document: choose one of the case file’s documents."));
  clean_reason = shelter_text_clean (reason, NULL);
  if (clean_reason == NULL)
    clean_reason = g_strdup ("marked by mistake");

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);

  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!shelter_case_document_store_void (db, stay_id, kind, clean_reason, &stamp, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                     _("“%s” is no longer marked as received: someone else changed it. "
                       "The list has been refreshed."),
                     shelter_enum_label (&shelter_enum_case_document, kind));
      goto failed;
    }
  details = g_strdup_printf ("document: %s\nreason: %s", kind, clean_reason);
  if (!shelter_audit_record (session, stamp.at, "unmark_document", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (shelter_db_commit (db, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
