/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-assessment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-assessment-dialog.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterAssessmentDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  gint64               stay_id;
  AdwComboRow         *level_rows[SHELTER_N_NEED_AREAS];
  AdwEntryRow         *note_rows[SHELTER_N_NEED_AREAS];

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  AdwEntryRow         *date_row;
  AdwPreferencesGroup *areas_group;
};

G_DEFINE_FINAL_TYPE (ShelterAssessmentDialog, shelter_assessment_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void shelter_assessment_dialog_save (ShelterAssessmentDialog *self);

static void
row_changed_cb (ShelterAssessmentDialog *self,
                GtkEditable             *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterAssessmentDialog *self,
                  AdwEntryRow             *row)
{
  shelter_assessment_dialog_save (self);
}

static void
save_clicked_cb (ShelterAssessmentDialog *self,
                 GtkButton               *button)
{
  shelter_assessment_dialog_save (self);
}

static void
show_error (ShelterAssessmentDialog *self,
            const GError            *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_ASSESSMENT_DATE)
    row = GTK_WIDGET (self->date_row);
  else if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_ASSESSMENT_AREAS)
    {
      /* The message starts with the area's label when one area is at fault; otherwise the
       * first area is where to start. */
      row = GTK_WIDGET (self->level_rows[0]);
      for (guint i = 0; i < SHELTER_N_NEED_AREAS; i++)
        if (g_str_has_prefix (error->message,
                              shelter_enum_label (&shelter_enum_need_area,
                                                  shelter_enum_need_area.values[i].code)))
          row = GTK_WIDGET (self->level_rows[i]);
    }
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->error_label, NULL, -1);
      gtk_widget_grab_focus (row);
    }
}

static void
shelter_assessment_dialog_save (ShelterAssessmentDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *day = NULL;
  ShelterNeedInput needs[SHELTER_N_NEED_AREAS];
  const char *typed;

  _shelter_ui_set_error (GTK_WIDGET (self->date_row), FALSE);
  for (guint i = 0; i < SHELTER_N_NEED_AREAS; i++)
    _shelter_ui_set_error (GTK_WIDGET (self->level_rows[i]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  typed = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  day = _shelter_ui_parse_day (typed);
  if (day == NULL)
    day = g_strdup (typed);
  for (guint i = 0; i < SHELTER_N_NEED_AREAS; i++)
    {
      guint level = adw_combo_row_get_selected (self->level_rows[i]);

      needs[i].area = shelter_enum_need_area.values[i].code;
      needs[i].level = level < shelter_enum_need_level.n_values
                       ? shelter_enum_need_level.values[level].code : "none";
      needs[i].note = gtk_editable_get_text (GTK_EDITABLE (self->note_rows[i]));
    }
  if (shelter_support_plan_assess (self->session, self->stay_id, day, needs,
                                   SHELTER_N_NEED_AREAS, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
shelter_assessment_dialog_dispose (GObject *object)
{
  ShelterAssessmentDialog *self = SHELTER_ASSESSMENT_DIALOG (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (shelter_assessment_dialog_parent_class)->dispose (object);
}

static void
shelter_assessment_dialog_class_init (ShelterAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_assessment_dialog_dispose;

  /* The assessment was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAssessmentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterAssessmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterAssessmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAssessmentDialog, areas_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_assessment_dialog_init (ShelterAssessmentDialog *self)
{
  g_autoptr (GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < shelter_enum_need_level.n_values; i++)
    gtk_string_list_append (levels, _(shelter_enum_need_level.values[i].label));
  for (guint i = 0; i < SHELTER_N_NEED_AREAS; i++)
    {
      const char *area = _(shelter_enum_need_area.values[i].label);
      g_autofree char *note_name = NULL;
      GtkWidget *level = adw_combo_row_new ();
      GtkWidget *note = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (level), area);
      adw_combo_row_set_model (ADW_COMBO_ROW (level), G_LIST_MODEL (levels));
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      area, -1);
      /* Translators: the note on one area of the needs assessment: "Note on Health". */
      note_name = g_strdup_printf (_("Note on %s"), area);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), note_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      note_name, -1);
      g_signal_connect_object (note, "entry-activated", G_CALLBACK (row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->areas_group, level);
      adw_preferences_group_add (self->areas_group, note);
      self->level_rows[i] = ADW_COMBO_ROW (level);
      self->note_rows[i] = ADW_ENTRY_ROW (note);
    }
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}

ShelterAssessmentDialog *
shelter_assessment_dialog_new (ShelterSession             *session,
                               gint64                      stay_id,
                               const char                 *name,
                               const ShelterAssessmentRow *previous)
{
  ShelterAssessmentDialog *self;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_ASSESSMENT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;
  adw_window_title_set_subtitle (self->window_title, name);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  for (guint i = 0; previous != NULL && i < previous->areas->len; i++)
    {
      const ShelterAssessmentAreaRow *area = g_ptr_array_index (previous->areas, i);

      for (guint a = 0; a < SHELTER_N_NEED_AREAS; a++)
        {
          if (g_strcmp0 (shelter_enum_need_area.values[a].code, area->area) != 0)
            continue;
          for (guint l = 0; l < shelter_enum_need_level.n_values; l++)
            if (g_strcmp0 (shelter_enum_need_level.values[l].code, area->level) == 0)
              adw_combo_row_set_selected (self->level_rows[a], l);
          if (area->note != NULL)
            gtk_editable_set_text (GTK_EDITABLE (self->note_rows[a]), area->note);
        }
    }
  return self;
}
