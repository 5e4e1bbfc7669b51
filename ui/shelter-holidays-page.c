/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-holidays-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-calendar.h"
#include "shelter-holidays-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* The years app/ takes: four digits. */
#define FIRST_YEAR 1000
#define LAST_YEAR  9999

/* As app/shelter-calendar.c accepts. */
#define HOLIDAY_NAME_MAX 100

struct _ShelterHolidaysPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  int                  year;
  /* Scrolling to the form's message, once it is laid out. */
  guint                reveal_id;
  guint                reveal_frames;
  /* Day ("YYYY-MM-DD") -> name, as listed. */
  GHashTable          *holidays;
  /* The rows in the group, removed on reload. */
  GPtrArray           *rows;

  /* Template widgets */
  AdwPreferencesGroup *holidays_group;
  GtkButton           *previous_button;
  GtkLabel            *year_label;
  GtkButton           *next_button;
  GtkWidget           *status_box;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_description;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *name_row;
  GtkLabel            *error_label;
  GtkButton           *add_button;
};

G_DEFINE_FINAL_TYPE (ShelterHolidaysPage, shelter_holidays_page, ADW_TYPE_BIN)

static gboolean
shelter_holidays_page_may_edit (ShelterHolidaysPage *self)
{
  return self->session != NULL
         && shelter_session_may (self->session, SHELTER_PERMISSION_EDIT_SETTINGS);
}

/* "2026-11-20" -> "Thứ sáu, 20/11/2026": the weekday from the locale. */
static char *
format_day (const char *day)
{
  g_autofree char *date = shelter_text_format_date (day);
  g_autofree char *weekday = NULL;
  g_autoptr(GDateTime) time = NULL;
  GDate parsed;

  g_date_clear (&parsed, 1);
  if (shelter_text_parse_date (day, &parsed))
    time = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                  g_date_get_day (&parsed), 12, 0, 0);
  if (time != NULL)
    weekday = g_date_time_format (time, "%A");
  if (weekday == NULL)
    return g_steal_pointer (&date);

  /* Translators: a holiday's weekday and date, e.g. "Friday, 20/11/2026". */
  return g_strdup_printf (C_("weekday and date", "%s, %s"), weekday, date);
}

static GtkWidget *
shelter_holidays_page_create_row (ShelterHolidaysPage  *self,
                                  const ShelterHoliday *holiday)
{
  g_autofree char *subtitle = format_day (holiday->day);
  g_autofree char *description = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = _shelter_ui_new_text_row (holiday->name, subtitle);
  g_object_set_data_full (G_OBJECT (row), "day", g_strdup (holiday->day), g_free);

  if (!shelter_holidays_page_may_edit (self))
    return row;

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Holiday"));
  /* The name says what it does; the description which day it is for. */
  description = g_strdup_printf ("%s, %s", holiday->name, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Holiday"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "holidays.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", holiday->day);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
shelter_holidays_page_clear (ShelterHolidaysPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->holidays_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->holidays);
}

static void
shelter_holidays_page_show_year (ShelterHolidaysPage *self)
{
  g_autofree char *year = NULL;

  if (self->session != NULL)
    year = g_strdup_printf ("%d", self->year);
  gtk_label_set_label (self->year_label, year != NULL ? year : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button),
                            self->session != NULL && self->year > FIRST_YEAR);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            self->session != NULL && self->year < LAST_YEAR);
}

/* In place of the list: @icon_name, @title and @description (text, not markup). */
static void
shelter_holidays_page_show_status (ShelterHolidaysPage *self,
                                   const char          *icon_name,
                                   const char          *title,
                                   const char          *description)
{
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_label (self->status_title, title);
  gtk_label_set_label (self->status_description, description);
  gtk_widget_set_visible (self->status_box, TRUE);
}

static void
shelter_holidays_page_show_empty (ShelterHolidaysPage *self)
{
  g_autofree char *title = NULL;

  /* Translators: shown when no holiday of the year is listed; %d is the year. */
  title = g_strdup_printf (_("No Holidays in %d"), self->year);
  shelter_holidays_page_show_status (self, "x-office-calendar-symbolic", title,
                                     shelter_holidays_page_may_edit (self)
                                     ? _("Add the year’s public holidays and days off below, "
                                         "from the government’s announcement.")
                                     : _("An administrator adds them from the government’s "
                                         "announcement."));
}

void
shelter_holidays_page_reload (ShelterHolidaysPage *self)
{
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  gboolean may_edit;

  g_return_if_fail (SHELTER_IS_HOLIDAYS_PAGE (self));

  shelter_holidays_page_clear (self);
  shelter_holidays_page_show_year (self);
  gtk_widget_set_visible (self->status_box, FALSE);

  /* app/ refuses anyone else anyway. */
  may_edit = shelter_holidays_page_may_edit (self);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), may_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "holidays.remove", may_edit);

  if (self->session == NULL)
    return;

  holidays = shelter_holidays_list (self->session, self->year, &error);
  if (holidays == NULL)
    {
      shelter_holidays_page_show_status (self, "dialog-error-symbolic",
                                         _("Cannot List the Holidays"), error->message);
      return;
    }

  if (holidays->len == 0)
    {
      shelter_holidays_page_show_empty (self);
      return;
    }

  for (guint i = 0; i < holidays->len; i++)
    {
      ShelterHoliday *holiday = g_ptr_array_index (holidays, i);
      GtkWidget *row = shelter_holidays_page_create_row (self, holiday);

      g_hash_table_insert (self->holidays, g_strdup (holiday->day), g_strdup (holiday->name));
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
shelter_holidays_page_clear_form (ShelterHolidaysPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  _shelter_ui_set_error (GTK_WIDGET (self->date_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->name_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

void
shelter_holidays_page_set_session (ShelterHolidaysPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_HOLIDAYS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  /* What the previous user typed is not for the next one. */
  shelter_holidays_page_clear_form (self);

  if (session != NULL)
    {
      g_autoptr(GDateTime) now = shelter_session_now (session);

      self->year = g_date_time_get_year (now);
    }

  shelter_holidays_page_reload (self);
}

/* The year */

static void
shelter_holidays_page_set_year (ShelterHolidaysPage *self,
                                int                  year)
{
  year = CLAMP (year, FIRST_YEAR, LAST_YEAR);
  if (self->year == year)
    return;

  self->year = year;
  shelter_holidays_page_reload (self);
}

static void
previous_year_clicked_cb (ShelterHolidaysPage *self,
                          GtkButton           *button)
{
  shelter_holidays_page_set_year (self, self->year - 1);
}

static void
next_year_clicked_cb (ShelterHolidaysPage *self,
                      GtkButton           *button)
{
  shelter_holidays_page_set_year (self, self->year + 1);
}

/* Adding */

/* The form is at the end of the page: once a message just shown under it has its place,
 * scrolls to the end, so that the message is not left below the window's edge. */
static gboolean
reveal_form_end_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  ShelterHolidaysPage *self = SHELTER_HOLIDAYS_PAGE (widget);
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  /* The first frame lays the message out; the second scrolls to it. */
  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;

  self->reveal_id = 0;
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->add_group), GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
    }

  return G_SOURCE_REMOVE;
}

static void
shelter_holidays_page_reveal_form_end (ShelterHolidaysPage *self)
{
  self->reveal_frames = 0;
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_form_end_cb,
                                                    NULL, NULL);
}

static void
shelter_holidays_page_show_error (ShelterHolidaysPage *self,
                                  const GError        *error)
{
  GtkWidget *row = NULL;

  if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE))
    row = GTK_WIDGET (self->date_row);
  else if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_NAME))
    row = GTK_WIDGET (self->name_row);

  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_widget_grab_focus (row);
    }

  _shelter_ui_show_message (self->error_label, error->message);
  shelter_holidays_page_reveal_form_end (self);
}

static void
shelter_holidays_page_add (ShelterHolidaysPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  GDate date;

  if (self->session == NULL)
    return;

  _shelter_ui_set_error (GTK_WIDGET (self->date_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->name_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  g_date_clear (&date, 1);
  if (shelter_text_parse_date (typed, &date))
    day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
  else
    /* Not a date: app/ refuses it, and says how to type it. */
    day = g_strdup (typed);

  if (!shelter_holidays_add (self->session, day,
                             gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error))
    {
      shelter_holidays_page_show_error (self, error);
      return;
    }

  /* The list shows the year of the day added, with the day in it. */
  self->year = g_date_get_year (&date);
  shelter_holidays_page_reload (self);

  name = g_strdup (g_hash_table_lookup (self->holidays, day));
  shown = shelter_text_format_date (day);
  /* Translators: a toast; the first %s is the holiday's name, the second its date. */
  message = g_strdup_printf (_("“%s” on %s was added to the holidays"),
                             name != NULL ? name : "", shown);

  /* Ready for the next day of the announcement. */
  shelter_holidays_page_clear_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));

  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
row_changed_cb (ShelterHolidaysPage *self,
                GtkEditable         *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterHolidaysPage *self,
                  AdwEntryRow         *row)
{
  shelter_holidays_page_add (self);
}

static void
add_clicked_cb (ShelterHolidaysPage *self,
                GtkButton           *button)
{
  shelter_holidays_page_add (self);
}

/* Removing */

static void
remove_response_cb (ShelterHolidaysPage *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  const char *day = g_object_get_data (G_OBJECT (dialog), "day");
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  guint position = 0;

  if (!g_str_equal (response, "remove") || self->session == NULL)
    return;

  /* Where the row was: the focus goes to the one after it, as it went with the row. */
  for (position = 0; position < self->rows->len; position++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, position), "day"),
                   day) == 0)
      break;

  if (!shelter_holidays_remove (self->session, day, &error))
    {
      /* Perhaps removed already: the list shows what is so. */
      shelter_holidays_page_reload (self);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  shelter_holidays_page_reload (self);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, MIN (position, self->rows->len - 1)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));

  shown = shelter_text_format_date (day);
  /* Translators: a toast; the first %s is the holiday's name, the second its date. */
  message = g_strdup_printf (_("“%s” on %s was removed from the holidays"), name, shown);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
shelter_holidays_page_remove_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ShelterHolidaysPage *self = SHELTER_HOLIDAYS_PAGE (widget);
  const char *day = g_variant_get_string (parameter, NULL);
  const char *name = g_hash_table_lookup (self->holidays, day);
  g_autofree char *shown = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->session == NULL || name == NULL)
    return;

  shown = format_day (day);
  /* Translators: the body of the dialog that confirms removing a holiday; the first %s is
   * its name, the second its weekday and date, e.g. "Friday, 20/11/2026". */
  body = g_strdup_printf (_("“%s”, %s, will no longer be skipped by working-day deadlines."),
                          name, shown);

  dialog = adw_message_dialog_new (NULL, _("Remove Holiday?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "day", g_strdup (day), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb),
                           self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_holidays_page_dispose (GObject *object)
{
  ShelterHolidaysPage *self = SHELTER_HOLIDAYS_PAGE (object);

  if (self->reveal_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
      self->reveal_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_HOLIDAYS_PAGE);
  g_clear_object (&self->session);
  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (shelter_holidays_page_parent_class)->dispose (object);
}

static void
shelter_holidays_page_finalize (GObject *object)
{
  ShelterHolidaysPage *self = SHELTER_HOLIDAYS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_holidays_page_parent_class)->finalize (object);
}

static void
shelter_holidays_page_class_init (ShelterHolidaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_holidays_page_dispose;
  object_class->finalize = shelter_holidays_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-holidays-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, add_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterHolidaysPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_year_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_year_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "holidays.remove", "s",
                                   shelter_holidays_page_remove_action);
}

static void
shelter_holidays_page_init (ShelterHolidaysPage *self)
{
  GtkEditable *name_text;

  self->holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* As app/ accepts. */
  name_text = gtk_editable_get_delegate (GTK_EDITABLE (self->name_row));
  if (GTK_IS_TEXT (name_text))
    gtk_text_set_max_length (GTK_TEXT (name_text), HOLIDAY_NAME_MAX);

  shelter_holidays_page_reload (self);
}
