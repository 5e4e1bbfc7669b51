/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-extend-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-capacity.h"
#include "shelter-extend-dialog.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterExtendDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          stay_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwEntryRow    *until_row;
  AdwEntryRow    *decision_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterExtendDialog, shelter_extend_dialog, ADW_TYPE_WINDOW)

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
shelter_extend_dialog_clear_errors (ShelterExtendDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->until_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->decision_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_extend_dialog_show_error (ShelterExtendDialog *self,
                                  const GError        *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_DISCHARGED_AT:
          row = GTK_WIDGET (self->until_row);
          break;
        case SHELTER_FIELD_OVERRIDE_REASON:
          row = GTK_WIDGET (self->decision_row);
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
shelter_extend_dialog_save (ShelterExtendDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;

  shelter_extend_dialog_clear_errors (self);

  /* As typed when it is no date: app/ says what is wrong with it. */
  until = _shelter_ui_parse_day (get_text (self->until_row));
  if (until == NULL)
    until = g_strdup (get_text (self->until_row));

  if (!shelter_stay_extend (self->session, self->stay_id, until, get_text (self->decision_row),
                            &error))
    {
      shelter_extend_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, until);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterExtendDialog *self,
                 GtkButton           *button)
{
  shelter_extend_dialog_save (self);
}

static void
row_changed_cb (ShelterExtendDialog *self,
                GtkEditable         *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterExtendDialog *self,
                  AdwEntryRow         *row)
{
  if (row == self->until_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->decision_row));
  else
    shelter_extend_dialog_save (self);
}

ShelterExtendDialog *
shelter_extend_dialog_new (ShelterSession *session,
                           gint64          stay_id,
                           const char     *name)
{
  ShelterExtendDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_EXTEND_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->until_row));

  return self;
}

static void
shelter_extend_dialog_dispose (GObject *object)
{
  ShelterExtendDialog *self = SHELTER_EXTEND_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_extend_dialog_parent_class)->dispose (object);
}

static void
shelter_extend_dialog_class_init (ShelterExtendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_extend_dialog_dispose;

  /* The extension was recorded; the new last day of the stay (YYYY-MM-DD). */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-extend-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterExtendDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterExtendDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterExtendDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterExtendDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_extend_dialog_init (ShelterExtendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
