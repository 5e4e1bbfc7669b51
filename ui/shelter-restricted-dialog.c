/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-restricted-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-restricted-dialog.h"
#include "shelter-services.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

/* The fields in the order the dialog offers them. */
static const char * const fields[] = {
  SHELTER_RESTRICTED_HIV_STATUS,
  SHELTER_RESTRICTED_PREGNANCY,
};

struct _ShelterRestrictedDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          person_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *field_row;
  AdwComboRow    *value_row;
  AdwEntryRow    *date_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterRestrictedDialog, shelter_restricted_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_field (ShelterRestrictedDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->field_row);

  return selected < G_N_ELEMENTS (fields) ? fields[selected] : fields[0];
}

/* The options of the field selected, @value selected among them (the first when NULL or
 * not one of them). */
static void
shelter_restricted_dialog_fill_values (ShelterRestrictedDialog *self,
                                       const char              *value)
{
  const ShelterEnum *values = shelter_services_restricted_values (selected_field (self));
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < values->n_values; i++)
    {
      gtk_string_list_append (labels, _(values->values[i].label));
      if (g_strcmp0 (values->values[i].code, value) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->value_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->value_row, selected);
}

static void
shelter_restricted_dialog_clear_errors (ShelterRestrictedDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->field_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->value_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->date_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_restricted_dialog_show_error (ShelterRestrictedDialog *self,
                                      const GError            *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_RESTRICTED_VALUE:
          row = GTK_WIDGET (self->value_row);
          break;
        case SHELTER_FIELD_SERVICE_DATE:
          row = GTK_WIDGET (self->date_row);
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
shelter_restricted_dialog_save (ShelterRestrictedDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *day = NULL;
  const char *field = selected_field (self);
  const ShelterEnum *values = shelter_services_restricted_values (field);
  guint selected = adw_combo_row_get_selected (self->value_row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  shelter_restricted_dialog_clear_errors (self);

  /* As typed when it is no date: app/ says what is wrong with it. */
  day = _shelter_ui_parse_day (text);
  if (day == NULL)
    day = g_strdup (text);

  if (!shelter_services_set_restricted (self->session, self->person_id, field,
                                        selected < values->n_values
                                        ? values->values[selected].code : NULL,
                                        day, &error))
    {
      shelter_restricted_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterRestrictedDialog *self,
                 GtkButton               *button)
{
  shelter_restricted_dialog_save (self);
}

static void
field_selected_cb (ShelterRestrictedDialog *self,
                   GParamSpec              *pspec,
                   AdwComboRow             *row)
{
  shelter_restricted_dialog_fill_values (self, NULL);
  shelter_restricted_dialog_clear_errors (self);
}

static void
value_selected_cb (ShelterRestrictedDialog *self,
                   GParamSpec              *pspec,
                   AdwComboRow             *row)
{
  _shelter_ui_set_error (GTK_WIDGET (row), FALSE);
}

static void
row_changed_cb (ShelterRestrictedDialog *self,
                GtkEditable             *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterRestrictedDialog *self,
                  AdwEntryRow             *row)
{
  shelter_restricted_dialog_save (self);
}

ShelterRestrictedDialog *
shelter_restricted_dialog_new (ShelterSession *session,
                               gint64          person_id,
                               const char     *name,
                               const char     *field,
                               const char     *current_value)
{
  ShelterRestrictedDialog *self;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_RESTRICTED_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->person_id = person_id;

  adw_window_title_set_subtitle (self->window_title, name);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i], field) == 0)
      adw_combo_row_set_selected (self->field_row, i);
  shelter_restricted_dialog_fill_values (self, current_value);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->value_row));

  return self;
}

static void
shelter_restricted_dialog_dispose (GObject *object)
{
  ShelterRestrictedDialog *self = SHELTER_RESTRICTED_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_restricted_dialog_parent_class)->dispose (object);
}

static void
shelter_restricted_dialog_class_init (ShelterRestrictedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_restricted_dialog_dispose;

  /* The value was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/"
                                               "shelter-restricted-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRestrictedDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterRestrictedDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRestrictedDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRestrictedDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRestrictedDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_restricted_dialog_init (ShelterRestrictedDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  gtk_string_list_append (labels, _("HIV Status"));
  gtk_string_list_append (labels, _("Pregnancy"));
  /* Filled before the signal is connected: the values follow the field from now on. */
  g_signal_handlers_block_by_func (self->field_row, field_selected_cb, self);
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (labels));
  g_signal_handlers_unblock_by_func (self->field_row, field_selected_cb, self);
  shelter_restricted_dialog_fill_values (self, NULL);
}
