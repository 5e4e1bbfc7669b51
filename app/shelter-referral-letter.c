/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referral-letter"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-centre-profile.h"
#include "shelter-enums.h"
#include "shelter-referral-letter.h"
#include "shelter-referrals.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The page of Decree 30/2020/NĐ-CP, as the intake record: A4, margins 20 mm top and
 * bottom, 30 mm left, 20 mm right; Times New Roman where the computer has it. */
#define MM (72.0 / 25.4)
#define A4_WIDTH 595.276
#define A4_HEIGHT 841.890
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (20 * MM)
#define FONT_FAMILY "Times New Roman,Liberation Serif,Tinos,DejaVu Serif,Serif"
#define BODY_SIZE 13.0
#define DOTTED_LINE "……………………………"

typedef enum
{
  PLACE_LEFT,    /* the agency's block of the heading */
  PLACE_RIGHT,   /* the national heading; the signature */
  PLACE_BODY,
} Place;

typedef struct
{
  char           *text;
  Place           place;
  gboolean        bold;
  gboolean        italic;
  PangoAlignment  align;
  double          space_before;
} Paragraph;

typedef enum
{
  PAPER_LETTER,    /* giấy chuyển tuyến */
  PAPER_HANDOVER,  /* biên bản bàn giao */
} PaperKind;

struct _ShelterReferralLetter
{
  PaperKind  kind;
  gint64     referral_id;
  char      *number;
  GPtrArray *paragraphs;  /* of Paragraph, in reading order */
};

static void
paragraph_free (Paragraph *paragraph)
{
  g_free (paragraph->text);
  g_free (paragraph);
}

void
shelter_referral_letter_free (ShelterReferralLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->number);
  g_ptr_array_unref (letter->paragraphs);
  g_free (letter);
}

static Paragraph *
add (ShelterReferralLetter *self,
     Place                  place,
     const char            *text,
     PangoAlignment         align,
     double                 space_before)
{
  Paragraph *paragraph = g_new0 (Paragraph, 1);

  paragraph->text = g_strdup (text);
  paragraph->place = place;
  paragraph->align = align;
  paragraph->space_before = space_before;
  g_ptr_array_add (self->paragraphs, paragraph);
  return paragraph;
}

static void
add_field (ShelterReferralLetter *self,
           const char            *label,
           const char            *value)
{
  g_autofree char *text = g_strdup_printf ("- %s: %s", label, value != NULL ? value : "");

  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 2);
}

static gboolean
shares (ShelterReferralRow *row,
        const char         *field)
{
  return row->shared_fields != NULL && g_strv_contains ((const char * const *) row->shared_fields, field);
}

static char *
describe_home (ShelterDb     *db,
               ShelterPerson *person)
{
  const char *scheme = shelter_person_get_home_scheme (person);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (shelter_person_get_home_detail (person) != NULL)
    g_ptr_array_add (parts, g_strdup (shelter_person_get_home_detail (person)));
  if (scheme != NULL && shelter_person_get_home_commune_code (person) != NULL)
    {
      g_autoptr (ShelterReferenceEntry) unit =
        shelter_reference_store_admin_unit (db, scheme, "commune",
                                            shelter_person_get_home_commune_code (person), NULL);
      if (unit != NULL)
        g_ptr_array_add (parts, g_strdup (unit->full_name ? unit->full_name : unit->name));
    }
  if (scheme != NULL && shelter_person_get_home_province_code (person) != NULL)
    {
      g_autoptr (ShelterReferenceEntry) unit =
        shelter_reference_store_admin_unit (db, scheme, "province",
                                            shelter_person_get_home_province_code (person), NULL);
      if (unit != NULL)
        g_ptr_array_add (parts, g_strdup (unit->full_name ? unit->full_name : unit->name));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
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
      g_autofree char *home = describe_home (db, person);

      add_field (self, _("Home address"), home ? home : _("unknown"));
    }
  if (shares (row, "health_summary") && row->health_summary != NULL)
    add_field (self, _("Health summary"), row->health_summary);
  if (shares (row, "case_summary") && row->case_summary != NULL)
    add_field (self, _("Case summary"), row->case_summary);
}

/* A signature block: the title in capitals, the note, room to sign, then the name. */
static void
add_signature (ShelterReferralLetter *self,
               Place                  place,
               const char            *title,
               const char            *name)
{
  add (self, place, title, PANGO_ALIGN_CENTER, 20)->bold = TRUE;
  add (self, place, _("(Signature, full name and seal)"), PANGO_ALIGN_CENTER, 0)->italic = TRUE;
  add (self, place, name != NULL ? name : DOTTED_LINE, PANGO_ALIGN_CENTER, 60)->bold = TRUE;
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

  add (self, PLACE_BODY, _("REFERRAL LETTER"), PANGO_ALIGN_CENTER, 22)->bold = TRUE;
  text = g_strdup_printf (_("To: %s"), partner->name);
  add (self, PLACE_BODY, text, PANGO_ALIGN_CENTER, 4);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("For the attention of: %s"), partner->contact_person ? partner->contact_person : DOTTED_LINE);
  add (self, PLACE_BODY, text, PANGO_ALIGN_CENTER, 0)->italic = TRUE;
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("%s refers the person below to your agency for: %s"),
                          centre != NULL ? shelter_centre_get_name (centre) : _("The centre"),
                          row->purpose);
  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 14);
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
  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 10)->italic = TRUE;
  g_clear_pointer (&text, g_free);
  add (self, PLACE_BODY,
       _("Please confirm within 1 working day whether your agency receives the person, and "
         "inform the centre of the first result within 5 working days."),
       PANGO_ALIGN_LEFT, 6);

  add_signature (self, PLACE_RIGHT, _("HEAD OF CENTRE"),
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

  add (self, PLACE_BODY, _("HANDOVER RECORD"), PANGO_ALIGN_CENTER, 22)->bold = TRUE;
  /* Translators: %s is the referral letter's number, "12/GCT". */
  letter_number = g_strdup_printf ("%" G_GINT64_FORMAT "/GCT", row->id);
  text = g_strdup_printf (_("Handover of the person referred by referral letter No. %s"),
                          letter_number);
  add (self, PLACE_BODY, text, PANGO_ALIGN_CENTER, 4)->italic = TRUE;
  g_clear_pointer (&text, g_free);

  /* Translators: "Today, ngày 21 tháng 11 năm 2026, at <place>, we the undersigned:". */
  text = g_strdup_printf (_("Today, %s, at %s, we the undersigned:"), formal,
                          partner->address != NULL ? partner->address : DOTTED_LINE);
  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 14);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf (_("The handing-over side: %s"),
                          centre != NULL ? shelter_centre_get_name (centre) : _("The centre"));
  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 6)->bold = TRUE;
  g_clear_pointer (&text, g_free);
  add_field (self, _("Represented by"), head != NULL ? head : DOTTED_LINE);
  if (row->escort != NULL)
    add_field (self, _("Escorted by"), row->escort);

  text = g_strdup_printf (_("The receiving side: %s"), partner->name);
  add (self, PLACE_BODY, text, PANGO_ALIGN_LEFT, 6)->bold = TRUE;
  g_clear_pointer (&text, g_free);
  add_field (self, _("Contact person"),
             partner->contact_person != NULL ? partner->contact_person : DOTTED_LINE);

  add (self, PLACE_BODY, _("The two sides carried out the handover of the person below:"),
       PANGO_ALIGN_LEFT, 10);
  add_person (self, db, row, person);

  add (self, PLACE_BODY, _("What was handed over:"), PANGO_ALIGN_LEFT, 10)->bold = TRUE;
  add (self, PLACE_BODY, row->handover_note != NULL ? row->handover_note : DOTTED_LINE,
       PANGO_ALIGN_LEFT, 2);
  add (self, PLACE_BODY,
       _("This record is made in two copies of equal value; each side keeps one."),
       PANGO_ALIGN_LEFT, 10)->italic = TRUE;

  add_signature (self, PLACE_LEFT, _("THE RECEIVING SIDE"), partner->contact_person);
  add_signature (self, PLACE_RIGHT, _("THE HANDING-OVER SIDE"), head);
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
  g_autoptr (ShelterReferenceEntry) province = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *formal = NULL;
  g_autofree char *place_and_date = NULL;
  g_autofree char *text = NULL;
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
  self->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  self->number = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", row->id,
                                  kind == PAPER_LETTER ? "GCT" : "BBBG");

  /* The heading: the agency's block beside the national motto. */
  agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  if (agency != NULL && agency[0] != '\0')
    {
      g_autofree char *upper = g_utf8_strup (agency, -1);

      add (self, PLACE_LEFT, upper, PANGO_ALIGN_CENTER, 0);
    }
  if (centre != NULL)
    {
      g_autofree char *upper = g_utf8_strup (shelter_centre_get_name (centre), -1);

      add (self, PLACE_LEFT, upper, PANGO_ALIGN_CENTER, 0)->bold = TRUE;
      if (shelter_centre_get_province_scheme (centre) != NULL &&
          shelter_centre_get_province_code (centre) != NULL)
        province = shelter_reference_store_admin_unit (db, shelter_centre_get_province_scheme (centre),
                                                       "province",
                                                       shelter_centre_get_province_code (centre),
                                                       NULL);
    }
  text = g_strdup_printf (_("No.: %s"), self->number);
  add (self, PLACE_LEFT, text, PANGO_ALIGN_CENTER, 6);
  g_clear_pointer (&text, g_free);
  add (self, PLACE_RIGHT, _("SOCIALIST REPUBLIC OF VIETNAM"), PANGO_ALIGN_CENTER, 0)->bold = TRUE;
  add (self, PLACE_RIGHT, _("Independence - Freedom - Happiness"), PANGO_ALIGN_CENTER, 0)->bold = TRUE;
  if (kind == PAPER_HANDOVER)
    day = row->completed_on;
  else
    day = row->sent_on != NULL ? row->sent_on : row->created_at;
  formal = shelter_text_format_formal_date (day);
  /* Translators: "Lào Cai, ngày 05 tháng 3 năm 2026": the place, then the formal date. */
  place_and_date = g_strdup_printf (C_("paper", "%s, %s"),
                                    province != NULL && province->name != NULL ? province->name
                                                                                : DOTTED_LINE,
                                    formal);
  add (self, PLACE_RIGHT, place_and_date, PANGO_ALIGN_CENTER, 6)->italic = TRUE;

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
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < letter->paragraphs->len; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (letter->paragraphs, i);

      g_string_append (text, paragraph->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* ---- Drawing ------------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t   *cr,
             Paragraph *paragraph,
             double     width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, BODY_SIZE * PANGO_SCALE);
  if (paragraph->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (paragraph->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, paragraph->align);
  pango_layout_set_text (layout, paragraph->text, -1);
  return layout;
}

/* Draws the paragraphs of @place in the column from @x, @width wide, from @y; returns the
 * bottom. Body paragraphs move to a new page when they do not fit. */
static double
draw_place (ShelterReferralLetter *self,
            cairo_t               *cr,
            Place                  place,
            guint                  from,
            guint                  to,
            double                 x,
            double                 width,
            double                 y)
{
  for (guint i = from; i < to; i++)
    {
      Paragraph *paragraph = g_ptr_array_index (self->paragraphs, i);
      g_autoptr (PangoLayout) layout = NULL;
      int height;

      if (paragraph->place != place)
        continue;
      layout = make_layout (cr, paragraph, width);
      pango_layout_get_size (layout, NULL, &height);
      y += paragraph->space_before;
      if (y + height / (double) PANGO_SCALE > A4_HEIGHT - MARGIN_BOTTOM && y > MARGIN_TOP + 1)
        {
          cairo_show_page (cr);
          y = MARGIN_TOP;
        }
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      y += height / (double) PANGO_SCALE;
    }
  return y;
}

static void
draw (ShelterReferralLetter *self,
      cairo_t               *cr)
{
  double text_width = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  guint body_start = self->paragraphs->len;
  double left_bottom, right_bottom, y;

  for (guint i = 0; i < self->paragraphs->len; i++)
    if (((Paragraph *) g_ptr_array_index (self->paragraphs, i))->place == PLACE_BODY)
      {
        body_start = i;
        break;
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  left_bottom = draw_place (self, cr, PLACE_LEFT, 0, body_start, MARGIN_LEFT - 10 * MM,
                            text_width * 0.45, MARGIN_TOP);
  right_bottom = draw_place (self, cr, PLACE_RIGHT, 0, body_start,
                             MARGIN_LEFT + text_width * 0.40, text_width * 0.62, MARGIN_TOP);
  y = draw_place (self, cr, PLACE_BODY, body_start, self->paragraphs->len, MARGIN_LEFT,
                  text_width, MAX (left_bottom, right_bottom));
  /* The signatures: the other side's on the left (a handover record), the centre's on the
   * right. */
  draw_place (self, cr, PLACE_LEFT, body_start, self->paragraphs->len, MARGIN_LEFT,
              text_width * 0.45, y);
  draw_place (self, cr, PLACE_RIGHT, body_start, self->paragraphs->len,
              MARGIN_LEFT + text_width * 0.45, text_width * 0.55, y);
  cairo_show_page (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
shelter_referral_letter_write_pdf (ShelterSession        *session,
                                   ShelterReferralLetter *letter,
                                   const char            *path,
                                   GError               **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, A4_WIDTH, A4_HEIGHT);
  /* No name in the metadata. */
  title = g_strdup_printf (letter->kind == PAPER_LETTER ? _("Referral letter %s")
                                                       : _("Handover record %s"),
                          letter->number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mái Ấm");
  cr = cairo_create (surface);
  draw (letter, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   letter->kind == PAPER_LETTER ? _("Could not draw the referral letter: %s")
                                                : _("Could not draw the handover record: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!shelter_db_begin (db, error))
    return FALSE;
  details = g_strdup_printf ("%s %s", letter->kind == PAPER_LETTER ? "referral letter"
                                                                   : "handover record",
                             letter->number);
  if (!shelter_audit_record (session, at, "export", "referral", letter->referral_id, details, error) ||
      !g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !shelter_db_commit (db, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
