/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-safety-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-notifier.h"
#include "shelter-safety.h"
#include "shelter-safety-dialog.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

/* One field of a form: the row, and the app/ field code it shows refusals for. */
typedef struct
{
  GtkWidget    *row;
  ShelterField  field;
} Field;

struct _ShelterSafetyDialog
{
  AdwWindow                parent_instance;

  ShelterSession          *session;
  ShelterSafetyDialogKind  kind;
  gint64                   stay_id;
  gint64                   incident_id;
  char                    *case_code;

  AdwPreferencesGroup     *group;
  GtkLabel                *error_label;
  GArray                  *fields;      /* Field */
  /* The rows, by what they hold */
  AdwComboRow             *level_row;   /* RISK */
  AdwComboRow             *unit_row;    /* POLICE */
  AdwComboRow             *means_row;   /* POLICE */
  AdwEntryRow             *day_row;     /* RISK, INCIDENT: the day; POLICE: day and time */
  AdwEntryRow             *text_rows[4];
  AdwEntryRow             *review_row;  /* RISK */
};

G_DEFINE_FINAL_TYPE (ShelterSafetyDialog, shelter_safety_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static void
clear_errors (ShelterSafetyDialog *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    _shelter_ui_set_error (g_array_index (self->fields, Field, i).row, FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
show_error (ShelterSafetyDialog *self,
            const GError        *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    for (guint i = 0; i < self->fields->len && row == NULL; i++)
      if ((gint) g_array_index (self->fields, Field, i).field == error->code)
        row = g_array_index (self->fields, Field, i).row;
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

static const char *
selected_code (AdwComboRow       *row,
               const ShelterEnum *values)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < values->n_values ? values->values[selected].code : NULL;
}

/* As typed when it is no date: app/ says what is wrong with it. */
static char *
day_of (AdwEntryRow *row)
{
  char *day = _shelter_ui_parse_day (text_of (row));

  return day != NULL ? day : g_strdup (text_of (row));
}

void
shelter_safety_notify_police_informed (const char *case_code,
                                       const char *unit)
{
  const char *title;
  g_autofree char *body = NULL;

  if (g_strcmp0 (unit, "border_guard") == 0)
    {
      title = _("Border Guard Informed");
      body = g_strdup_printf (_("The border guard was informed about case %s."), case_code);
    }
  else
    {
      title = _("Police Informed");
      body = g_strdup_printf (_("The police were informed about case %s."), case_code);
    }
  shelter_notifier_send (shelter_notifier_get_default (), title, body, TRUE, 0, NULL);
}

static void
save (ShelterSafetyDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  clear_errors (self);
  switch (self->kind)
    {
    case SHELTER_SAFETY_DIALOG_RISK:
      {
        g_autofree char *assessed = day_of (self->day_row);
        g_autofree char *review = day_of (self->review_row);
        ShelterRiskInput input = {
          self->stay_id, assessed, selected_code (self->level_row, &shelter_enum_risk_level),
          text_of (self->text_rows[0]), text_of (self->text_rows[1]), review,
        };
        gboolean protected = FALSE;

        if (shelter_safety_assess_risk (self->session, &input, &protected, &error) == 0)
          break;
        message = g_strdup (protected ? _("Risk assessed. The resident is now under high "
                                          "protection: only those who may see protected "
                                          "identities will know who they are.")
                                      : _("Risk assessed"));
      }
      break;
    case SHELTER_SAFETY_DIALOG_INCIDENT:
      {
        g_autofree char *day = day_of (self->day_row);
        ShelterIncidentInput input = {
          self->stay_id, day, text_of (self->text_rows[0]), text_of (self->text_rows[1]),
          text_of (self->text_rows[2]),
        };

        if (shelter_safety_record_incident (self->session, &input, &error) == 0)
          break;
        message = g_strdup (_("Incident recorded"));
      }
      break;
    case SHELTER_SAFETY_DIALOG_POLICE:
    default:
      {
        g_autofree char *when = _shelter_ui_parse_time (text_of (self->day_row));
        const char *unit = selected_code (self->unit_row, &shelter_enum_police_unit);
        ShelterPoliceInput input = {
          self->stay_id, self->incident_id,
          when != NULL ? when : text_of (self->day_row), unit,
          text_of (self->text_rows[0]), selected_code (self->means_row,
                                                       &shelter_enum_police_means),
          text_of (self->text_rows[1]), text_of (self->text_rows[2]),
        };

        if (shelter_safety_inform_police (self->session, &input, &error) == 0)
          break;
        /* The managers on this computer see it at once; the reminders tell the others. */
        shelter_safety_notify_police_informed (self->case_code, unit);
        message = g_strdup (g_strcmp0 (unit, "border_guard") == 0
                            ? _("Border guard informed") : _("Police informed"));
      }
      break;
    }
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_changed_cb (GtkEditable *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterSafetyDialog *self)
{
  save (self);
}

static AdwEntryRow *
add_entry (ShelterSafetyDialog *self,
           const char          *title,
           ShelterField         field,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();
  Field f = { row, field };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), NULL);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (row_activated_cb), self);
  adw_preferences_group_add (self->group, row);
  g_array_append_val (self->fields, f);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo (ShelterSafetyDialog *self,
           const char          *title,
           ShelterField         field,
           const ShelterEnum   *values,
           guint                selected)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  Field f = { row, field };

  for (guint i = 0; i < values->n_values; i++)
    gtk_string_list_append (labels, _(values->values[i].label));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_preferences_group_add (self->group, row);
  g_array_append_val (self->fields, f);
  return ADW_COMBO_ROW (row);
}

static void
save_clicked_cb (ShelterSafetyDialog *self)
{
  save (self);
}

static GtkWidget *
new_header_button (const char *mnemonic,
                   const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return button;
}

ShelterSafetyDialog *
shelter_safety_dialog_new (ShelterSession           *session,
                           ShelterSafetyDialogKind   kind,
                           gint64                    stay_id,
                           const char               *name,
                           const char               *case_code,
                           gint64                    incident_id)
{
  static const char *titles[] = {
    N_("Assess the Risk"), N_("Record an Incident"), N_("Inform the Police"),
  };
  ShelterSafetyDialog *self;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autofree char *today = NULL;
  g_autofree char *review = NULL;
  g_autofree char *now_text = NULL;
  GtkWidget *box, *header, *title, *cancel, *save_button, *clamp, *content, *hint;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_SAFETY_DIALOG, "modal", TRUE, "destroy-with-parent", TRUE,
                       "default-width", 520, "title", _(titles[kind]), NULL);
  self->session = g_object_ref (session);
  self->kind = kind;
  self->stay_id = stay_id;
  self->incident_id = incident_id;
  self->case_code = g_strdup (case_code);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (_(titles[kind]), name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  cancel = new_header_button (_("_Cancel"), _("Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save_button = new_header_button (_("_Save"), _("Save"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->group));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);

  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  switch (kind)
    {
    case SHELTER_SAFETY_DIALOG_RISK:
      later = g_date_time_add_months (now, 1);
      review = g_date_time_format (later, "%d/%m/%Y");
      self->level_row = add_combo (self, _("Risk Level"), SHELTER_FIELD_RISK_LEVEL,
                                   &shelter_enum_risk_level, 1);
      self->day_row = add_entry (self, _("Assessed On"), SHELTER_FIELD_RISK_DATE, today);
      self->text_rows[0] = add_entry (self, _("Reasons"), SHELTER_FIELD_RISK_REASONS, NULL);
      self->text_rows[1] = add_entry (self, _("Protective Measures"),
                                      SHELTER_FIELD_RISK_MEASURES, NULL);
      self->review_row = add_entry (self, _("Review On"), SHELTER_FIELD_RISK_REVIEW_DATE,
                                    review);
      adw_preferences_group_set_description (self->group,
                                             _("A high risk puts the resident under high "
                                               "protection at once. A lower risk later does "
                                               "not lift it: a manager decides that on the "
                                               "resident’s record."));
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->level_row));
      break;
    case SHELTER_SAFETY_DIALOG_INCIDENT:
      self->day_row = add_entry (self, _("Date"), SHELTER_FIELD_INCIDENT_DATE, today);
      self->text_rows[0] = add_entry (self, _("What Happened"), SHELTER_FIELD_INCIDENT_WHAT,
                                      NULL);
      self->text_rows[1] = add_entry (self, _("Who Was Involved"),
                                      SHELTER_FIELD_INCIDENT_INVOLVED, NULL);
      self->text_rows[2] = add_entry (self, _("Actions Taken"), SHELTER_FIELD_INCIDENT_ACTIONS,
                                      NULL);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_rows[0]));
      break;
    case SHELTER_SAFETY_DIALOG_POLICE:
    default:
      now_text = _shelter_ui_format_now (session);
      self->day_row = add_entry (self, _("When"), SHELTER_FIELD_POLICE_TIME, now_text);
      self->unit_row = add_combo (self, _("Informed"), SHELTER_FIELD_POLICE_UNIT,
                                  &shelter_enum_police_unit, 0);
      self->text_rows[0] = add_entry (self, _("Officer"), SHELTER_FIELD_POLICE_OFFICER, NULL);
      self->means_row = add_combo (self, _("How"), SHELTER_FIELD_POLICE_MEANS,
                                   &shelter_enum_police_means, 0);
      self->text_rows[1] = add_entry (self, _("Their Reference"),
                                      SHELTER_FIELD_POLICE_REFERENCE, NULL);
      self->text_rows[2] = add_entry (self, _("What Was Said or Done"),
                                      SHELTER_FIELD_POLICE_NOTE, NULL);
      hint = gtk_label_new (_("Once saved, a notification tells the managers signed in on "
                              "this computer, by case code only."));
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (content), hint);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_rows[0]));
      break;
    }
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
  return self;
}

static void
shelter_safety_dialog_dispose (GObject *object)
{
  ShelterSafetyDialog *self = SHELTER_SAFETY_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->case_code, g_free);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (shelter_safety_dialog_parent_class)->dispose (object);
}

static void
shelter_safety_dialog_class_init (ShelterSafetyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shelter_safety_dialog_dispose;

  /* Recorded; the argument is the message for a toast. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_safety_dialog_init (ShelterSafetyDialog *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
}
