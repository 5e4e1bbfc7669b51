/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referral-letter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-centre-profile.h"
#include "shelter-enums.h"
#include "shelter-paper.h"
#include "shelter-referral-letter.h"
#include "shelter-referrals.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

typedef enum
{
  PAPER_LETTER,    /* giấy chuyển tuyến */
  PAPER_HANDOVER,  /* biên bản bàn giao */
} PaperKind;

struct _ShelterReferralLetter
{
  PaperKind     kind;
  gint64        referral_id;
  char         *number;
  ShelterPaper *paper;
};

void
shelter_referral_letter_free (ShelterReferralLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->number);
  shelter_paper_free (letter->paper);
  g_free (letter);
}

/* A paragraph of the body. */
static void
add (ShelterReferralLetter *self,
     const char            *text,
     ShelterPaperStyle      style,
     ShelterPaperAlign      align,
     double                 space_before)
{
  shelter_paper_add (self->paper, SHELTER_PAPER_BODY, text, style, align, space_before);
}

static void
add_field (ShelterReferralLetter *self,
           const char            *label,
           const char            *value)
{
  shelter_paper_add_field (self->paper, label, value);
}

static gboolean
shares (ShelterReferralRow *row,
        const char         *field)
{
  return row->shared_fields != NULL && g_strv_contains ((const char * const *) row->shared_fields, field);
}

/* The case code, then only the fields the consent (or the legal ground) covers: the rule of
 * the letter and of the handover record alike. */
static void
add_person (ShelterReferralLetter *self,
            ShelterDb             *db,
            ShelterReferralRow    *row,
            ShelterPerson         *person)
{
  add_field (self, _("Case code"), shelter_person_get_case_code (person));
  if (shares (row, "name"))
    {
      g_autofree char *name = shelter_person_dup_full_name (person);

      add_field (self, _("Full name"), name);
    }
  if (shares (row, "birth_date"))
    {
      g_autofree char *birth = shelter_text_format_date (shelter_person_get_birth_date (person));

      add_field (self, _("Date of birth"), birth ? birth : _("unknown"));
    }
  if (shares (row, "sex"))
    add_field (self, _("Sex"), g_strcmp0 (shelter_person_get_sex (person), "female") == 0
                               ? _("Female") : _("Male"));
  if (shares (row, "id_number"))
    add_field (self, _("ID number"), shelter_person_get_id_number (person)
                                     ? shelter_person_get_id_number (person) : _("none"));
  if (shares (row, "phone"))
    add_field (self, _("Phone"), shelter_person_get_phone (person)
                                 ? shelter_person_get_phone (person) : _("none"));
  if (shares (row, "address"))
    {
      g_autofree char *home = shelter_paper_describe_home (db, person);

      add_field (self, _("Home address"), home ? home : _("unknown"));
    }
  if (shares (row, "health_summary") && row->health_summary != NULL)
    add_field (self, _("Health summary"), row->health_summary);
  if (shares (row, "case_summary") && row->case_summary != NULL)
    add_field (self, _("Case summary"), row->case_summary);
}

static void
add_letter_body (ShelterReferralLetter *self,
                 ShelterDb             *db,
                 ShelterReferralRow    *row,
                 ShelterPartnerRow     *partner,
                 ShelterPerson         *person,
                 ShelterCentre         *centre)
{
  g_autofree char *text = NULL;

  add (self, _("REFERRAL LETTER"), SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER, 22);
  text = g_strdup_printf (_("To: %s"), partner->name);
  add (self, text, SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_CENTER, 4);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("For the attention of: %s"),
                          partner->contact_person ? partner->contact_person
                                                  : SHELTER_PAPER_DOTTED_LINE);
  add (self, text, SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_CENTER, 0);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("%s refers the person below to your agency for: %s"),
                          centre != NULL ? shelter_centre_get_name (centre) : _("The centre"),
                          row->purpose);
  add (self, text, SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 14);
  g_clear_pointer (&text, g_free);

  add_person (self, db, row, person);

  if (row->consent_by != NULL)
    {
      g_autofree char *on = shelter_text_format_date (row->decided_on);

      if (g_str_equal (row->consent_by, "guardian"))
        text = g_strdup_printf (_("The information above is shared with the consent given on %s "
                                  "by the person’s guardian, %s, for this referral only."),
                                on, row->consent_guardian);
      else
        text = g_strdup_printf (_("The information above is shared with the consent the person "
                                  "gave on %s, for this referral only."), on);
    }
  else
    text = g_strdup_printf (_("The information above is shared on this legal ground: %s."),
                            row->legal_ground);
  add (self, text, SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_LEFT, 10);
  g_clear_pointer (&text, g_free);
  add (self,
       _("Please confirm within 1 working day whether your agency receives the person, and "
         "inform the centre of the first result within 5 working days."),
       SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 6);

  shelter_paper_add_signature (self->paper, SHELTER_PAPER_RIGHT, _("HEAD OF CENTRE"),
                               centre != NULL ? shelter_centre_get_head_name (centre) : NULL);
}

/* The handover record (biên bản bàn giao): who hands over and who receives, when and where,
 * the person (as the letter), what was handed over, and both sides' signatures. */
static void
add_handover_body (ShelterReferralLetter *self,
                   ShelterDb             *db,
                   ShelterReferralRow    *row,
                   ShelterPartnerRow     *partner,
                   ShelterPerson         *person,
                   ShelterCentre         *centre)
{
  g_autofree char *text = NULL;
  g_autofree char *formal = shelter_text_format_formal_date (row->completed_on);
  g_autofree char *letter_number = NULL;
  const char *head = centre != NULL ? shelter_centre_get_head_name (centre) : NULL;

  add (self, _("HANDOVER RECORD"), SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER, 22);
  /* Translators: %s is the referral letter's number, "12/GCT". */
  letter_number = g_strdup_printf ("%" G_GINT64_FORMAT "/GCT", row->id);
  text = g_strdup_printf (_("Handover of the person referred by referral letter No. %s"),
                          letter_number);
  add (self, text, SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_CENTER, 4);
  g_clear_pointer (&text, g_free);

  /* Translators: "Today, ngày 21 tháng 11 năm 2026, at <place>, we the undersigned:". */
  text = g_strdup_printf (_("Today, %s, at %s, we the undersigned:"), formal,
                          partner->address != NULL ? partner->address : SHELTER_PAPER_DOTTED_LINE);
  add (self, text, SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 14);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("The handing-over side: %s"),
                          centre != NULL ? shelter_centre_get_name (centre) : _("The centre"));
  add (self, text, SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_LEFT, 6);
  g_clear_pointer (&text, g_free);
  add_field (self, _("Represented by"), head != NULL ? head : SHELTER_PAPER_DOTTED_LINE);
  if (row->escort != NULL)
    add_field (self, _("Escorted by"), row->escort);

  text = g_strdup_printf (_("The receiving side: %s"), partner->name);
  add (self, text, SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_LEFT, 6);
  g_clear_pointer (&text, g_free);
  add_field (self, _("Contact person"),
             partner->contact_person != NULL ? partner->contact_person : SHELTER_PAPER_DOTTED_LINE);

  add (self, _("The two sides carried out the handover of the person below:"),
       SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 10);
  add_person (self, db, row, person);

  add (self, _("What was handed over:"), SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_LEFT, 10);
  add (self, row->handover_note != NULL ? row->handover_note : SHELTER_PAPER_DOTTED_LINE,
       SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 2);
  add (self,
       _("This record is made in two copies of equal value; each side keeps one."),
       SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_LEFT, 10);

  shelter_paper_add_signature (self->paper, SHELTER_PAPER_LEFT, _("THE RECEIVING SIDE"),
                               partner->contact_person);
  shelter_paper_add_signature (self->paper, SHELTER_PAPER_RIGHT, _("THE HANDING-OVER SIDE"),
                               head);
}

/* The heading, the checks and the body of @kind. */
static ShelterReferralLetter *
load_paper (ShelterSession  *session,
            gint64           referral_id,
            PaperKind        kind,
            GError         **error)
{
  g_autoptr (ShelterReferralLetter) self = NULL;
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autoptr (ShelterPartnerRow) partner = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterCentre) centre = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *day;
  ShelterDb *db;

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  row = shelter_referral_store_get (db, referral_id, error);
  if (row == NULL)
    return NULL;
  if (!g_str_equal (row->direction, "outgoing"))
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
                           kind == PAPER_LETTER
                           ? _("The centre writes letters for the referrals it makes only.")
                           : _("The centre writes handover records for the referrals it makes only."));
      return NULL;
    }
  if (kind == PAPER_HANDOVER && !g_str_equal (row->status, "completed"))
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS,
                           _("The handover record is printed once the referral is completed."));
      return NULL;
    }
  if (row->consent_by == NULL && row->legal_ground == NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NO_CONSENT,
                           kind == PAPER_LETTER
                           ? _("The person has not consented to sharing their information and "
                               "no legal ground is recorded: there is no letter to print.")
                           : _("The person has not consented to sharing their information and "
                               "no legal ground is recorded: there is no record to print."));
      return NULL;
    }
  partner = shelter_partner_store_get (db, row->partner_id, error);
  if (partner == NULL)
    return NULL;
  stay = shelter_stay_store_get (db, row->stay_id, error);
  if (stay == NULL)
    return NULL;
  person = shelter_person_open (session, shelter_stay_get_person_id (stay), error);
  if (person == NULL)
    return NULL;
  centre = shelter_centre_profile_get (session, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_new0 (ShelterReferralLetter, 1);
  self->kind = kind;
  self->referral_id = referral_id;
  self->paper = shelter_paper_new ();
  self->number = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", row->id,
                                  kind == PAPER_LETTER ? "GCT" : "BBBG");
  if (kind == PAPER_HANDOVER)
    day = row->completed_on;
  else
    day = row->sent_on != NULL ? row->sent_on : row->created_at;
  shelter_paper_add_heading (self->paper, db, centre, self->number, day);

  if (kind == PAPER_LETTER)
    add_letter_body (self, db, row, partner, person, centre);
  else
    add_handover_body (self, db, row, partner, person, centre);
  return g_steal_pointer (&self);
}

ShelterReferralLetter *
shelter_referral_letter_load (ShelterSession  *session,
                              gint64           referral_id,
                              GError         **error)
{
  return load_paper (session, referral_id, PAPER_LETTER, error);
}

ShelterReferralLetter *
shelter_referral_handover_load (ShelterSession  *session,
                                gint64           referral_id,
                                GError         **error)
{
  return load_paper (session, referral_id, PAPER_HANDOVER, error);
}

char *
shelter_referral_letter_dup_text (ShelterReferralLetter *letter)
{
  return shelter_paper_dup_text (letter->paper);
}

gboolean
shelter_referral_letter_write_pdf (ShelterSession        *session,
                                   ShelterReferralLetter *letter,
                                   const char            *path,
                                   GError               **error)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  /* No name in the metadata. */
  title = g_strdup_printf (letter->kind == PAPER_LETTER ? _("Referral letter %s")
                                                       : _("Handover record %s"),
                          letter->number);
  pdf = shelter_paper_render (letter->paper, title, &local_error);
  if (pdf == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   letter->kind == PAPER_LETTER ? _("Could not draw the referral letter: %s")
                                                : _("Could not draw the handover record: %s"),
                   local_error->message);
      return FALSE;
    }
  details = g_strdup_printf ("%s %s", letter->kind == PAPER_LETTER ? "referral letter"
                                                                   : "handover record",
                             letter->number);
  return shelter_paper_save (session, pdf, path, "referral", letter->referral_id, details, error);
}
