/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-visit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-family.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-visit-dialog.h"

struct _ShelterVisitDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          stay_id;      /* 0 for the no-visit list */
  gint64          person_id;
  gboolean        ban;          /* putting someone on the no-visit list */
  /* ShelterRelativeRow of the person, in the order of the list after "Someone Else". */
  GPtrArray      *relatives;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *form_group;
  AdwComboRow    *visitor_row;
  GtkStringList  *visitor_list;
  AdwEntryRow    *visitor_name_row;
  AdwEntryRow    *time_row;
  AdwEntryRow    *approved_row;
  AdwEntryRow    *notes_row;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterVisitDialog, shelter_visit_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  SIGNAL_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gint64
get_relative_id (ShelterVisitDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->visitor_row);
  ShelterRelativeRow *relative;

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || self->relatives == NULL ||
      selected - 1 >= self->relatives->len)
    return 0;
  relative = g_ptr_array_index (self->relatives, selected - 1);
  return relative->id;
}

static void
visitor_selected_cb (ShelterVisitDialog *self,
                     GParamSpec         *pspec,
                     AdwComboRow        *row)
{
  /* A recorded relative is named by the record; someone else by what is typed. */
  gtk_widget_set_visible (GTK_WIDGET (self->visitor_name_row), get_relative_id (self) == 0);
  _shelter_ui_set_error (GTK_WIDGET (self->visitor_row), FALSE);
}

static void
clear_errors (ShelterVisitDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->visitor_row), GTK_WIDGET (self->visitor_name_row),
    GTK_WIDGET (self->time_row), GTK_WIDGET (self->approved_row),
    GTK_WIDGET (self->notes_row), GTK_WIDGET (self->reason_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
show_error (ShelterVisitDialog *self,
            const GError       *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_VISITOR_NAME:
          row = get_relative_id (self) == 0 ? GTK_WIDGET (self->visitor_name_row)
                                            : GTK_WIDGET (self->visitor_row);
          break;
        case SHELTER_FIELD_VISIT_TIME:
          row = GTK_WIDGET (self->time_row);
          break;
        case SHELTER_FIELD_VISIT_APPROVED_BY:
          row = GTK_WIDGET (self->approved_row);
          break;
        case SHELTER_FIELD_VISIT_NOTES:
          row = GTK_WIDGET (self->notes_row);
          break;
        case SHELTER_FIELD_VISIT_BAN_REASON:
          row = GTK_WIDGET (self->reason_row);
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
shelter_visit_dialog_save (ShelterVisitDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 relative_id = get_relative_id (self);
  const char *visitor_name = relative_id == 0 ? get_text (self->visitor_name_row) : NULL;

  clear_errors (self);

  if (self->ban)
    {
      if (shelter_family_add_visit_ban (self->session, self->person_id, relative_id,
                                        visitor_name, get_text (self->reason_row),
                                        &error) == 0)
        {
          show_error (self, error);
          return;
        }
    }
  else
    {
      g_autofree char *visited_at = NULL;
      ShelterVisitInput input = { 0 };
      gint64 refused_id = 0;

      /* As typed when it is no time: app/ says what is wrong with it. */
      visited_at = _shelter_ui_parse_time (get_text (self->time_row));
      if (visited_at == NULL)
        visited_at = g_strdup (get_text (self->time_row));
      input.stay_id = self->stay_id;
      input.relative_id = relative_id;
      input.visitor_name = visitor_name;
      input.visited_at = visited_at;
      input.approved_by = get_text (self->approved_row);
      input.notes = get_text (self->notes_row);
      if (shelter_family_record_visit (self->session, &input, &refused_id, &error) == 0)
        {
          if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_VISIT_REFUSED))
            {
              /* The attempt is recorded: saving again would record another. */
              g_signal_emit (self, signals[SIGNAL_REFUSED], 0, error->message);
              gtk_window_close (GTK_WINDOW (self));
              return;
            }
          show_error (self, error);
          return;
        }
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterVisitDialog *self,
                 GtkButton          *button)
{
  shelter_visit_dialog_save (self);
}

static void
row_changed_cb (ShelterVisitDialog *self,
                GtkEditable        *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterVisitDialog *self,
                  AdwEntryRow        *row)
{
  shelter_visit_dialog_save (self);
}

static ShelterVisitDialog *
shelter_visit_dialog_new_common (ShelterSession *session,
                                 gint64          person_id,
                                 const char     *name,
                                 gboolean        ban)
{
  ShelterVisitDialog *self;
  g_autoptr(GError) error = NULL;

  self = g_object_new (SHELTER_TYPE_VISIT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->person_id = person_id;
  self->ban = ban;

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_string_list_append (self->visitor_list, _("Someone Else"));
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

      gtk_string_list_append (self->visitor_list, label);
    }
  adw_combo_row_set_selected (self->visitor_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), !ban);
  gtk_widget_set_visible (GTK_WIDGET (self->approved_row), !ban);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_row), !ban);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), ban);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->visitor_row));
  return self;
}

ShelterVisitDialog *
shelter_visit_dialog_new (ShelterSession *session,
                          gint64          stay_id,
                          gint64          person_id,
                          const char     *name)
{
  ShelterVisitDialog *self;
  g_autofree char *now = NULL;
  ShelterUser *user;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = shelter_visit_dialog_new_common (session, person_id, name, FALSE);
  self->stay_id = stay_id;
  now = _shelter_ui_format_now (session);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), now);
  user = shelter_session_get_user (session);
  if (user != NULL && shelter_user_get_full_name (user) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->approved_row), shelter_user_get_full_name (user));
  return self;
}

ShelterVisitDialog *
shelter_visit_dialog_new_ban (ShelterSession *session,
                              gint64          person_id,
                              const char     *name)
{
  ShelterVisitDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  self = shelter_visit_dialog_new_common (session, person_id, name, TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Add to No-Visit List"));
  adw_window_title_set_title (self->window_title, _("Add to No-Visit List"));
  adw_preferences_group_set_description (self->form_group,
                                         _("A visit by this person will be refused, and the "
                                           "attempt kept."));
  return self;
}

static void
shelter_visit_dialog_dispose (GObject *object)
{
  ShelterVisitDialog *self = SHELTER_VISIT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->relatives, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_visit_dialog_parent_class)->dispose (object);
}

static void
shelter_visit_dialog_class_init (ShelterVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_visit_dialog_dispose;

  /* The visit, or the person put on the no-visit list, was stored. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* The visit was refused and the attempt recorded; app/'s message, which says why. */
  signals[SIGNAL_REFUSED] =
    g_signal_new ("refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-visit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, visitor_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, visitor_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, visitor_name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, approved_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterVisitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visitor_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_visit_dialog_init (ShelterVisitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
