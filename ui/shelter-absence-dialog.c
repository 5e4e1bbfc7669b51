/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-absence-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-absence-dialog.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterAbsenceDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          stay_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *kind_row;
  GtkStringList  *kind_list;
  AdwEntryRow    *started_row;
  AdwEntryRow    *return_row;
  AdwEntryRow    *note_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterAbsenceDialog, shelter_absence_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
shelter_absence_dialog_get_kind (ShelterAbsenceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= shelter_enum_absence_kind.n_values)
    return NULL;
  return shelter_enum_absence_kind.values[selected].code;
}

static void
shelter_absence_dialog_clear_errors (ShelterAbsenceDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->started_row),
    GTK_WIDGET (self->return_row), GTK_WIDGET (self->note_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_absence_dialog_show_error (ShelterAbsenceDialog *self,
                                   const GError         *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_ABSENCE_KIND:
          row = GTK_WIDGET (self->kind_row);
          break;
        case SHELTER_FIELD_ABSENCE_START:
          row = GTK_WIDGET (self->started_row);
          break;
        case SHELTER_FIELD_ABSENCE_RETURN:
          row = GTK_WIDGET (self->return_row);
          break;
        case SHELTER_FIELD_ABSENCE_NOTE:
          row = GTK_WIDGET (self->note_row);
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

static void
shelter_absence_dialog_save (ShelterAbsenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *return_on = NULL;

  shelter_absence_dialog_clear_errors (self);

  /* As typed when it is no date: app/ says what is wrong with it. */
  started_at = _shelter_ui_parse_time (get_text (self->started_row));
  if (started_at == NULL)
    started_at = g_strdup (get_text (self->started_row));
  return_on = _shelter_ui_parse_day (get_text (self->return_row));
  if (return_on == NULL && *get_text (self->return_row) != '\0')
    return_on = g_strdup (get_text (self->return_row));

  if (shelter_absence_start (self->session, self->stay_id,
                             shelter_absence_dialog_get_kind (self), started_at, return_on,
                             get_text (self->note_row), &error) == 0)
    {
      shelter_absence_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, return_on);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterAbsenceDialog *self,
                 GtkButton            *button)
{
  shelter_absence_dialog_save (self);
}

static void
row_changed_cb (ShelterAbsenceDialog *self,
                GtkEditable          *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterAbsenceDialog *self,
                  AdwEntryRow          *row)
{
  if (row == self->started_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->return_row));
  else if (row == self->return_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
  else
    shelter_absence_dialog_save (self);
}

ShelterAbsenceDialog *
shelter_absence_dialog_new (ShelterSession *session,
                            gint64          stay_id,
                            const char     *name)
{
  ShelterAbsenceDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_ABSENCE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;

  adw_window_title_set_subtitle (self->window_title, name);
  for (guint i = 0; i < shelter_enum_absence_kind.n_values; i++)
    gtk_string_list_append (self->kind_list,
                            shelter_enum_label (&shelter_enum_absence_kind,
                                                shelter_enum_absence_kind.values[i].code));
  adw_combo_row_set_selected (self->kind_row, 0);

  now = _shelter_ui_format_now (session);
  gtk_editable_set_text (GTK_EDITABLE (self->started_row), now);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));

  return self;
}

static void
shelter_absence_dialog_dispose (GObject *object)
{
  ShelterAbsenceDialog *self = SHELTER_ABSENCE_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_absence_dialog_parent_class)->dispose (object);
}

static void
shelter_absence_dialog_class_init (ShelterAbsenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_absence_dialog_dispose;

  /* The absence was recorded; the day the resident should be back (YYYY-MM-DD). */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-absence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, return_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAbsenceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_absence_dialog_init (ShelterAbsenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
