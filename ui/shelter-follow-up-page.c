/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-follow-up-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-follow-up.h"
#include "shelter-follow-up-dialog.h"
#include "shelter-follow-up-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* "Due this week": the next seven days, today included. */
#define WEEK_DAYS 7

struct _ShelterFollowUpPage
{
  AdwBin          parent_instance;

  ShelterSession *session;

  /* Template widgets */
  GtkLabel       *error_label;
  GtkListBox     *overdue_list;
  GtkListBox     *week_list;
};

G_DEFINE_FINAL_TYPE (ShelterFollowUpPage, shelter_follow_up_page, ADW_TYPE_BIN)

enum {
  RESIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_KEY "shelter-follow-up-row"

static ShelterFollowUpRow *
follow_up_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_KEY) : NULL;
}

static void
saved_cb (ShelterFollowUpPage *self,
          const char          *message)
{
  if (message != NULL)
    _shelter_window_show_message (GTK_WIDGET (self), message);
  shelter_follow_up_page_reload (self);
}

static void
record_clicked_cb (GtkButton           *button,
                   ShelterFollowUpPage *self)
{
  ShelterFollowUpRow *row = follow_up_of (GTK_WIDGET (button));
  ShelterFollowUpDialog *dialog;

  if (row == NULL || self->session == NULL)
    return;
  dialog = shelter_follow_up_dialog_new_record (self->session, row->stay_id, row->case_code,
                                                row->resident_name, row);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
change_clicked_cb (GtkButton           *button,
                   ShelterFollowUpPage *self)
{
  ShelterFollowUpRow *row = follow_up_of (GTK_WIDGET (button));
  ShelterFollowUpDialog *dialog;

  if (row == NULL || self->session == NULL)
    return;
  dialog = shelter_follow_up_dialog_new_reschedule (self->session, row);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
row_activated_cb (ShelterFollowUpPage *self,
                  GtkListBoxRow       *row,
                  GtkListBox          *list)
{
  ShelterFollowUpRow *follow_up = g_object_get_data (G_OBJECT (row), ROW_KEY);

  if (follow_up != NULL)
    g_signal_emit (self, signals[RESIDENT_ACTIVATED], 0, follow_up->person_id);
}

static GtkWidget *
new_button (ShelterFollowUpPage *self,
            const char          *label,
            const char          *tooltip,
            GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* One row: "2026-0042 · Lò Thị Mai", "Discharged 15/09/2026 · Due 16/10/2026 · Phone call ·
 * Nguyễn Thị Lan". Takes @follow_up. */
static GtkWidget *
new_row (ShelterFollowUpPage *self,
         ShelterFollowUpRow  *follow_up,
         gboolean             may_record)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *discharged = shelter_text_format_date (follow_up->discharged_on);
  g_autofree char *due = shelter_text_format_date (follow_up->due_on);
  const char *assigned = follow_up->assigned_name != NULL ? follow_up->assigned_name
                         : follow_up->assigned_to != NULL ? follow_up->assigned_to
                         : _("No one assigned");
  GtkWidget *row = adw_action_row_new ();

  title = g_strdup_printf ("%s · %s", follow_up->case_code,
                           follow_up->resident_name != NULL ? follow_up->resident_name
                                                            : _("Protected identity"));
  /* TRANSLATORS: the days of discharge and follow-up, how it is made and by whom */
  subtitle = g_strdup_printf (_("Discharged %s · Due %s · %s · %s"), discharged, due,
                              shelter_enum_label (&shelter_follow_up_method, follow_up->method),
                              assigned);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the resident’s page"));
  if (may_record)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_button (self, _("_Record…"),
                                             _("Record what this follow-up found"),
                                             G_CALLBACK (record_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_button (self, _("_Change…"),
                                             _("Change the day, the method or the staff member"),
                                             G_CALLBACK (change_clicked_cb)));
    }
  g_object_set_data_full (G_OBJECT (row), ROW_KEY, follow_up,
                          (GDestroyNotify) shelter_follow_up_row_free);
  return row;
}

/* Removes the rows but not the placeholder (which gtk_list_box_remove() would take). */
static void
clear_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
shelter_follow_up_page_reload (ShelterFollowUpPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) week_end = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  gboolean may_record;

  g_return_if_fail (SHELTER_IS_FOLLOW_UP_PAGE (self));

  clear_rows (self->overdue_list);
  clear_rows (self->week_list);
  _shelter_ui_show_message (self->error_label, NULL);
  if (self->session == NULL)
    return;

  now = shelter_session_now (self->session);
  week_end = g_date_time_add_days (now, WEEK_DAYS - 1);
  today = g_date_time_format (now, "%Y-%m-%d");
  until = g_date_time_format (week_end, "%Y-%m-%d");
  rows = shelter_follow_up_list_due (self->session, until, &error);
  if (rows == NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      return;
    }
  may_record = shelter_session_may (self->session, SHELTER_PERMISSION_RECORD_FOLLOW_UP);
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterFollowUpRow *row = g_ptr_array_index (rows, i);
      GtkListBox *list = strcmp (row->due_on, today) < 0 ? self->overdue_list
                                                          : self->week_list;

      g_ptr_array_index (rows, i) = NULL;
      gtk_list_box_append (list, new_row (self, row, may_record));
    }
}

void
shelter_follow_up_page_set_session (ShelterFollowUpPage *self,
                                    ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_FOLLOW_UP_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  clear_rows (self->overdue_list);
  clear_rows (self->week_list);
  /* Read when the section is opened: shelter_follow_up_page_reload(). */
}

static void
shelter_follow_up_page_dispose (GObject *object)
{
  ShelterFollowUpPage *self = SHELTER_FOLLOW_UP_PAGE (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_FOLLOW_UP_PAGE);
  G_OBJECT_CLASS (shelter_follow_up_page_parent_class)->dispose (object);
}

static void
shelter_follow_up_page_class_init (ShelterFollowUpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_follow_up_page_dispose;

  /**
   * ShelterFollowUpPage::resident-activated:
   * @person_id: the person the activated follow-up is of
   *
   * Asks for the resident's page.
   */
  signals[RESIDENT_ACTIVATED] =
    g_signal_new ("resident-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-follow-up-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterFollowUpPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterFollowUpPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterFollowUpPage, week_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
shelter_follow_up_page_init (ShelterFollowUpPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->overdue_list,
                                new_placeholder (_("No follow-up is overdue.")));
  gtk_list_box_set_placeholder (self->week_list,
                                new_placeholder (_("No follow-up is due this week. Nothing to "
                                                   "do here for now.")));
}
