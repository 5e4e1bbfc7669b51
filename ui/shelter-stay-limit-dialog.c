/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stay-limit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-stay-limit-dialog.h"
#include "shelter-stay-limits.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterStayLimitDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;

  /* Template widgets */
  AdwComboRow    *kind_row;
  AdwActionRow   *days_row;
  GtkSpinButton  *days_spin;
  AdwEntryRow    *basis_row;
  AdwEntryRow    *from_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterStayLimitDialog, shelter_stay_limit_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_stay_limit_dialog_clear_errors (ShelterStayLimitDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->days_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->basis_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->from_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_stay_limit_dialog_show_error (ShelterStayLimitDialog *self,
                                      const GError           *error)
{
  GtkWidget *row = NULL;
  GtkWidget *focus = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_STAY_LIMIT_DAYS:
          row = GTK_WIDGET (self->days_row);
          focus = GTK_WIDGET (self->days_spin);
          break;
        case SHELTER_FIELD_STAY_LIMIT_BASIS:
          row = focus = GTK_WIDGET (self->basis_row);
          break;
        case SHELTER_FIELD_STAY_LIMIT_FROM:
          row = focus = GTK_WIDGET (self->from_row);
          break;
        default:
          break;
        }
    }

  _shelter_ui_show_message (self->error_label, error->message);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (focus),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
      gtk_widget_grab_focus (focus);
    }
}

static void
shelter_stay_limit_dialog_save (ShelterStayLimitDialog *self)
{
  const char * const *kinds = shelter_stay_limit_kinds ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  const char *typed;
  guint selected;

  shelter_stay_limit_dialog_clear_errors (self);

  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected >= g_strv_length ((char **) kinds))
    selected = 0;

  /* As typed when it is no date: app/ says what is wrong with it. */
  typed = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  from = _shelter_ui_parse_day (typed);
  if (from == NULL)
    from = g_strdup (typed);

  gtk_spin_button_update (self->days_spin);
  if (shelter_stay_limits_add (self->session, kinds[selected],
                               (guint) gtk_spin_button_get_value_as_int (self->days_spin),
                               gtk_editable_get_text (GTK_EDITABLE (self->basis_row)), from,
                               &error) == 0)
    {
      shelter_stay_limit_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterStayLimitDialog *self,
                 GtkButton              *button)
{
  shelter_stay_limit_dialog_save (self);
}

static void
row_changed_cb (ShelterStayLimitDialog *self,
                GtkEditable            *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
days_changed_cb (ShelterStayLimitDialog *self,
                 GtkSpinButton          *spin)
{
  _shelter_ui_set_error (GTK_WIDGET (self->days_row), FALSE);
}

static void
row_activated_cb (ShelterStayLimitDialog *self,
                  AdwEntryRow            *row)
{
  if (row == self->basis_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->from_row));
  else
    shelter_stay_limit_dialog_save (self);
}

ShelterStayLimitDialog *
shelter_stay_limit_dialog_new (ShelterSession *session,
                               const char     *kind)
{
  const char * const *kinds = shelter_stay_limit_kinds ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  ShelterStayLimitDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_STAY_LIMIT_DIALOG, NULL);
  self->session = g_object_ref (session);

  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (labels, shelter_stay_limit_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  for (guint i = 0; kind != NULL && kinds[i] != NULL; i++)
    if (g_str_equal (kind, kinds[i]))
      adw_combo_row_set_selected (self->kind_row, i);

  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), today);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->days_spin));

  return self;
}

static void
shelter_stay_limit_dialog_dispose (GObject *object)
{
  ShelterStayLimitDialog *self = SHELTER_STAY_LIMIT_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_stay_limit_dialog_parent_class)->dispose (object);
}

static void
shelter_stay_limit_dialog_class_init (ShelterStayLimitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_stay_limit_dialog_dispose;

  /* The limit was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-stay-limit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterStayLimitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_stay_limit_dialog_init (ShelterStayLimitDialog *self)
{
  GtkEditable *basis_text;

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  /* As app/ accepts. */
  basis_text = gtk_editable_get_delegate (GTK_EDITABLE (self->basis_row));
  if (GTK_IS_TEXT (basis_text))
    gtk_text_set_max_length (GTK_TEXT (basis_text), SHELTER_STAY_LIMIT_BASIS_MAX);
}
