/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-contact-dialog.h"
#include "shelter-family.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterContactDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          stay_id;
  /* ShelterRelativeRow of the person, in the order of the list after "Choose…". */
  GPtrArray      *relatives;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *relative_row;
  GtkStringList  *relative_list;
  AdwEntryRow    *date_row;
  AdwComboRow    *method_row;
  GtkStringList  *method_list;
  AdwEntryRow    *made_by_row;
  AdwComboRow    *result_row;
  GtkStringList  *result_list;
  AdwEntryRow    *notes_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterContactDialog, shelter_contact_dialog, ADW_TYPE_WINDOW)

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
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= enumeration->n_values)
    return NULL;
  return enumeration->values[selected].code;
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration)
{
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

static gint64
get_relative_id (ShelterContactDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->relative_row);
  ShelterRelativeRow *relative;

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || self->relatives == NULL ||
      selected - 1 >= self->relatives->len)
    return 0;
  relative = g_ptr_array_index (self->relatives, selected - 1);
  return relative->id;
}

static void
clear_errors (ShelterContactDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->relative_row), GTK_WIDGET (self->date_row),
    GTK_WIDGET (self->method_row), GTK_WIDGET (self->made_by_row),
    GTK_WIDGET (self->result_row), GTK_WIDGET (self->notes_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
show_error (ShelterContactDialog *self,
            const GError         *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_CONTACT_RELATIVE:
          row = GTK_WIDGET (self->relative_row);
          break;
        case SHELTER_FIELD_CONTACT_DATE:
          row = GTK_WIDGET (self->date_row);
          break;
        case SHELTER_FIELD_CONTACT_METHOD:
          row = GTK_WIDGET (self->method_row);
          break;
        case SHELTER_FIELD_CONTACT_MADE_BY:
          row = GTK_WIDGET (self->made_by_row);
          break;
        case SHELTER_FIELD_CONTACT_RESULT:
          row = GTK_WIDGET (self->result_row);
          break;
        case SHELTER_FIELD_CONTACT_NOTES:
          row = GTK_WIDGET (self->notes_row);
          break;
        default:
          break;
        }
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CONTACT_FORBIDDEN))
    /* The relative may not be contacted: the message says why. */
    row = GTK_WIDGET (self->relative_row);

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
shelter_contact_dialog_save (ShelterContactDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  ShelterContactInput input = { 0 };

  clear_errors (self);

  /* As typed when it is no date: app/ says what is wrong with it. */
  day = _shelter_ui_parse_day (get_text (self->date_row));
  if (day == NULL)
    day = g_strdup (get_text (self->date_row));

  input.stay_id = self->stay_id;
  input.relative_id = get_relative_id (self);
  input.contacted_on = day;
  input.method = get_enum_code (self->method_row, &shelter_family_contact_method);
  input.made_by = get_text (self->made_by_row);
  input.result = get_enum_code (self->result_row, &shelter_family_contact_result);
  input.notes = get_text (self->notes_row);

  if (shelter_family_record_contact (self->session, &input, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterContactDialog *self,
                 GtkButton            *button)
{
  shelter_contact_dialog_save (self);
}

static void
row_changed_cb (ShelterContactDialog *self,
                GtkEditable          *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
combo_selected_cb (ShelterContactDialog *self,
                   GParamSpec           *pspec,
                   AdwComboRow          *row)
{
  /* Choosing another relative is correcting the refusal: it no longer applies. */
  if (gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    {
      _shelter_ui_set_error (GTK_WIDGET (row), FALSE);
      if (row == self->relative_row)
        _shelter_ui_show_message (self->error_label, NULL);
    }
}

static void
row_activated_cb (ShelterContactDialog *self,
                  AdwEntryRow          *row)
{
  shelter_contact_dialog_save (self);
}

ShelterContactDialog *
shelter_contact_dialog_new (ShelterSession *session,
                            gint64          stay_id,
                            gint64          person_id,
                            const char     *name,
                            gint64          relative_id)
{
  ShelterContactDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  ShelterUser *user;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_CONTACT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;

  adw_window_title_set_subtitle (self->window_title, name);

  gtk_string_list_append (self->relative_list, _("Choose…"));
  self->relatives = shelter_family_list_relatives (session, person_id, &error);
  if (self->relatives == NULL)
    _shelter_ui_show_message (self->error_label, error->message);
  for (guint i = 0; self->relatives != NULL && i < self->relatives->len; i++)
    {
      ShelterRelativeRow *relative = g_ptr_array_index (self->relatives, i);
      /* Translators: a relative in the list to choose from: "Nguyễn Thị Mai (Mother)". */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), relative->full_name,
                                                shelter_enum_label (&shelter_family_relation,
                                                                    relative->relation));

      gtk_string_list_append (self->relative_list, label);
      if (relative->id == relative_id)
        adw_combo_row_set_selected (self->relative_row, i + 1);
    }

  fill_enum_list (self->method_list, &shelter_family_contact_method);
  fill_enum_list (self->result_list, &shelter_family_contact_result);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  user = shelter_session_get_user (session);
  if (user != NULL && shelter_user_get_full_name (user) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->made_by_row), shelter_user_get_full_name (user));

  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->relative_row));
  return self;
}

static void
shelter_contact_dialog_dispose (GObject *object)
{
  ShelterContactDialog *self = SHELTER_CONTACT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->relatives, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_contact_dialog_parent_class)->dispose (object);
}

static void
shelter_contact_dialog_class_init (ShelterContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_contact_dialog_dispose;

  /* The contact was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, relative_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, relative_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, method_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, made_by_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, result_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterContactDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_contact_dialog_init (ShelterContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
