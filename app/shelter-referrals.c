/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referrals"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-calendar.h"
#include "shelter-domain.h"
#include "shelter-referrals.h"
#include "shelter-text.h"

#define PARTNER_NAME_MAX 200
#define PERSON_NAME_MAX 100
#define TEXT_MAX 1000

static const struct { const char *code; const char *label; } partner_kinds[] = {
  { "hospital", N_("Hospital") },
  { "legal_aid", N_("Legal aid centre") },
  { "school", N_("School") },
  { "vocational_school", N_("Vocational school") },
  { "police", N_("Police unit") },
  { "commune_committee", N_("Commune People’s Committee") },
  { "ngo", N_("Non-governmental organisation") },
  { "shelter", N_("Other shelter") },
  { "hotline", N_("Hotline 111") },
};

static const struct { const char *code; const char *label; } shared_fields[] = {
  { "name", N_("Full name") },
  { "birth_date", N_("Date of birth") },
  { "sex", N_("Sex") },
  { "id_number", N_("ID number") },
  { "phone", N_("Phone") },
  { "address", N_("Home address") },
  { "health_summary", N_("Health summary") },
  { "case_summary", N_("Case summary") },
};

static const struct { const char *code; const char *label; } statuses[] = {
  { "draft", N_("Draft") },
  { "sent", N_("Sent") },
  { "accepted", N_("Accepted") },
  { "declined", N_("Declined") },
  { "completed", N_("Completed") },
  { "withdrawn", N_("Withdrawn") },
};

#define CODES_OF(table_, out_)                            \
  G_STMT_START {                                          \
    if (g_once_init_enter (&out_))                        \
      {                                                   \
        const char **list_ = g_new0 (const char *, G_N_ELEMENTS (table_) + 1); \
        for (guint i_ = 0; i_ < G_N_ELEMENTS (table_); i_++) \
          list_[i_] = table_[i_].code;                    \
        g_once_init_leave (&out_, list_);                 \
      }                                                   \
  } G_STMT_END

#define LABEL_OF(table_, value_)                          \
  G_STMT_START {                                          \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (table_); i_++)  \
      if (g_strcmp0 (table_[i_].code, value_) == 0)       \
        return _(table_[i_].label);                       \
    return value_;                                        \
  } G_STMT_END

const char * const *
shelter_partner_kinds (void)
{
  static const char **codes = NULL;

  CODES_OF (partner_kinds, codes);
  return codes;
}

const char *
shelter_partner_kind_label (const char *kind)
{
  LABEL_OF (partner_kinds, kind);
}

const char * const *
shelter_referral_shared_field_codes (void)
{
  static const char **codes = NULL;

  CODES_OF (shared_fields, codes);
  return codes;
}

const char *
shelter_referral_shared_field_label (const char *field)
{
  LABEL_OF (shared_fields, field);
}

const char *
shelter_referral_status_label (const char *status)
{
  LABEL_OF (statuses, status);
}

static gboolean
in_list (const char * const *list,
         const char         *code)
{
  return code != NULL && g_strv_contains (list, code);
}

/* ---- Partners ------------------------------------------------------------------------ */

static gboolean
clean_partner (const ShelterPartnerInput  *input,
               ShelterPartnerRow          *row,
               GError                    **error)
{
  if (!in_list (shelter_partner_kinds (), input->kind))
    return shelter_field_error (error, SHELTER_FIELD_PARTNER_KIND, _("Choose the kind of organisation."));
  g_free (row->kind);
  row->kind = g_strdup (input->kind);
  g_clear_pointer (&row->name, g_free);
  if (!shelter_field_clean_text (input->name, FALSE, PARTNER_NAME_MAX, SHELTER_FIELD_PARTNER_NAME,
                                 _("Name"), &row->name, error))
    return FALSE;
  if (row->name == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PARTNER_NAME, _("Name: enter the organisation’s name."));
  g_clear_pointer (&row->contact_person, g_free);
  g_clear_pointer (&row->phone, g_free);
  g_clear_pointer (&row->email, g_free);
  g_clear_pointer (&row->address, g_free);
  g_clear_pointer (&row->services, g_free);
  if (!shelter_field_clean_text (input->contact_person, FALSE, PERSON_NAME_MAX,
                                 SHELTER_FIELD_PARTNER_CONTACT, _("Contact person"),
                                 &row->contact_person, error) ||
      !shelter_field_clean_text (input->phone, FALSE, 30, SHELTER_FIELD_PARTNER_PHONE,
                                 _("Phone"), &row->phone, error) ||
      !shelter_field_clean_text (input->email, FALSE, PARTNER_NAME_MAX, SHELTER_FIELD_PARTNER_EMAIL,
                                 _("E-mail"), &row->email, error) ||
      !shelter_field_clean_text (input->address, FALSE, 300, SHELTER_FIELD_PARTNER_TEXT,
                                 _("Address"), &row->address, error) ||
      !shelter_field_clean_text (input->services, TRUE, TEXT_MAX, SHELTER_FIELD_PARTNER_TEXT,
                                 _("Services"), &row->services, error))
    return FALSE;
  if (row->phone != NULL)
    for (const char *p = row->phone; *p != '\0'; p++)
      if (!g_ascii_isdigit (*p) && strchr ("+ .-()", *p) == NULL)
        return shelter_field_error (error, SHELTER_FIELD_PARTNER_PHONE,
                                    _("Phone: use digits only (spaces, dots and dashes may separate them)."));
  if (row->email != NULL)
    {
      const char *at = strchr (row->email, '@');

      if (at == NULL || at == row->email || strchr (at, '.') == NULL || strchr (row->email, ' '))
        return shelter_field_error (error, SHELTER_FIELD_PARTNER_EMAIL,
                                    _("E-mail: this is not an e-mail address."));
    }
  row->active = !input->inactive;
  return TRUE;
}

static char *
stamp_time (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return shelter_session_format_time (now);
}

static char *
today (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

gint64
shelter_partners_add (ShelterSession             *session,
                      const ShelterPartnerInput  *input,
                      GError                    **error)
{
  g_autoptr (ShelterPartnerRow) row = g_new0 (ShelterPartnerRow, 1);
  g_autofree char *at = stamp_time (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };
  ShelterDb *db = shelter_session_get_db (session);
  gint64 id;

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_PARTNERS, error) ||
      !clean_partner (input, row, error) || !shelter_db_begin (db, error))
    return 0;
  id = shelter_partner_store_insert (db, row, &stamp, error);
  if (id == 0 || !shelter_audit_record (session, at, "create", "partner", id, row->name, error) ||
      !shelter_db_commit (db, error))
    {
      shelter_db_rollback (db);
      return 0;
    }
  return id;
}

gboolean
shelter_partners_update (ShelterSession             *session,
                         gint64                      partner_id,
                         const ShelterPartnerInput  *input,
                         GError                    **error)
{
  g_autoptr (ShelterPartnerRow) row = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *at = stamp_time (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *old_contact = NULL;
  g_autofree char *old_name = NULL;

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_PARTNERS, error) ||
      !shelter_db_begin (db, error))
    return FALSE;
  row = shelter_partner_store_get (db, partner_id, error);
  if (row == NULL)
    goto fail;
  old_name = g_strdup (row->name);
  old_contact = g_strdup (row->contact_person);
  if (!clean_partner (input, row, error))
    goto fail;
  shelter_audit_note_change (details, "name", old_name, row->name, FALSE);
  shelter_audit_note_change (details, "contact_person", old_contact, row->contact_person, FALSE);
  if (!shelter_partner_store_update (db, row, &stamp, error) ||
      !shelter_audit_record (session, at, "update", "partner", partner_id, details->str, error) ||
      !shelter_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  shelter_db_rollback (db);
  return FALSE;
}

GPtrArray *
shelter_partners_list (ShelterSession  *session,
                       gboolean         all,
                       GError         **error)
{
  if (!shelter_session_may (session, SHELTER_PERMISSION_MANAGE_PARTNERS) &&
      !shelter_session_check (session, SHELTER_PERMISSION_REFER, error))
    return NULL;
  return shelter_partner_store_list (shelter_session_get_db (session), all, error);
}

/* ---- Referrals ----------------------------------------------------------------------- */

static gboolean
check_date (ShelterSession  *session,
            const char      *date,
            ShelterField     field,
            const char      *label,
            GError         **error)
{
  g_autofree char *now = today (session);

  if (!shelter_text_is_iso_date (date))
    return shelter_field_error (error, field, _("%s: enter a date."), label);
  if (strcmp (date, now) > 0)
    return shelter_field_error (error, field, _("%s: the date is in the future."), label);
  return TRUE;
}

static gboolean
check_contact (ShelterDb  *db,
               gint64      partner_id,
               GError    **error)
{
  g_autoptr (ShelterPartnerRow) partner = shelter_partner_store_get (db, partner_id, NULL);

  if (partner == NULL || !partner->active)
    return shelter_field_error (error, SHELTER_FIELD_REFERRAL_PARTNER,
                                _("Partner: choose an organisation of the directory."));
  if (partner->contact_person == NULL)
    return shelter_field_error (error, SHELTER_FIELD_REFERRAL_PARTNER,
                                _("Partner: %s has no designated contact person; information "
                                  "about a person is shared with the contact person only. "
                                  "Ask a manager to add one to the directory."),
                                partner->name);
  return TRUE;
}

static gboolean
status_error (GError     **error,
              const char  *status)
{
  g_autofree char *label = g_utf8_strdown (shelter_referral_status_label (status), -1);

  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
               _("This step is not possible on a referral that is %s."), label);
  return FALSE;
}

/* Begins the transaction and reads the referral, checking the permission, the direction
 * (NULL: any) and that its status is one of @allowed. */
static ShelterReferralRow *
begin_step (ShelterSession      *session,
            gint64               referral_id,
            const char          *direction,
            const char * const  *allowed,
            GError             **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (ShelterReferralRow) row = NULL;

  if (!shelter_session_check (session, SHELTER_PERMISSION_REFER, error) ||
      !shelter_db_begin (db, error))
    return NULL;
  row = shelter_referral_store_get (db, referral_id, error);
  if (row == NULL)
    goto fail;
  if (direction != NULL && g_strcmp0 (row->direction, direction) != 0)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
                   g_str_equal (direction, "outgoing")
                   ? _("This step is for referrals the centre makes, not for those it receives.")
                   : _("This step is for referrals the centre receives."));
      goto fail;
    }
  if (!g_strv_contains (allowed, row->status))
    {
      status_error (error, row->status);
      goto fail;
    }
  return g_steal_pointer (&row);

fail:
  shelter_db_rollback (db);
  return NULL;
}

/* Writes the row and its audit entry and commits; rolls back on failure. */
static gboolean
finish_step (ShelterSession      *session,
             ShelterReferralRow  *row,
             const char          *action,
             const char          *details,
             GError             **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *at = stamp_time (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };

  if (!shelter_referral_store_update (db, row, &stamp, error) ||
      !shelter_audit_record (session, at, action, "referral", row->id, details, error) ||
      !shelter_db_commit (db, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_step (ShelterSession *session)
{
  shelter_db_rollback (shelter_session_get_db (session));
  return FALSE;
}

static void
set_text (char       **slot,
          const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static gboolean
clean_into (const char   *text,
            gboolean      required,
            int           max_chars,
            ShelterField  field,
            const char   *label,
            char        **slot,
            GError      **error)
{
  g_autofree char *clean = NULL;

  if (!shelter_field_clean_text (text, TRUE, max_chars, field, label, &clean, error))
    return FALSE;
  if (clean == NULL && required)
    return shelter_field_error (error, field, _("%s: this cannot be left empty."), label);
  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  return TRUE;
}

/* The person of a stay, refusing those the session may not know (protected residents). */
static ShelterPerson *
open_person_of_stay (ShelterSession  *session,
                     gint64           stay_id,
                     ShelterStay    **stay_out,
                     GError         **error)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (shelter_session_get_db (session),
                                                         stay_id, error);
  ShelterPerson *person;

  if (stay == NULL)
    return NULL;
  person = shelter_person_open (session, shelter_stay_get_person_id (stay), error);
  if (person != NULL && stay_out != NULL)
    *stay_out = g_steal_pointer (&stay);
  return person;
}

static gint64
insert_referral (ShelterSession      *session,
                 ShelterReferralRow  *row,
                 GError             **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *at = stamp_time (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };
  g_autofree char *details = NULL;
  gint64 id;

  if (!shelter_db_begin (db, error))
    return 0;
  if (!check_contact (db, row->partner_id, error))
    goto fail;
  id = shelter_referral_store_insert (db, row, &stamp, error);
  details = g_strdup_printf ("direction: %s\npartner: %" G_GINT64_FORMAT "\nstay: %" G_GINT64_FORMAT,
                             row->direction, row->partner_id, row->stay_id);
  if (id == 0 || !shelter_audit_record (session, at, "create", "referral", id, details, error) ||
      !shelter_db_commit (db, error))
    goto fail;
  return id;

fail:
  shelter_db_rollback (db);
  return 0;
}

gint64
shelter_referrals_create (ShelterSession  *session,
                          gint64           stay_id,
                          gint64           partner_id,
                          const char      *purpose,
                          GError         **error)
{
  g_autoptr (ShelterReferralRow) row = g_new0 (ShelterReferralRow, 1);
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;

  if (!shelter_session_check (session, SHELTER_PERMISSION_REFER, error))
    return 0;
  person = open_person_of_stay (session, stay_id, &stay, error);
  if (person == NULL)
    return 0;
  if (shelter_stay_get_discharged_at (stay) != NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
                   _("This stay has ended; only a resident can be referred."));
      return 0;
    }
  if (!clean_into (purpose, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_PURPOSE, _("Purpose"),
                   &row->purpose, error))
    return 0;
  row->direction = g_strdup ("outgoing");
  row->status = g_strdup ("draft");
  row->stay_id = stay_id;
  row->partner_id = partner_id;
  row->allowance_dong = -1;
  return insert_referral (session, row, error);
}

gint64
shelter_referrals_receive (ShelterSession  *session,
                           gint64           partner_id,
                           gint64           stay_id,
                           const char      *subject,
                           const char      *purpose,
                           const char      *received_on,
                           GError         **error)
{
  g_autoptr (ShelterReferralRow) row = g_new0 (ShelterReferralRow, 1);

  if (!shelter_session_check (session, SHELTER_PERMISSION_REFER, error))
    return 0;
  if (stay_id != 0)
    {
      g_autoptr (ShelterPerson) person = open_person_of_stay (session, stay_id, NULL, error);

      if (person == NULL)
        return 0;
    }
  if (!clean_into (subject, stay_id == 0, PARTNER_NAME_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Person referred"), &row->subject, error) ||
      !clean_into (purpose, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_PURPOSE, _("Purpose"),
                   &row->purpose, error) ||
      !check_date (session, received_on, SHELTER_FIELD_REFERRAL_DATE, _("Received on"), error))
    return 0;
  row->direction = g_strdup ("incoming");
  row->status = g_strdup ("sent");
  row->stay_id = stay_id;
  row->partner_id = partner_id;
  row->sent_on = g_strdup (received_on);
  row->allowance_dong = -1;
  return insert_referral (session, row, error);
}

static const char * const draft_only[] = { "draft", NULL };

gboolean
shelter_referrals_record_assessment (ShelterSession  *session,
                                     gint64           referral_id,
                                     const char      *assessed_on,
                                     const char      *risk_level,
                                     const char      *assessment,
                                     const char      *opinion,
                                     GError         **error)
{
  static const char * const levels[] = { "low", "medium", "high", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;

  row = begin_step (session, referral_id, "outgoing", draft_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, assessed_on, SHELTER_FIELD_REFERRAL_DATE, _("Assessed on"), error))
    return fail_step (session);
  if (!in_list (levels, risk_level))
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_CHOICE, _("Risk: choose low, medium or high."));
      return fail_step (session);
    }
  if (!clean_into (assessment, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Risks and vulnerability"), &row->risk_assessment, error) ||
      !clean_into (opinion, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("The person’s opinion"), &row->person_opinion, error))
    return fail_step (session);
  set_text (&row->assessed_on, assessed_on);
  set_text (&row->risk_level, risk_level);
  return finish_step (session, row, "referral_step", "step: assessment and opinion", error);
}

gboolean
shelter_referrals_record_offer (ShelterSession  *session,
                                gint64           referral_id,
                                const char      *agreed_on,
                                const char      *offer,
                                GError         **error)
{
  g_autoptr (ShelterReferralRow) row = NULL;

  row = begin_step (session, referral_id, "outgoing", draft_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, agreed_on, SHELTER_FIELD_REFERRAL_DATE, _("Agreed on"), error) ||
      !clean_into (offer, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("What the agency offers"), &row->agency_offer, error))
    return fail_step (session);
  set_text (&row->agency_agreed_on, agreed_on);
  return finish_step (session, row, "referral_step", "step: agency's offer", error);
}

static gboolean
set_shared_fields (ShelterReferralRow  *row,
                   const char * const  *fields,
                   GError             **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (!in_list (shelter_referral_shared_field_codes (), fields[i]))
        return shelter_field_error (error, SHELTER_FIELD_REFERRAL_SHARED,
                                    _("Shared information: “%s” is not a field that can be shared."),
                                    fields[i]);
      g_strv_builder_add (builder, fields[i]);
    }
  g_strfreev (row->shared_fields);
  row->shared_fields = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
shelter_referrals_record_decision (ShelterSession                 *session,
                                   gint64                          referral_id,
                                   const ShelterReferralDecision  *decision,
                                   GError                        **error)
{
  static const char * const decisions[] = { "agrees", "refuses", NULL };
  static const char * const consenters[] = { "person", "guardian", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *details = NULL;
  gboolean agrees;

  row = begin_step (session, referral_id, "outgoing", draft_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, decision->decided_on, SHELTER_FIELD_REFERRAL_DATE, _("Decided on"), error))
    return fail_step (session);
  if (!in_list (decisions, decision->decision))
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_CHOICE,
                           _("Decision: record whether the person agrees to the referral."));
      return fail_step (session);
    }
  agrees = g_str_equal (decision->decision, "agrees");
  g_clear_pointer (&row->consent_by, g_free);
  g_clear_pointer (&row->consent_guardian, g_free);
  if (agrees)
    {
      if (!in_list (consenters, decision->consent_by))
        {
          shelter_field_error (error, SHELTER_FIELD_CONSENT,
                               _("Consent: record who consented to sharing the information."));
          return fail_step (session);
        }
      if (!clean_into (decision->guardian, g_str_equal (decision->consent_by, "guardian"),
                       PERSON_NAME_MAX, SHELTER_FIELD_GUARDIAN_NAME, _("Guardian"),
                       &row->consent_guardian, error) ||
          !set_shared_fields (row, decision->shared_fields, error))
        return fail_step (session);
      row->consent_by = g_strdup (decision->consent_by);
    }
  else if (row->legal_ground == NULL)
    {
      g_strfreev (row->shared_fields);
      row->shared_fields = g_new0 (char *, 1);
    }
  if (!clean_into (decision->health_summary, FALSE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Health summary"), &row->health_summary, error) ||
      !clean_into (decision->case_summary, FALSE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Case summary"), &row->case_summary, error))
    return fail_step (session);
  set_text (&row->decision, decision->decision);
  set_text (&row->decided_on, decision->decided_on);
  details = g_strdup_printf ("step: decision\ndecision: %s\nconsent: %s\nshared: %s",
                             row->decision, row->consent_by ? row->consent_by : "none",
                             row->shared_fields[0] ? "" : "nothing");
  {
    g_autofree char *fields = g_strjoinv (", ", row->shared_fields);
    g_autofree char *full = g_strconcat (details, fields, NULL);

    return finish_step (session, row, "referral_step", full, error);
  }
}

gboolean
shelter_referrals_record_legal_ground (ShelterSession      *session,
                                       gint64               referral_id,
                                       const char          *ground,
                                       const char * const  *fields,
                                       GError             **error)
{
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *details = NULL;

  if (!shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_REFERRAL, error))
    return FALSE;
  row = begin_step (session, referral_id, "outgoing", draft_only, error);
  if (row == NULL)
    return FALSE;
  if (!clean_into (ground, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT, _("Legal ground"),
                   &row->legal_ground, error) ||
      !set_shared_fields (row, fields, error))
    return fail_step (session);
  set_text (&row->legal_ground_by, shelter_session_get_actor (session));
  joined = g_strjoinv (", ", row->shared_fields);
  details = g_strdup_printf ("step: legal ground\nground: %s\nshared: %s", row->legal_ground, joined);
  return finish_step (session, row, "referral_step", details, error);
}

gboolean
shelter_referrals_send (ShelterSession  *session,
                        gint64           referral_id,
                        const char      *sent_on,
                        GError         **error)
{
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *details = NULL;

  row = begin_step (session, referral_id, "outgoing", draft_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, sent_on, SHELTER_FIELD_REFERRAL_DATE, _("Sent on"), error) ||
      !check_contact (shelter_session_get_db (session), row->partner_id, error))
    return fail_step (session);
  if ((g_strcmp0 (row->decision, "agrees") != 0 || row->consent_by == NULL) &&
      row->legal_ground == NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NO_CONSENT,
                           _("The person has not consented to sharing their information. "
                             "Without consent a referral is sent only on a legal ground "
                             "recorded by a manager."));
      return fail_step (session);
    }
  set_text (&row->status, "sent");
  set_text (&row->sent_on, sent_on);
  set_text (&row->sent_by, shelter_session_get_actor (session));
  details = g_strdup_printf ("status: draft -> sent\nsent_on: %s", sent_on);
  return finish_step (session, row, "send_referral", details, error);
}

gboolean
shelter_referrals_record_answer (ShelterSession  *session,
                                 gint64           referral_id,
                                 const char      *answered_on,
                                 gboolean         accepted,
                                 const char      *decline_reason,
                                 GError         **error)
{
  static const char * const sent_only[] = { "sent", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *details = NULL;

  row = begin_step (session, referral_id, NULL, sent_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, answered_on, SHELTER_FIELD_REFERRAL_ANSWER_DATE, _("Answered on"), error))
    return fail_step (session);
  if (strcmp (answered_on, row->sent_on) < 0)
    {
      g_autofree char *sent = shelter_text_format_date (row->sent_on);

      shelter_field_error (error, SHELTER_FIELD_REFERRAL_ANSWER_DATE,
                           _("Answered on: the referral was sent on %s; the answer cannot be "
                             "dated before it."), sent);
      return fail_step (session);
    }
  if (!accepted && !clean_into (decline_reason, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                                _("Reason for declining"), &row->decline_reason, error))
    return fail_step (session);
  set_text (&row->status, accepted ? "accepted" : "declined");
  set_text (&row->answered_on, answered_on);
  details = g_strdup_printf ("status: sent -> %s\nanswered_on: %s", row->status, answered_on);
  return finish_step (session, row, "referral_answer", details, error);
}

gboolean
shelter_referrals_record_departure (ShelterSession                  *session,
                                    gint64                           referral_id,
                                    const ShelterReferralDeparture  *departure,
                                    GError                         **error)
{
  static const char * const accepted_only[] = { "accepted", NULL };
  static const char * const modes[] = { "alone", "escorted", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  gboolean escorted;
  GDate day;
  int age;

  row = begin_step (session, referral_id, "outgoing", accepted_only, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, departure->departed_on, SHELTER_FIELD_REFERRAL_DATE, _("Left on"), error))
    return fail_step (session);
  if (!in_list (modes, departure->mode))
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_CHOICE,
                           _("Departure: choose whether the person goes alone or escorted."));
      return fail_step (session);
    }
  escorted = g_str_equal (departure->mode, "escorted");
  if (!escorted && g_strcmp0 (row->risk_level, "high") == 0)
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_CHOICE,
                           _("Departure: the person was assessed at high risk and must be escorted."));
      return fail_step (session);
    }
  g_clear_pointer (&row->escort, g_free);
  g_clear_pointer (&row->guardian, g_free);
  if (!clean_into (departure->escort, escorted, PERSON_NAME_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Escort"), &row->escort, error) ||
      !clean_into (departure->guardian, FALSE, PERSON_NAME_MAX, SHELTER_FIELD_REFERRAL_GUARDIAN,
                   _("Parent or legal guardian"), &row->guardian, error))
    return fail_step (session);
  person = open_person_of_stay (session, row->stay_id, NULL, error);
  if (person == NULL)
    return fail_step (session);
  shelter_text_parse_date (departure->departed_on, &day);
  age = shelter_text_age_on (shelter_person_get_birth_date (person), &day);
  if (age >= 0 && age < 18 && row->guardian == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_GUARDIAN,
                           _("Parent or legal guardian: the person is a child (%d) and leaves "
                             "only with a parent or legal guardian; name them."), age);
      return fail_step (session);
    }
  if (departure->allowance_dong < -1)
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_TEXT, _("Allowance: cannot be negative."));
      return fail_step (session);
    }
  set_text (&row->departure_mode, departure->mode);
  set_text (&row->departed_on, departure->departed_on);
  row->allowance_dong = departure->allowance_dong;
  return finish_step (session, row, "referral_step", "step: departure", error);
}

gboolean
shelter_referrals_record_result (ShelterSession  *session,
                                 gint64           referral_id,
                                 const char      *result_on,
                                 const char      *note,
                                 GError         **error)
{
  static const char * const allowed[] = { "accepted", "completed", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;

  row = begin_step (session, referral_id, NULL, allowed, error);
  if (row == NULL)
    return FALSE;
  if (!check_date (session, result_on, SHELTER_FIELD_REFERRAL_DATE, _("Reported on"), error) ||
      !clean_into (note, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT, _("First result"),
                   &row->result_note, error))
    return fail_step (session);
  if (strcmp (result_on, row->sent_on) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_DATE,
                           _("Reported on: the result cannot be dated before the referral was sent."));
      return fail_step (session);
    }
  set_text (&row->result_on, result_on);
  return finish_step (session, row, "referral_step", "step: first result", error);
}

gboolean
shelter_referrals_complete (ShelterSession  *session,
                            gint64           referral_id,
                            const char      *completed_on,
                            const char      *handover_note,
                            GError         **error)
{
  static const char * const accepted_only[] = { "accepted", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *details = NULL;

  row = begin_step (session, referral_id, NULL, accepted_only, error);
  if (row == NULL)
    return FALSE;
  if (g_str_equal (row->direction, "outgoing") && row->departed_on == NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
                           _("Record the person’s departure before completing the referral."));
      return fail_step (session);
    }
  if (!check_date (session, completed_on, SHELTER_FIELD_REFERRAL_DATE, _("Completed on"), error) ||
      !clean_into (handover_note, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT,
                   _("Handover record"), &row->handover_note, error))
    return fail_step (session);
  if (strcmp (completed_on, row->departed_on ? row->departed_on : row->answered_on) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_REFERRAL_DATE,
                           _("Completed on: the date is before the departure or the answer."));
      return fail_step (session);
    }
  set_text (&row->status, "completed");
  set_text (&row->completed_on, completed_on);
  details = g_strdup_printf ("status: accepted -> completed\ncompleted_on: %s", completed_on);
  return finish_step (session, row, "complete_referral", details, error);
}

gboolean
shelter_referrals_withdraw (ShelterSession  *session,
                            gint64           referral_id,
                            const char      *reason,
                            GError         **error)
{
  static const char * const open_statuses[] = { "draft", "sent", "accepted", NULL };
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autofree char *details = NULL;
  g_autofree char *at = stamp_time (session);
  g_autofree char *old_status = NULL;

  row = begin_step (session, referral_id, NULL, open_statuses, error);
  if (row == NULL)
    return FALSE;
  if (g_strcmp0 (row->created_by, shelter_session_get_actor (session)) != 0 &&
      !shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_REFERRAL, error))
    return fail_step (session);
  if (!clean_into (reason, TRUE, TEXT_MAX, SHELTER_FIELD_REFERRAL_TEXT, _("Reason"),
                   &row->withdraw_reason, error))
    return fail_step (session);
  old_status = g_strdup (row->status);
  set_text (&row->status, "withdrawn");
  set_text (&row->withdrawn_at, at);
  set_text (&row->withdrawn_by, shelter_session_get_actor (session));
  details = g_strdup_printf ("status: %s -> withdrawn\nreason: %s", old_status, row->withdraw_reason);
  return finish_step (session, row, "withdraw_referral", details, error);
}

ShelterReferralRow *
shelter_referrals_get (ShelterSession  *session,
                       gint64           referral_id,
                       GError         **error)
{
  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_referral_store_get (shelter_session_get_db (session), referral_id, error);
}

GPtrArray *
shelter_referrals_list (ShelterSession  *session,
                        const char      *direction,
                        gint64           stay_id,
                        GError         **error)
{
  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_referral_store_list (shelter_session_get_db (session), direction, stay_id,
                                      FALSE, error);
}

static char *
add_working_days (ShelterDb   *db,
                  const char  *from,
                  guint        days,
                  GError     **error)
{
  GDate start, due;

  if (!shelter_text_parse_date (from, &start) ||
      !shelter_calendar_add_working_days (db, &start, days, &due, error))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&due), g_date_get_month (&due),
                          g_date_get_day (&due));
}

gboolean
shelter_referrals_deadlines (ShelterSession            *session,
                             const ShelterReferralRow  *referral,
                             char                     **answer_due,
                             char                     **result_due,
                             GError                   **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *answer = NULL;
  g_autofree char *result = NULL;

  if (referral->sent_on == NULL)
    return FALSE;
  answer = add_working_days (db, referral->sent_on, 1, error);
  if (answer == NULL)
    return FALSE;
  result = add_working_days (db, referral->sent_on, 5, error);
  if (result == NULL)
    return FALSE;
  if (answer_due != NULL)
    *answer_due = g_steal_pointer (&answer);
  if (result_due != NULL)
    *result_due = g_steal_pointer (&result);
  return TRUE;
}

ShelterReferralOverdue
shelter_referrals_overdue_state (ShelterSession            *session,
                                 const ShelterReferralRow  *referral,
                                 GError                   **error)
{
  g_autofree char *answer_due = NULL;
  g_autofree char *result_due = NULL;
  g_autofree char *now = today (session);

  if (!g_str_equal (referral->status, "sent") && !g_str_equal (referral->status, "accepted"))
    return SHELTER_REFERRAL_ON_TIME;
  if (!shelter_referrals_deadlines (session, referral, &answer_due, &result_due, error))
    return SHELTER_REFERRAL_ON_TIME;
  if (g_str_equal (referral->status, "sent") && strcmp (now, answer_due) > 0)
    return SHELTER_REFERRAL_ANSWER_OVERDUE;
  if (g_str_equal (referral->status, "accepted") && referral->result_on == NULL &&
      strcmp (now, result_due) > 0)
    return SHELTER_REFERRAL_RESULT_OVERDUE;
  return SHELTER_REFERRAL_ON_TIME;
}

GPtrArray *
shelter_referrals_overdue (ShelterSession  *session,
                           GError         **error)
{
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) overdue = NULL;

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  open = shelter_referral_store_list (shelter_session_get_db (session), NULL, 0, TRUE, error);
  if (open == NULL)
    return NULL;
  overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_referral_row_free);
  for (guint i = 0; i < open->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      ShelterReferralOverdue state;

      state = shelter_referrals_overdue_state (session, g_ptr_array_index (open, i), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (state != SHELTER_REFERRAL_ON_TIME)
        g_ptr_array_add (overdue, g_ptr_array_steal_index (open, i--));
    }
  return g_steal_pointer (&overdue);
}

/* ---- Entries ------------------------------------------------------------------------- */

struct _ShelterReferralEntry
{
  GObject                 parent_instance;

  ShelterReferralRow     *row;
  gint64                  person_id;
  char                   *case_code;
  char                   *resident_name;
  char                   *partner_name;
  char                   *partner_contact;
  char                   *answer_due;
  char                   *result_due;
  ShelterReferralOverdue  overdue;
};

G_DEFINE_FINAL_TYPE (ShelterReferralEntry, shelter_referral_entry, G_TYPE_OBJECT)

static void
shelter_referral_entry_finalize (GObject *object)
{
  ShelterReferralEntry *self = SHELTER_REFERRAL_ENTRY (object);

  g_clear_pointer (&self->row, shelter_referral_row_free);
  g_free (self->case_code);
  g_free (self->resident_name);
  g_free (self->partner_name);
  g_free (self->partner_contact);
  g_free (self->answer_due);
  g_free (self->result_due);
  G_OBJECT_CLASS (shelter_referral_entry_parent_class)->finalize (object);
}

static void
shelter_referral_entry_class_init (ShelterReferralEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_referral_entry_finalize;
}

static void
shelter_referral_entry_init (ShelterReferralEntry *self)
{
}

/* Takes @row; @partners maps partner ids to ShelterPartnerRow. */
static ShelterReferralEntry *
referral_entry_new (ShelterSession      *session,
                    ShelterReferralRow  *row,
                    GHashTable          *partners,
                    GError             **error)
{
  g_autoptr (ShelterReferralEntry) self = g_object_new (SHELTER_TYPE_REFERRAL_ENTRY, NULL);
  ShelterDb *db = shelter_session_get_db (session);
  ShelterPartnerRow *partner = g_hash_table_lookup (partners, &row->partner_id);
  GError *local_error = NULL;

  self->row = row;
  if (partner != NULL)
    {
      self->partner_name = g_strdup (partner->name);
      self->partner_contact = g_strdup (partner->contact_person);
    }
  if (row->stay_id != 0)
    {
      g_autoptr (ShelterStay) stay = shelter_stay_store_get (db, row->stay_id, error);
      g_autoptr (ShelterResidentSummary) summary = NULL;

      if (stay == NULL)
        return NULL;
      self->person_id = shelter_stay_get_person_id (stay);
      summary = shelter_resident_list_store_get (db, self->person_id, error);
      if (summary == NULL)
        return NULL;
      self->case_code = g_strdup (shelter_resident_summary_get_case_code (summary));
      if (!shelter_resident_summary_get_high_protection (summary) ||
          shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY))
        self->resident_name = g_strdup (shelter_resident_summary_get_full_name (summary));
    }
  if (row->sent_on != NULL &&
      !shelter_referrals_deadlines (session, row, &self->answer_due, &self->result_due, error))
    return NULL;
  self->overdue = shelter_referrals_overdue_state (session, row, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static GHashTable *
partners_by_id (ShelterDb  *db,
                GError    **error)
{
  g_autoptr (GPtrArray) list = shelter_partner_store_list (db, TRUE, error);
  GHashTable *partners;

  if (list == NULL)
    return NULL;
  partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) shelter_partner_row_free);
  g_ptr_array_set_free_func (list, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      ShelterPartnerRow *partner = g_ptr_array_index (list, i);

      g_hash_table_insert (partners, &partner->id, partner);
    }
  return partners;
}

GPtrArray *
shelter_referrals_list_entries (ShelterSession  *session,
                                const char      *direction,
                                gint64           stay_id,
                                GError         **error)
{
  g_autoptr (GPtrArray) rows = shelter_referrals_list (session, direction, stay_id, error);
  g_autoptr (GHashTable) partners = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  if (rows == NULL)
    return NULL;
  partners = partners_by_id (shelter_session_get_db (session), error);
  if (partners == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterReferralEntry *entry;

      entry = referral_entry_new (session, g_steal_pointer (&g_ptr_array_index (rows, i)),
                                  partners, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

ShelterReferralEntry *
shelter_referrals_get_entry (ShelterSession  *session,
                             gint64           referral_id,
                             GError         **error)
{
  ShelterReferralRow *row = shelter_referrals_get (session, referral_id, error);
  g_autoptr (GHashTable) partners = NULL;

  if (row == NULL)
    return NULL;
  partners = partners_by_id (shelter_session_get_db (session), error);
  if (partners == NULL)
    {
      shelter_referral_row_free (row);
      return NULL;
    }
  return referral_entry_new (session, row, partners, error);
}

#define REFERRAL_ENTRY_GETTER(type, name, expr) \
  type shelter_referral_entry_get_##name (ShelterReferralEntry *self) \
  { \
    g_return_val_if_fail (SHELTER_IS_REFERRAL_ENTRY (self), (type) 0); \
    return (expr); \
  }

REFERRAL_ENTRY_GETTER (const ShelterReferralRow *, row, self->row)
REFERRAL_ENTRY_GETTER (gint64, person_id, self->person_id)
REFERRAL_ENTRY_GETTER (const char *, case_code, self->case_code)
REFERRAL_ENTRY_GETTER (const char *, resident_name, self->resident_name)
REFERRAL_ENTRY_GETTER (const char *, partner_name, self->partner_name)
REFERRAL_ENTRY_GETTER (const char *, partner_contact, self->partner_contact)
REFERRAL_ENTRY_GETTER (const char *, answer_due, self->answer_due)
REFERRAL_ENTRY_GETTER (const char *, result_due, self->result_due)
REFERRAL_ENTRY_GETTER (ShelterReferralOverdue, overdue, self->overdue)
