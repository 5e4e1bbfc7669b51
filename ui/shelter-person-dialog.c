/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-db.h"
#include "shelter-person-dialog.h"
#include "shelter-person-form.h"
#include "shelter-ui-private.h"

struct _ShelterPersonDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  ShelterPersonForm   *form;
  /* Whether something was typed since the dialog opened. */
  gboolean             dirty;
  /* Closing without asking: saved, or the changes discarded. */
  gboolean             may_close;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkBox              *content_box;
  GtkWidget           *warnings_group;
  GtkListBox          *warnings_list;
  GtkWidget           *stale_group;
  GtkListBox          *stale_list;
};

G_DEFINE_FINAL_TYPE (ShelterPersonDialog, shelter_person_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_person_dialog_update_warnings (ShelterPersonDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GPtrArray) warnings = NULL;

  /* Checked as it would be stored (the ID number without its spaces); an error is shown
   * only when saving. */
  shelter_person_validate (person, now, NULL);
  warnings = shelter_person_warnings (person);
  _shelter_ui_show_warnings (self->warnings_group, self->warnings_list, warnings);
}

static void
form_changed_cb (ShelterPersonDialog *self,
                 ShelterPersonForm   *form)
{
  self->dirty = TRUE;
  shelter_person_dialog_update_warnings (self);
}

static void
shelter_person_dialog_show_stale (ShelterPersonDialog *self,
                                  ShelterPerson       *current)
{
  g_autoptr(GPtrArray) differences = shelter_person_form_describe_differences (self->form,
                                                                               current);

  _shelter_ui_clear_list_box (self->stale_list);
  for (guint i = 0; i + 1 < differences->len; i += 2)
    gtk_list_box_append (self->stale_list,
                         _shelter_ui_new_text_row (g_ptr_array_index (differences, i),
                                                   g_ptr_array_index (differences, i + 1)));
  if (differences->len == 0)
    gtk_list_box_append (self->stale_list,
                         _shelter_ui_new_text_row (_("The same as what you typed"), NULL));
  gtk_widget_set_visible (self->stale_group, TRUE);

  /* The next save is a deliberate overwrite of what is stored now. */
  shelter_person_form_set_base_version (self->form, shelter_person_get_version (current));
}

static void
shelter_person_dialog_save (ShelterPersonDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(ShelterPerson) current = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (self->stale_group, FALSE);

  if (!shelter_person_save (self->session, person, &current, &error))
    {
      shelter_person_form_show_error (self->form, error);
      if (g_error_matches (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE) && current != NULL)
        shelter_person_dialog_show_stale (self, current);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, person);
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterPersonDialog *self,
                 GtkButton           *button)
{
  shelter_person_dialog_save (self);
}

static void
form_activate_cb (ShelterPersonDialog *self,
                  ShelterPersonForm   *form)
{
  shelter_person_dialog_save (self);
}

static void
discard_response_cb (ShelterPersonDialog *self,
                     const char          *response,
                     AdwMessageDialog    *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
shelter_person_dialog_close_request (GtkWindow *window)
{
  ShelterPersonDialog *self = SHELTER_PERSON_DIALOG (window);
  GtkWidget *dialog;

  if (self->may_close || !self->dirty)
    return GTK_WINDOW_CLASS (shelter_person_dialog_parent_class)->close_request (window);

  dialog = _shelter_ui_new_discard_dialog (window);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

ShelterPersonDialog *
shelter_person_dialog_new (ShelterSession *session,
                           ShelterPerson  *person)
{
  ShelterPersonDialog *self;
  g_autofree char *full_name = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);

  self = g_object_new (SHELTER_TYPE_PERSON_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->form = shelter_person_form_new (session);
  shelter_person_form_set_person (self->form, person);
  gtk_box_prepend (self->content_box, GTK_WIDGET (self->form));

  full_name = shelter_person_dup_full_name (person);
  adw_window_title_set_subtitle (self->window_title,
                                 full_name != NULL && *full_name != '\0'
                                 ? full_name : shelter_person_get_case_code (person));

  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "activate", G_CALLBACK (form_activate_cb), self,
                           G_CONNECT_SWAPPED);
  shelter_person_dialog_update_warnings (self);
  shelter_person_form_focus (self->form);

  return self;
}

static void
shelter_person_dialog_dispose (GObject *object)
{
  ShelterPersonDialog *self = SHELTER_PERSON_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_person_dialog_parent_class)->dispose (object);
}

static void
shelter_person_dialog_class_init (ShelterPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_person_dialog_dispose;
  window_class->close_request = shelter_person_dialog_close_request;

  /* The person as saved (with its new version). */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SHELTER_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, stale_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPersonDialog, stale_list);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_person_dialog_init (ShelterPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
