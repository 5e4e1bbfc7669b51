/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-diet-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-diet-dialog.h"
#include "shelter-meals.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterDietDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          stay_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *diet_row;
  AdwEntryRow    *note_row;
  AdwEntryRow    *allergies_row;
  AdwEntryRow    *from_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterDietDialog, shelter_diet_dialog, ADW_TYPE_WINDOW)

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

static void
shelter_diet_dialog_clear_errors (ShelterDietDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->diet_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->note_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->allergies_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->from_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_diet_dialog_show_error (ShelterDietDialog *self,
                                const GError      *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_DIET_KIND:
          row = GTK_WIDGET (self->diet_row);
          break;
        case SHELTER_FIELD_DIET_NOTE:
          row = GTK_WIDGET (self->note_row);
          break;
        case SHELTER_FIELD_DIET_ALLERGIES:
          row = GTK_WIDGET (self->allergies_row);
          break;
        case SHELTER_FIELD_DIET_FROM:
          row = GTK_WIDGET (self->from_row);
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
shelter_diet_dialog_save (ShelterDietDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  guint selected = adw_combo_row_get_selected (self->diet_row);
  const char *diet = selected < shelter_enum_diet.n_values
                     ? shelter_enum_diet.values[selected].code : NULL;

  shelter_diet_dialog_clear_errors (self);

  /* As typed when it is no date: app/ says what is wrong with it. */
  from = _shelter_ui_parse_day (get_text (self->from_row));
  if (from == NULL)
    from = g_strdup (get_text (self->from_row));

  if (shelter_diet_set (self->session, self->stay_id, diet, get_text (self->note_row),
                        get_text (self->allergies_row), from, &error) == 0)
    {
      shelter_diet_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterDietDialog *self,
                 GtkButton         *button)
{
  shelter_diet_dialog_save (self);
}

static void
row_changed_cb (ShelterDietDialog *self,
                GtkEditable       *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterDietDialog *self,
                  AdwEntryRow       *row)
{
  shelter_diet_dialog_save (self);
}

ShelterDietDialog *
shelter_diet_dialog_new (ShelterSession *session,
                         gint64          stay_id,
                         const char     *name,
                         const char     *current_diet)
{
  ShelterDietDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  int index;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_DIET_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;

  adw_window_title_set_subtitle (self->window_title, name);
  index = shelter_diet_index (current_diet);
  adw_combo_row_set_selected (self->diet_row, index >= 0 ? (guint) index : 0);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), today);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->diet_row));

  return self;
}

static void
shelter_diet_dialog_dispose (GObject *object)
{
  ShelterDietDialog *self = SHELTER_DIET_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_diet_dialog_parent_class)->dispose (object);
}

static void
shelter_diet_dialog_class_init (ShelterDietDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_diet_dialog_dispose;

  /* The diet was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-diet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, diet_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, allergies_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterDietDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_diet_dialog_init (ShelterDietDialog *self)
{
  g_autoptr(GtkStringList) diets = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  for (guint i = 0; i < shelter_enum_diet.n_values; i++)
    gtk_string_list_append (diets, _(shelter_enum_diet.values[i].label));
  adw_combo_row_set_model (self->diet_row, G_LIST_MODEL (diets));
}
