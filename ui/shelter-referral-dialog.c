/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referral-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-referral-dialog.h"
#include "shelter-referral-letter.h"
#include "shelter-referrals.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

typedef enum
{
  STEP_NONE,
  STEP_ASSESSMENT,
  STEP_OFFER,
  STEP_DECISION,
  STEP_SEND,
  STEP_ANSWER,
  STEP_DEPARTURE,
  STEP_RESULT,
  STEP_COMPLETE,
} Step;

struct _ShelterReferralDialog
{
  AdwWindow             parent_instance;

  ShelterSession       *session;
  gint64                referral_id;
  ShelterReferralEntry *entry;
  GPtrArray            *groups;
  GtkFileChooserNative *chooser;

  /* The form of the next step. */
  Step                  step;
  GtkWidget            *date_row;
  AdwComboRow          *choice_row;
  const char * const   *choice_codes;
  AdwComboRow          *consent_row;
  GPtrArray            *text_rows;     /* AdwEntryRow */
  GPtrArray            *checks;        /* GtkCheckButton with "code" */
  GtkWidget            *guardian_row;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *letter_button;
  GtkWidget            *handover_button;
  gboolean              saving_handover;  /* what the file chooser saves */
  GtkLabel             *error_label;
  AdwPreferencesPage   *page;
};

G_DEFINE_FINAL_TYPE (ShelterReferralDialog, shelter_referral_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const risk_codes[] = { "low", "medium", "high", NULL };
static const char * const decision_codes[] = { "agrees", "refuses", NULL };
static const char * const consent_codes[] = { "person", "guardian", NULL };
static const char * const answer_codes[] = { "accepted", "declined", NULL };
static const char * const mode_codes[] = { "alone", "escorted", NULL };

static void shelter_referral_dialog_build (ShelterReferralDialog *self);

/* Showing */

static const char *
risk_label (const char *code)
{
  if (g_strcmp0 (code, "low") == 0)
    return _("Low");
  if (g_strcmp0 (code, "medium") == 0)
    return _("Medium");
  if (g_strcmp0 (code, "high") == 0)
    return _("High");
  return code;
}

static AdwPreferencesGroup *
add_group (ShelterReferralDialog *self,
           const char            *title,
           const char            *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A recorded value: @label, and @value under it; nothing when @value is NULL. */
static void
add_info (AdwPreferencesGroup *group,
          const char          *label,
          const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = _shelter_ui_new_text_row (label, value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
add_date_info (AdwPreferencesGroup *group,
               const char          *label,
               const char          *day)
{
  g_autofree char *text = day != NULL ? shelter_text_format_date (day) : NULL;

  add_info (group, label, text);
}

static void
add_nothing (AdwPreferencesGroup *group)
{
  GtkWidget *row = _shelter_ui_new_text_row (_("Not recorded yet"), NULL);

  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
}

/* The form */

static void
form_reset (ShelterReferralDialog *self)
{
  self->step = STEP_NONE;
  self->date_row = NULL;
  self->choice_row = NULL;
  self->choice_codes = NULL;
  self->consent_row = NULL;
  self->guardian_row = NULL;
  g_ptr_array_set_size (self->text_rows, 0);
  g_ptr_array_set_size (self->checks, 0);
}

static void record_clicked_cb (ShelterReferralDialog *self);

static void
row_changed_cb (GtkEditable *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static GtkWidget *
add_entry (ShelterReferralDialog *self,
           AdwPreferencesGroup   *group,
           const char            *title,
           const char            *text,
           gboolean              is_text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (record_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), NULL);
  adw_preferences_group_add (group, row);
  if (is_text)
    g_ptr_array_add (self->text_rows, row);
  return row;
}

static void
add_date_field (ShelterReferralDialog *self,
                AdwPreferencesGroup   *group,
                const char            *title)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *full = g_strdup_printf (_("%s (dd/mm/yyyy)"), title);

  self->date_row = add_entry (self, group, full, today, FALSE);
}

static AdwComboRow *
add_choice (AdwPreferencesGroup *group,
            const char          *title,
            const char * const  *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
add_shared_checks (ShelterReferralDialog *self,
                   AdwPreferencesGroup   *group,
                   GPtrArray             *checks,
                   const char * const    *shared)
{
  const char * const *codes = shelter_referral_shared_field_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = shelter_referral_shared_field_label (codes[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   shared != NULL && g_strv_contains (shared, codes[i]));
      g_object_set_data (G_OBJECT (check), "code", (gpointer) codes[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (checks, check);
    }
}

static void
add_record_button (AdwPreferencesGroup *group,
                   const char          *label,
                   GCallback            callback,
                   gpointer             data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *plain = g_strdup (label);
  char *u = strchr (plain, '_');

  if (u != NULL)
    memmove (u, u + 1, strlen (u));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", callback, data);
  adw_preferences_group_add (group, button);
}

/* Errors */

static void
clear_errors (ShelterReferralDialog *self)
{
  GtkWidget *widgets[] = { self->date_row, GTK_WIDGET (self->choice_row),
                           GTK_WIDGET (self->consent_row), self->guardian_row };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      _shelter_ui_set_error (widgets[i], FALSE);
  for (guint i = 0; i < self->text_rows->len; i++)
    _shelter_ui_set_error (g_ptr_array_index (self->text_rows, i), FALSE);
  for (guint i = 0; i < self->checks->len; i++)
    _shelter_ui_set_error (g_ptr_array_index (self->checks, i), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

/* The text row whose title starts the message ("Escort: …"), else the first. */
static GtkWidget *
text_row_of (ShelterReferralDialog *self,
             const char            *message)
{
  g_autofree char *folded = g_utf8_casefold (message, -1);

  for (guint i = 0; i < self->text_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->text_rows, i);
      g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);

      if (g_str_has_prefix (folded, title))
        return row;
    }
  return self->text_rows->len > 0 ? g_ptr_array_index (self->text_rows, 0) : NULL;
}

static void
show_error (ShelterReferralDialog *self,
            const GError          *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_REFERRAL_DATE:
        case SHELTER_FIELD_REFERRAL_ANSWER_DATE:
          row = self->date_row;
          break;
        case SHELTER_FIELD_REFERRAL_CHOICE:
          row = GTK_WIDGET (self->choice_row);
          break;
        case SHELTER_FIELD_CONSENT:
          row = GTK_WIDGET (self->consent_row);
          break;
        case SHELTER_FIELD_GUARDIAN_NAME:
        case SHELTER_FIELD_REFERRAL_GUARDIAN:
          row = self->guardian_row;
          break;
        case SHELTER_FIELD_REFERRAL_SHARED:
          row = self->checks->len > 0 ? g_ptr_array_index (self->checks, 0) : NULL;
          break;
        case SHELTER_FIELD_REFERRAL_TEXT:
          row = text_row_of (self, error->message);
          break;
        default:
          break;
        }
    }
  _shelter_ui_show_message (self->error_label, error->message);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
      gtk_widget_grab_focus (row);
    }
}

/* Recording */

static const char *
text_at (ShelterReferralDialog *self,
         guint                  i)
{
  return i < self->text_rows->len
         ? gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->text_rows, i))) : NULL;
}

static const char *
choice (ShelterReferralDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->choice_row);

  return selected < g_strv_length ((char **) self->choice_codes)
         ? self->choice_codes[selected] : NULL;
}

static GStrv
checked_codes (GPtrArray *checks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "code"));
  return g_strv_builder_end (builder);
}

/* "1.500.000" -> 1500000; -1 when empty; -2 when it is no amount (app/ refuses it). */
static gint64
parse_allowance (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 amount;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (!(c == '.' || g_unichar_isspace (c) || c == 0x20AB /* ₫ */))
        return -2;
    }
  if (digits->len == 0)
    return -1;
  if (!g_ascii_string_to_signed (digits->str, 10, 0, G_MAXINT64, &amount, NULL))
    return -2;
  return amount;
}

static void
record_clicked_cb (ShelterReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_auto(GStrv) shared = NULL;
  gboolean ok = FALSE;
  const char *message = NULL;

  if (self->step == STEP_NONE || self->session == NULL)
    return;
  clear_errors (self);
  if (self->date_row != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

      day = _shelter_ui_parse_day (text);
      if (day == NULL)
        day = g_strdup (text);
    }

  switch (self->step)
    {
    case STEP_ASSESSMENT:
      ok = shelter_referrals_record_assessment (self->session, self->referral_id, day,
                                                choice (self), text_at (self, 0),
                                                text_at (self, 1), &error);
      message = _("Assessment recorded");
      break;
    case STEP_OFFER:
      ok = shelter_referrals_record_offer (self->session, self->referral_id, day,
                                           text_at (self, 0), &error);
      message = _("The agency’s offer recorded");
      break;
    case STEP_DECISION:
      {
        ShelterReferralDecision decision = { 0 };
        guint consent = adw_combo_row_get_selected (self->consent_row);

        shared = checked_codes (self->checks);
        decision.decided_on = day;
        decision.decision = choice (self);
        decision.consent_by = g_strcmp0 (decision.decision, "agrees") == 0 && consent < 2
                              ? consent_codes[consent] : NULL;
        decision.guardian = gtk_editable_get_text (GTK_EDITABLE (self->guardian_row));
        decision.shared_fields = (const char * const *) shared;
        decision.health_summary = text_at (self, 1);
        decision.case_summary = text_at (self, 2);
        ok = shelter_referrals_record_decision (self->session, self->referral_id, &decision,
                                                &error);
        message = _("Decision recorded");
      }
      break;
    case STEP_SEND:
      ok = shelter_referrals_send (self->session, self->referral_id, day, &error);
      message = _("Referral sent");
      break;
    case STEP_ANSWER:
      ok = shelter_referrals_record_answer (self->session, self->referral_id, day,
                                            g_strcmp0 (choice (self), "accepted") == 0,
                                            text_at (self, 0), &error);
      message = _("Answer recorded");
      break;
    case STEP_DEPARTURE:
      {
        ShelterReferralDeparture departure = { 0 };

        departure.departed_on = day;
        departure.mode = choice (self);
        departure.escort = text_at (self, 0);
        departure.guardian = text_at (self, 1);
        departure.allowance_dong = parse_allowance (text_at (self, 2));
        ok = shelter_referrals_record_departure (self->session, self->referral_id, &departure,
                                                 &error);
        message = _("Departure recorded");
      }
      break;
    case STEP_RESULT:
      ok = shelter_referrals_record_result (self->session, self->referral_id, day,
                                            text_at (self, 0), &error);
      message = _("First result recorded");
      break;
    case STEP_COMPLETE:
      ok = shelter_referrals_complete (self->session, self->referral_id, day, text_at (self, 0),
                                       &error);
      message = _("Referral completed");
      break;
    case STEP_NONE:
    default:
      return;
    }
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  _shelter_window_show_message (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  shelter_referral_dialog_build (self);
}

/* A manager's legal ground, and the withdrawal */

static void
ground_response_cb (ShelterReferralDialog *self,
                    const char            *response,
                    AdwMessageDialog      *dialog)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) shared = NULL;
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  GtkEditable *ground = g_object_get_data (G_OBJECT (dialog), "ground");

  if (g_strcmp0 (response, "record") != 0)
    return;
  clear_errors (self);
  shared = checked_codes (checks);
  if (!shelter_referrals_record_legal_ground (self->session, self->referral_id,
                                              gtk_editable_get_text (ground),
                                              (const char * const *) shared, &error))
    {
      show_error (self, error);
      return;
    }
  _shelter_window_show_message (GTK_WIDGET (self), _("Legal ground recorded"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  shelter_referral_dialog_build (self);
}

static void
ground_clicked_cb (ShelterReferralDialog *self)
{
  const ShelterReferralRow *row = shelter_referral_entry_get_row (self->entry);
  GtkWidget *dialog, *box, *entry, *group;
  GPtrArray *checks = g_ptr_array_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record Legal Ground?"),
                                   _("Without the person’s consent, the referral is sent only "
                                     "on a legal ground. Name it, and the information it allows "
                                     "to share."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Legal ground"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legal ground"), -1);
  if (row->legal_ground != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), row->legal_ground);
  gtk_box_append (GTK_BOX (box), entry);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Information Shared"));
  add_shared_checks (self, ADW_PREFERENCES_GROUP (group), checks,
                     (const char * const *) row->shared_fields);
  gtk_box_append (GTK_BOX (box), group);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "ground", entry);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Legal Ground"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (ground_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
withdraw_response_cb (ShelterReferralDialog *self,
                      const char            *response,
                      AdwMessageDialog      *dialog)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "withdraw") != 0)
    return;
  clear_errors (self);
  if (!shelter_referrals_withdraw (self->session, self->referral_id,
                                   gtk_editable_get_text (reason), &error))
    {
      show_error (self, error);
      return;
    }
  _shelter_window_show_message (GTK_WIDGET (self), _("Referral withdrawn"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  shelter_referral_dialog_build (self);
}

static void
withdraw_clicked_cb (ShelterReferralDialog *self)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw Referral?"),
                                   _("The referral is closed and no further step can be recorded."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for withdrawing"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for withdrawing"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The letter */

static void
chooser_response_cb (ShelterReferralDialog *self,
                     int                    response,
                     GtkFileChooserNative  *chooser)
{
  g_autoptr(ShelterReferralLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _shelter_ui_chooser_close (&self->chooser);
  if (error != NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      return;
    }
  if (path == NULL || self->session == NULL)
    return;
  if (self->saving_handover)
    letter = shelter_referral_handover_load (self->session, self->referral_id, &error);
  else
    letter = shelter_referral_letter_load (self->session, self->referral_id, &error);
  if (letter == NULL ||
      !shelter_referral_letter_write_pdf (self->session, letter, path, &error))
    {
      _shelter_ui_show_message (self->error_label, error->message);
      return;
    }
  name = g_path_get_basename (path);
  if (self->saving_handover)
    /* Translators: a toast; %s is the name of the PDF file. */
    message = g_strdup_printf (_("Handover record saved as %s"), name);
  else
    /* Translators: a toast; %s is the name of the PDF file. */
    message = g_strdup_printf (_("Referral letter saved as %s"), name);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
save_paper (ShelterReferralDialog *self,
            gboolean               handover)
{
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;
  _shelter_ui_chooser_close (&self->chooser);
  self->saving_handover = handover;
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".pdf",
                          handover ? "bien-ban-ban-giao" : "giay-chuyen-tuyen", self->referral_id);
  self->chooser = _shelter_ui_pdf_chooser_new (handover ? _("Save Handover Record as PDF")
                                                        : _("Save Referral Letter as PDF"),
                                               GTK_WINDOW (self), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

static void
letter_clicked_cb (ShelterReferralDialog *self)
{
  save_paper (self, FALSE);
}

static void
handover_clicked_cb (ShelterReferralDialog *self)
{
  save_paper (self, TRUE);
}

/* Building */

static Step
next_step (const ShelterReferralRow *row)
{
  gboolean outgoing = g_strcmp0 (row->direction, "outgoing") == 0;

  if (g_strcmp0 (row->status, "draft") == 0)
    {
      if (row->assessed_on == NULL)
        return STEP_ASSESSMENT;
      if (row->agency_agreed_on == NULL)
        return STEP_OFFER;
      if (row->decided_on == NULL)
        return STEP_DECISION;
      return STEP_SEND;
    }
  if (g_strcmp0 (row->status, "sent") == 0)
    return STEP_ANSWER;
  if (g_strcmp0 (row->status, "accepted") == 0)
    {
      if (outgoing && row->departed_on == NULL)
        return STEP_DEPARTURE;
      if (row->result_on == NULL)
        return STEP_RESULT;
      return STEP_COMPLETE;
    }
  return STEP_NONE;
}

static void
build_summary (ShelterReferralDialog    *self,
               const ShelterReferralRow *row)
{
  AdwPreferencesGroup *group = add_group (self, _("Referral"), NULL);
  const char *code = shelter_referral_entry_get_case_code (self->entry);
  const char *name = shelter_referral_entry_get_resident_name (self->entry);
  g_autofree char *person = NULL;
  g_autofree char *partner = NULL;
  const char *actor = shelter_session_get_actor (self->session);
  gboolean open = g_strcmp0 (row->status, "draft") == 0 || g_strcmp0 (row->status, "sent") == 0 ||
                  g_strcmp0 (row->status, "accepted") == 0;
  ShelterReferralOverdue overdue = shelter_referral_entry_get_overdue (self->entry);

  if (code == NULL)
    person = g_strdup (row->subject);
  else if (name == NULL)
    person = g_strdup (code);
  else
    person = g_strdup_printf ("%s (%s)", name, code);
  adw_window_title_set_subtitle (self->window_title, person);
  add_info (group, g_strcmp0 (row->direction, "incoming") == 0 ? _("Person Referred to the Centre")
                                                                : _("Resident"), person);
  if (shelter_referral_entry_get_partner_contact (self->entry) != NULL)
    /* Translators: a partner and its designated contact person. */
    partner = g_strdup_printf (_("%s, for the attention of %s"),
                               shelter_referral_entry_get_partner_name (self->entry),
                               shelter_referral_entry_get_partner_contact (self->entry));
  else
    partner = g_strdup (shelter_referral_entry_get_partner_name (self->entry));
  add_info (group, g_strcmp0 (row->direction, "incoming") == 0 ? _("Referred By") : _("Referred To"),
            partner);
  add_info (group, _("Purpose"), row->purpose);
  add_info (group, _("Status"), shelter_referral_status_label (row->status));
  if (overdue != SHELTER_REFERRAL_ON_TIME)
    {
      g_autofree char *due = shelter_text_format_date (overdue == SHELTER_REFERRAL_ANSWER_OVERDUE
                                                       ? shelter_referral_entry_get_answer_due (self->entry)
                                                       : shelter_referral_entry_get_result_due (self->entry));
      g_autofree char *text = g_strdup_printf (overdue == SHELTER_REFERRAL_ANSWER_OVERDUE
                                               ? _("Overdue: the answer was due on %s")
                                               : _("Overdue: the first result was due on %s"), due);
      GtkWidget *warning = _shelter_ui_new_text_row (text, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue"), -1);
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_add_css_class (warning, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (warning), icon);
      adw_preferences_group_add (group, warning);
    }
  if (g_strcmp0 (row->status, "withdrawn") == 0)
    {
      g_autofree char *at = _shelter_ui_format_time (row->withdrawn_at);
      g_autofree char *by = g_strdup_printf ("%s · %s · %s", at, row->withdrawn_by,
                                             row->withdraw_reason ? row->withdraw_reason : "");

      add_info (group, _("Withdrawn"), by);
    }
  if (open && shelter_session_may (self->session, SHELTER_PERMISSION_REFER) &&
      (g_strcmp0 (row->created_by, actor) == 0 ||
       shelter_session_may (self->session, SHELTER_PERMISSION_OVERRIDE_REFERRAL)))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw…"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Withdraw…"), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (withdraw_clicked_cb), self);
      adw_preferences_group_set_header_suffix (group, button);
    }
}

static void
shelter_referral_dialog_build (ShelterReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  const ShelterReferralRow *row;
  AdwPreferencesGroup *group;
  gboolean outgoing, may_refer;
  Step next;

  form_reset (self);
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  g_clear_object (&self->entry);
  self->entry = shelter_referrals_get_entry (self->session, self->referral_id, &error);
  if (self->entry == NULL)
    {
      group = add_group (self, _("The referral could not be read"), error->message);
      gtk_widget_set_visible (self->letter_button, FALSE);
      gtk_widget_set_visible (self->handover_button, FALSE);
      return;
    }
  row = shelter_referral_entry_get_row (self->entry);
  outgoing = g_strcmp0 (row->direction, "outgoing") == 0;
  may_refer = shelter_session_may (self->session, SHELTER_PERMISSION_REFER);
  next = may_refer ? next_step (row) : STEP_NONE;
  gtk_widget_set_visible (self->letter_button, outgoing);
  gtk_widget_set_visible (self->handover_button,
                          outgoing && g_strcmp0 (row->status, "completed") == 0);
  gtk_window_set_title (GTK_WINDOW (self), outgoing ? _("Outgoing Referral") : _("Incoming Referral"));
  adw_window_title_set_title (self->window_title,
                              outgoing ? _("Outgoing Referral") : _("Incoming Referral"));

  build_summary (self, row);

  if (outgoing)
    {
      /* (a) and (b) */
      group = add_group (self, _("(a–b) Assessment and the Person’s Opinion"),
                         _("The risks and vulnerabilities assessed, and what the person wants."));
      add_date_info (group, _("Assessed on"), row->assessed_on);
      add_info (group, _("Risk level"), row->risk_level ? risk_label (row->risk_level) : NULL);
      add_info (group, _("What was assessed"), row->risk_assessment);
      add_info (group, _("The person’s opinion"), row->person_opinion);
      if (next == STEP_ASSESSMENT)
        {
          const char *labels[] = { _("Low"), _("Medium"), _("High"), NULL };

          self->step = next;
          add_date_field (self, group, _("Assessed On"));
          self->choice_row = add_choice (group, _("Risk Level"), labels);
          self->choice_codes = risk_codes;
          add_entry (self, group, _("What was assessed"), NULL, TRUE);
          add_entry (self, group, _("The person’s opinion"), NULL, TRUE);
          add_record_button (group, _("_Record Assessment"), G_CALLBACK (record_clicked_cb), self);
        }
      else if (row->assessed_on == NULL)
        add_nothing (group);

      /* (c) */
      group = add_group (self, _("(c) The Agency’s Offer"),
                         _("What the receiving agency offers, and the day it agreed to receive the person."));
      add_date_info (group, _("Agreed on"), row->agency_agreed_on);
      add_info (group, _("What the agency offers"), row->agency_offer);
      if (next == STEP_OFFER)
        {
          self->step = next;
          add_date_field (self, group, _("Agreed On"));
          add_entry (self, group, _("What the agency offers"), NULL, TRUE);
          add_record_button (group, _("_Record the Agency’s Offer"), G_CALLBACK (record_clicked_cb), self);
        }
      else if (row->agency_agreed_on == NULL)
        add_nothing (group);

      /* (d) and (e) */
      group = add_group (self, _("(d–e) Decision and Consent"),
                         _("The person’s informed decision, who consented, and the information the consent covers. Only that information is printed on the letter."));
      add_date_info (group, _("Decided on"), row->decided_on);
      if (row->decision != NULL)
        add_info (group, _("Decision"), g_str_equal (row->decision, "agrees")
                                        ? _("Agrees to the referral") : _("Refuses the referral"));
      if (row->consent_by != NULL)
        add_info (group, _("Consent given by"),
                  g_str_equal (row->consent_by, "guardian") ? row->consent_guardian
                                                            : _("The person"));
      if (row->legal_ground != NULL)
        {
          g_autofree char *ground = g_strdup_printf ("%s (%s)", row->legal_ground,
                                                     row->legal_ground_by);

          add_info (group, _("Legal ground"), ground);
        }
      if (row->shared_fields != NULL && row->shared_fields[0] != NULL)
        {
          g_autoptr(GString) fields = g_string_new (NULL);

          for (guint i = 0; row->shared_fields[i] != NULL; i++)
            g_string_append_printf (fields, "%s%s", i > 0 ? ", " : "",
                                    shelter_referral_shared_field_label (row->shared_fields[i]));
          add_info (group, _("Information shared"), fields->str);
        }
      add_info (group, _("Health summary"), row->health_summary);
      add_info (group, _("Case summary"), row->case_summary);
      if (next == STEP_DECISION)
        {
          const char *decisions[] = { _("Agrees to the referral"), _("Refuses the referral"), NULL };
          const char *consenters[] = { _("The person"), _("A guardian"), NULL };
          GtkWidget *label;

          self->step = next;
          add_date_field (self, group, _("Decided On"));
          self->choice_row = add_choice (group, _("Decision"), decisions);
          self->choice_codes = decision_codes;
          self->consent_row = add_choice (group, _("Consent Given By"), consenters);
          self->guardian_row = add_entry (self, group, _("Guardian"), NULL, TRUE);
          label = gtk_label_new (_("Information the consent covers"));
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_margin_top (label, 12);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_widget_add_css_class (label, "heading");
          adw_preferences_group_add (group, label);
          add_shared_checks (self, group, self->checks, NULL);
          add_entry (self, group, _("Health summary"), NULL, TRUE);
          add_entry (self, group, _("Case summary"), NULL, TRUE);
          add_record_button (group, _("_Record Decision and Consent"), G_CALLBACK (record_clicked_cb), self);
        }
      else if (row->decided_on == NULL)
        add_nothing (group);
      if (g_strcmp0 (row->status, "draft") == 0 && row->decided_on != NULL &&
          (g_strcmp0 (row->decision, "agrees") != 0 || row->consent_by == NULL) &&
          shelter_session_may (self->session, SHELTER_PERMISSION_OVERRIDE_REFERRAL))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Legal Ground…"));

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Record Legal Ground…"), -1);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_signal_connect_swapped (button, "clicked", G_CALLBACK (ground_clicked_cb), self);
          adw_preferences_group_set_header_suffix (group, button);
        }
    }

  /* Sending */
  group = add_group (self, outgoing ? _("Sending") : _("Received"),
                     _("The receiving side answers within 1 working day and reports a first result within 5."));
  add_date_info (group, outgoing ? _("Sent on") : _("Received on"), row->sent_on);
  add_info (group, _("Sent by"), outgoing ? row->sent_by : NULL);
  add_date_info (group, _("Answer due"), shelter_referral_entry_get_answer_due (self->entry));
  add_date_info (group, _("First result due"), shelter_referral_entry_get_result_due (self->entry));
  if (next == STEP_SEND)
    {
      self->step = next;
      add_date_field (self, group, _("Sent On"));
      add_record_button (group, _("_Send"), G_CALLBACK (record_clicked_cb), self);
    }
  else if (row->sent_on == NULL)
    add_nothing (group);

  /* The answer */
  group = add_group (self, _("Answer"), NULL);
  add_date_info (group, _("Answered on"), row->answered_on);
  if (row->answered_on != NULL)
    add_info (group, _("Answer"), row->decline_reason != NULL ? _("Declined") : _("Accepted"));
  add_info (group, _("Reason for declining"), row->decline_reason);
  if (next == STEP_ANSWER)
    {
      const char *answers[] = { _("Accepted"), _("Declined"), NULL };

      self->step = next;
      add_date_field (self, group, _("Answered On"));
      self->choice_row = add_choice (group, _("Answer"), answers);
      self->choice_codes = answer_codes;
      add_entry (self, group, _("Reason for declining"), NULL, TRUE);
      add_record_button (group, _("_Record Answer"), G_CALLBACK (record_clicked_cb), self);
    }
  else if (row->answered_on == NULL)
    add_nothing (group);

  /* (g) */
  if (outgoing)
    {
      group = add_group (self, _("(g) Departure"),
                         _("A person at high risk goes escorted; a child only with a parent or legal guardian."));
      add_date_info (group, _("Left on"), row->departed_on);
      if (row->departure_mode != NULL)
        add_info (group, _("How"), g_str_equal (row->departure_mode, "escorted")
                                   ? _("Escorted") : _("Alone, with papers and allowance"));
      add_info (group, _("Escort"), row->escort);
      add_info (group, _("Parent or legal guardian"), row->guardian);
      if (row->departed_on != NULL && row->allowance_dong >= 0)
        {
          g_autofree char *money = shelter_text_format_money (row->allowance_dong);

          add_info (group, _("Allowance"), money);
        }
      if (next == STEP_DEPARTURE)
        {
          const char *modes[] = { _("Alone, with papers and allowance"), _("Escorted"), NULL };

          self->step = next;
          add_date_field (self, group, _("Left On"));
          self->choice_row = add_choice (group, _("How"), modes);
          self->choice_codes = mode_codes;
          if (g_strcmp0 (row->risk_level, "high") == 0)
            adw_combo_row_set_selected (self->choice_row, 1);
          add_entry (self, group, _("Escort"), NULL, TRUE);
          self->guardian_row = add_entry (self, group, _("Parent or legal guardian"), NULL, TRUE);
          add_entry (self, group, _("Allowance (đồng)"), NULL, TRUE);
          add_record_button (group, _("_Record Departure"), G_CALLBACK (record_clicked_cb), self);
        }
      else if (row->departed_on == NULL)
        add_nothing (group);
    }

  /* The first result */
  group = add_group (self, _("First Result"), NULL);
  add_date_info (group, _("Reported on"), row->result_on);
  add_info (group, _("First result"), row->result_note);
  if (next == STEP_RESULT)
    {
      self->step = next;
      add_date_field (self, group, _("Reported On"));
      add_entry (self, group, _("First result"), NULL, TRUE);
      add_record_button (group, _("_Record First Result"), G_CALLBACK (record_clicked_cb), self);
    }
  else if (row->result_on == NULL)
    add_nothing (group);

  /* (h) */
  group = add_group (self, _("(h) Handover"), _("What was handed over, and to whom."));
  add_date_info (group, _("Completed on"), row->completed_on);
  add_info (group, _("Handover record"), row->handover_note);
  if (next == STEP_COMPLETE)
    {
      self->step = next;
      add_date_field (self, group, _("Completed On"));
      add_entry (self, group, _("Handover record"), NULL, TRUE);
      add_record_button (group, _("_Complete with Handover"), G_CALLBACK (record_clicked_cb), self);
    }
  else if (row->completed_on == NULL)
    add_nothing (group);

  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
  if (self->date_row != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), self->date_row);
}

ShelterReferralDialog *
shelter_referral_dialog_new (ShelterSession *session,
                             gint64          referral_id)
{
  ShelterReferralDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_REFERRAL_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->referral_id = referral_id;
  shelter_referral_dialog_build (self);
  return self;
}

static void
shelter_referral_dialog_dispose (GObject *object)
{
  ShelterReferralDialog *self = SHELTER_REFERRAL_DIALOG (object);

  _shelter_ui_chooser_close (&self->chooser);
  g_clear_object (&self->session);
  g_clear_object (&self->entry);
  G_OBJECT_CLASS (shelter_referral_dialog_parent_class)->dispose (object);
}

static void
shelter_referral_dialog_finalize (GObject *object)
{
  ShelterReferralDialog *self = SHELTER_REFERRAL_DIALOG (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->text_rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (shelter_referral_dialog_parent_class)->finalize (object);
}

static void
shelter_referral_dialog_class_init (ShelterReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_referral_dialog_dispose;
  object_class->finalize = shelter_referral_dialog_finalize;

  /* A step was recorded: the lists showing the referral read it again. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralDialog, letter_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralDialog, handover_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, letter_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, handover_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_referral_dialog_init (ShelterReferralDialog *self)
{
  self->groups = g_ptr_array_new ();
  self->text_rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
