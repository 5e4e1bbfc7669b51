/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-capacity.h"
#include "shelter-enums.h"
#include "shelter-reminders.h"
#include "shelter-text.h"
#include "shelter-today.h"
#include "shelter-today-page.h"
#include "shelter-ui-private.h"

struct _ShelterTodayPage
{
  AdwBin          parent_instance;

  ShelterSession *session;
  /* The reminders are gathered in a worker thread (app/shelter-reminders.h): the look
   * under way, cancelled when another starts, the session changes, the page is hidden
   * (another section, a lock) or goes. */
  GCancellable   *look;
  gboolean        look_stale;    /* one was cancelled by hiding the page: look when shown */
  guint           look_idle_id;
  char           *errors;        /* what the parts read on this thread could not show */
  GtkLabel       *placeholders[3]; /* of the overdue, today and week lists */

  /* Template widgets */
  GtkLabel       *date_label;
  GtkSpinner     *spinner;
  GtkLabel       *summary_label;
  GtkWidget      *intake_button;
  GtkWidget      *search_button;
  GtkLabel       *error_label;
  GtkListBox     *movements_list;
  GtkListBox     *overdue_list;
  GtkListBox     *today_list;
  GtkListBox     *week_list;
  GtkWidget      *beds_group;
  GtkListBox     *beds_list;
};

G_DEFINE_FINAL_TYPE (ShelterTodayPage, shelter_today_page, ADW_TYPE_BIN)

enum {
  REMINDER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where an activated row goes: the person (0: none) and the page. */
#define PERSON_KEY "shelter-today-person"
#define PAGE_KEY "shelter-today-page"

static void
row_activated_cb (ShelterTodayPage *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  gint64 *person_id = g_object_get_data (G_OBJECT (row), PERSON_KEY);
  const char *page = g_object_get_data (G_OBJECT (row), PAGE_KEY);

  if (person_id == NULL && page == NULL)
    return;
  g_signal_emit (self, signals[REMINDER_ACTIVATED], 0,
                 person_id != NULL ? *person_id : (gint64) 0, page);
}

/* Makes @row open @page (a resident's tab when @person_id is not 0, else a section). */
static void
set_destination (GtkWidget  *row,
                 gint64      person_id,
                 const char *page)
{
  if (person_id == 0 && page == NULL)
    return;
  if (person_id != 0)
    g_object_set_data_full (G_OBJECT (row), PERSON_KEY, g_memdup2 (&person_id, sizeof person_id),
                            g_free);
  g_object_set_data_full (G_OBJECT (row), PAGE_KEY, g_strdup (page), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
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

/* What the reminder lists say when they are empty, as the page was built. */
static const char *
placeholder_text (guint group)
{
  switch (group)
    {
    case 0:
      return _("Nothing is overdue.");
    case 1:
      return _("Nothing is due today.");
    case 2:
    default:
      return _("Nothing else is due this week. Nothing to do here for now.");
    }
}

/* While the reminders are gathered: the spinner, and the summary and the empty lists say
 * so (not "nothing is due" before it is known); the rows already shown stay until the new
 * ones come. */
static void
set_loading (ShelterTodayPage *self,
             gboolean          loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  if (loading)
    gtk_label_set_text (self->summary_label, _("Looking for what is due…"));
  for (guint group = 0; group < G_N_ELEMENTS (self->placeholders); group++)
    gtk_label_set_text (self->placeholders[group],
                        loading ? _("Looking for what is due…") : placeholder_text (group));
}

/* Stops waiting for the look under way: what it finds is dropped. */
static void
cancel_look (ShelterTodayPage *self)
{
  g_clear_handle_id (&self->look_idle_id, g_source_remove);
  if (self->look != NULL)
    {
      g_cancellable_cancel (self->look);
      g_clear_object (&self->look);
    }
}

static void
clear_reminders (ShelterTodayPage *self)
{
  clear_rows (self->overdue_list);
  clear_rows (self->today_list);
  clear_rows (self->week_list);
  gtk_label_set_text (self->summary_label, "");
}

static void
clear_all (ShelterTodayPage *self)
{
  cancel_look (self);
  self->look_stale = FALSE;
  set_loading (self, FALSE);
  clear_rows (self->movements_list);
  clear_reminders (self);
  clear_rows (self->beds_list);
  gtk_label_set_text (self->date_label, "");
  g_clear_pointer (&self->errors, g_free);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
add_error (GString      *errors,
           const GError *error)
{
  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  g_string_append (errors, error->message);
}

/* The day */

static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:
      return C_("weekday", "Monday");
    case G_DATE_TUESDAY:
      return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY:
      return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:
      return C_("weekday", "Thursday");
    case G_DATE_FRIDAY:
      return C_("weekday", "Friday");
    case G_DATE_SATURDAY:
      return C_("weekday", "Saturday");
    case G_DATE_SUNDAY:
      return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      return "";
    }
}

static void
show_date (ShelterTodayPage *self,
           GDateTime        *now)
{
  g_autofree char *date = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *text = NULL;

  /* Translators: the top of the Today section: the weekday, then the date (dd/mm/yyyy). */
  text = g_strdup_printf (_("%s, %s"), weekday_name (g_date_time_get_day_of_week (now)), date);
  gtk_label_set_text (self->date_label, text);
}

/* Arrivals, departures and returns */

/* "2026-11-22T08:30:00+07:00" -> "08:30". */
static char *
time_of_day (const char *at)
{
  if (at != NULL && strlen (at) >= 16 && at[10] == 'T')
    return g_strndup (at + 11, 5);
  return g_strdup ("");
}

static GtkWidget *
new_movement_row (const ShelterTodayMovement *movement)
{
  g_autofree char *title = NULL;
  g_autofree char *time = time_of_day (movement->at);
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *icon_name;
  const char *tooltip;
  const char *page;
  GtkWidget *row;
  GtkWidget *icon;

  title = g_strdup_printf ("%s · %s", movement->case_code,
                           movement->resident_name != NULL ? movement->resident_name
                                                           : _("Protected identity"));
  switch (movement->kind)
    {
    case SHELTER_TODAY_ARRIVAL:
      /* Translators: an arrival today; %s is the time, 08:30 */
      g_string_printf (subtitle, _("Arrived at %s"), time);
      icon_name = "go-next-symbolic";
      tooltip = _("Received today");
      page = "overview";
      break;
    case SHELTER_TODAY_DEPARTURE:
      /* Translators: a departure (end of support) today; %s is the time, 10:00 */
      g_string_printf (subtitle, _("Left at %s"), time);
      if (movement->detail != NULL)
        g_string_append_printf (subtitle, " · %s",
                                shelter_enum_label (&shelter_enum_discharge_reason,
                                                    movement->detail));
      icon_name = "go-previous-symbolic";
      tooltip = _("Left today");
      page = "stay";
      break;
    case SHELTER_TODAY_RETURN:
    default:
      g_string_assign (subtitle, _("Due back from an absence today"));
      if (movement->detail != NULL)
        g_string_append_printf (subtitle, " · %s",
                                shelter_enum_label (&shelter_enum_absence_kind,
                                                    movement->detail));
      icon_name = "view-refresh-symbolic";
      tooltip = _("Due back today");
      page = "stay";
      break;
    }
  if (movement->room != NULL)
    g_string_append_printf (subtitle, " · %s", movement->room);

  row = new_row (title, subtitle->str);
  icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name, "tooltip-text", tooltip, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_tooltip_text (row, _("Open the resident’s page"));
  set_destination (row, movement->person_id, page);
  return row;
}

static guint
show_movements (ShelterTodayPage *self,
                GString          *errors)
{
  g_autoptr (GPtrArray) movements = NULL;
  g_autoptr (GError) error = NULL;

  movements = shelter_today_movements (self->session, NULL, &error);
  if (movements == NULL)
    {
      add_error (errors, error);
      return 0;
    }
  for (guint i = 0; i < movements->len; i++)
    gtk_list_box_append (self->movements_list,
                         new_movement_row (g_ptr_array_index (movements, i)));
  return movements->len;
}

/* Reminders */

/* Rows a group shows; a large centre can have more than a thousand. */
#define REMINDER_ROWS_MAX 100

static GtkWidget *
new_reminder_row (const ShelterReminder *reminder)
{
  g_autofree char *since = shelter_text_format_date (reminder->since);
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: under a reminder's title: the case code (or "Centre"), why, and the day
   * it fell (or falls) due */
  first = g_strdup_printf (reminder->urgency == SHELTER_REMINDER_OVERDUE
                           ? _("%s · %s · Overdue since %s") : _("%s · %s · Due %s"),
                           reminder->case_code != NULL ? reminder->case_code : _("Centre"),
                           reminder->reason != NULL ? reminder->reason : "", since);
  if (reminder->action != NULL && *reminder->action != '\0')
    /* Translators: the second line under a reminder: what resolves it */
    subtitle = g_strdup_printf (_("%s\nTo do: %s"), first, reminder->action);
  else
    subtitle = g_steal_pointer (&first);

  row = new_row (reminder->title, subtitle);
  if (reminder->urgent)
    {
      /* Told on the desktop at once: said in words as well, not by colour alone. */
      GtkWidget *label = gtk_label_new (_("Urgent"));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_widget_set_name (row, reminder->key != NULL ? reminder->key : "reminder");
  set_destination (row, reminder->person_id, reminder->page);
  return row;
}

static void
show_reminders (ShelterTodayPage *self,
                GPtrArray        *reminders)
{
  guint counts[3] = { 0, 0, 0 };
  g_autoptr (GString) summary = g_string_new (NULL);

  clear_reminders (self);
  for (guint i = 0; i < reminders->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (reminders, i);
      GtkListBox *list;

      switch (reminder->urgency)
        {
        case SHELTER_REMINDER_OVERDUE:
          list = self->overdue_list;
          counts[0]++;
          break;
        case SHELTER_REMINDER_TODAY:
          list = self->today_list;
          counts[1]++;
          break;
        case SHELTER_REMINDER_SOON:
        default:
          list = self->week_list;
          counts[2]++;
          break;
        }
      /* The most urgent first, as many as one can read: the rest are counted below. */
      if (counts[list == self->overdue_list ? 0 : list == self->today_list ? 1 : 2] <=
          REMINDER_ROWS_MAX)
        gtk_list_box_append (list, new_reminder_row (reminder));
    }
  for (guint group = 0; group < G_N_ELEMENTS (counts); group++)
    if (counts[group] > REMINDER_ROWS_MAX)
      {
        GtkListBox *list = group == 0 ? self->overdue_list
                           : group == 1 ? self->today_list : self->week_list;
        guint more = counts[group] - REMINDER_ROWS_MAX;
        g_autofree char *title = g_strdup_printf (ngettext ("%u more not shown",
                                                            "%u more not shown", more), more);
        GtkWidget *row = new_row (title, _("The earliest are shown above. Each also shows on "
                                           "the resident’s page."));

        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        gtk_list_box_append (list, row);
      }

  if (counts[0] + counts[1] + counts[2] == 0)
    g_string_assign (summary, _("Nothing is due or overdue. Nothing to do for now."));
  else
    {
      /* Translators: the summary under the date of the Today section */
      g_string_printf (summary, ngettext ("%u overdue", "%u overdue", counts[0]), counts[0]);
      g_string_append (summary, " · ");
      g_string_append_printf (summary, ngettext ("%u due today", "%u due today", counts[1]),
                              counts[1]);
      g_string_append (summary, " · ");
      g_string_append_printf (summary,
                              ngettext ("%u due this week", "%u due this week", counts[2]),
                              counts[2]);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
reminders_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ShelterTodayPage) self = user_data;
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;

  reminders = shelter_reminders_for_finish (SHELTER_SESSION (source), result, &error);
  /* Cancelled: another look, another session, the page hidden or gone. Nothing to touch. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_return_if_fail (source == (GObject *) self->session);

  g_clear_object (&self->look);
  set_loading (self, FALSE);
  if (reminders == NULL)
    {
      g_autoptr (GString) errors = g_string_new (self->errors);

      clear_reminders (self);
      add_error (errors, error);
      _shelter_ui_show_message (self->error_label, errors->str);
      return;
    }
  show_reminders (self, reminders);
}

/* Starts gathering the reminders of the session's role, away from the main thread. */
static void
look_for_reminders (ShelterTodayPage *self)
{
  ShelterUser *user = shelter_session_get_user (self->session);

  cancel_look (self);
  self->look_stale = FALSE;
  self->look = g_cancellable_new ();
  set_loading (self, TRUE);
  shelter_reminders_for_async (self->session, NULL,
                               user != NULL ? shelter_user_get_role (user) : NULL,
                               self->look, reminders_ready_cb, g_object_ref (self));
}

/* Beds */

static GtkWidget *
new_beds_row (const ShelterCapacityForecast *forecast,
              guint                          index)
{
  const ShelterCapacitySegment *segment = &forecast->segments[index];
  g_autofree char *subtitle = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *row;
  GtkWidget *bar;

  /* Translators: beds of a group of rooms today, e.g. "10 of 12 beds occupied · 1 away ·
   * 2 free" */
  subtitle = g_strdup_printf (_("%u of %u beds occupied · %u away · %u free"),
                              segment->occupied, segment->beds, segment->absent, segment->free);
  row = new_row (shelter_capacity_segment_label (index), subtitle);
  gtk_widget_set_name (row, shelter_capacity_segment_code (index));

  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar),
                           segment->beds > 0 ? MIN (1.0, (double) segment->occupied / segment->beds)
                                             : 1.0);
  /* One colour for every group: the warning sign, not the bar, tells a full forecast. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shelter_capacity_segment_label (index), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  /* Translators: a row of the beds today read by screen readers, e.g. "Women: 12 beds,
   * 10 occupied, 1 away, 2 free." */
  sentence = g_strdup_printf (_("%s: %u beds, %u occupied, %u away, %u free."),
                              shelter_capacity_segment_label (index), segment->beds,
                              segment->occupied, segment->absent, segment->free);
  if (shelter_capacity_segment_alert (forecast, index))
    {
      /* xgettext:no-c-format */
      const char *alert = _("Expected over 90% of beds");
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "dialog-warning-symbolic",
                                      "tooltip-text", alert,
                                      "valign", GTK_ALIGN_CENTER,
                                      NULL);
      char *longer = g_strconcat (sentence, " ", alert, NULL);

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      alert, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_free (sentence);
      sentence = longer;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  sentence, -1);
  gtk_widget_set_tooltip_text (row, _("Open the Planning section"));
  set_destination (row, 0, "planning");
  return row;
}

static void
show_beds (ShelterTodayPage *self,
           GString          *errors)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GError) error = NULL;
  gboolean may_see = shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_ROOMS);

  gtk_widget_set_visible (self->beds_group, may_see);
  if (!may_see)
    return;
  forecast = shelter_capacity_forecast (self->session, 1, &error);
  if (forecast == NULL)
    {
      add_error (errors, error);
      return;
    }
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    if (forecast->segments[i].beds > 0 || forecast->segments[i].occupied > 0)
      gtk_list_box_append (self->beds_list, new_beds_row (forecast, i));
}

void
shelter_today_page_reload (ShelterTodayPage *self)
{
  g_autoptr (GString) errors = g_string_new (NULL);
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (SHELTER_IS_TODAY_PAGE (self));

  if (self->session == NULL)
    {
      clear_all (self);
      return;
    }

  /* The quick parts at once; the reminders keep their rows until the new ones come. */
  cancel_look (self);
  clear_rows (self->movements_list);
  clear_rows (self->beds_list);
  g_clear_pointer (&self->errors, g_free);
  _shelter_ui_show_message (self->error_label, NULL);

  now = shelter_session_now (self->session);
  show_date (self, now);
  gtk_widget_set_visible (self->intake_button,
                          shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT));
  show_movements (self, errors);
  show_beds (self, errors);
  if (errors->len > 0)
    {
      self->errors = g_strdup (errors->str);
      _shelter_ui_show_message (self->error_label, errors->str);
    }
  look_for_reminders (self);
}

static gboolean
look_again_cb (gpointer user_data)
{
  ShelterTodayPage *self = SHELTER_TODAY_PAGE (user_data);

  self->look_idle_id = 0;
  if (self->session != NULL)
    shelter_today_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Hidden (another section, the lock screen): the look under way is dropped, and made
 * again when the page is shown, unless the window reloads it meanwhile. */
static void
shelter_today_page_unmap (GtkWidget *widget)
{
  ShelterTodayPage *self = SHELTER_TODAY_PAGE (widget);

  if (self->look != NULL)
    {
      cancel_look (self);
      self->look_stale = TRUE;
    }
  GTK_WIDGET_CLASS (shelter_today_page_parent_class)->unmap (widget);
}

static void
shelter_today_page_map (GtkWidget *widget)
{
  ShelterTodayPage *self = SHELTER_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (shelter_today_page_parent_class)->map (widget);
  if (self->look_stale && self->session != NULL && self->look_idle_id == 0)
    self->look_idle_id = g_idle_add (look_again_cb, self);
}

void
shelter_today_page_set_session (ShelterTodayPage *self,
                                ShelterSession   *session)
{
  g_return_if_fail (SHELTER_IS_TODAY_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  clear_all (self);
  /* Read when the section is shown: shelter_today_page_reload(). */
}

static void
shelter_today_page_dispose (GObject *object)
{
  ShelterTodayPage *self = SHELTER_TODAY_PAGE (object);

  cancel_look (self);
  g_clear_pointer (&self->errors, g_free);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_TODAY_PAGE);
  G_OBJECT_CLASS (shelter_today_page_parent_class)->dispose (object);
}

static void
shelter_today_page_class_init (ShelterTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_today_page_dispose;
  widget_class->map = shelter_today_page_map;
  widget_class->unmap = shelter_today_page_unmap;

  /**
   * ShelterTodayPage::reminder-activated:
   * @person_id: the resident the row is about, 0 for the centre
   * @page: a tab of the resident's page ("overview", "stay", ...) or a section ("rooms",
   *   "planning", "referrals", "follow-up", "backups"), or NULL
   *
   * Asks for the page that resolves what the row says.
   */
  signals[REMINDER_ACTIVATED] =
    g_signal_new ("reminder-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-today-page.ui");
  /* The ids carry the page's name: other pages of the window have lists of the same names. */
  gtk_widget_class_bind_template_child_full (widget_class, "today_date_label", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, date_label));
  gtk_widget_class_bind_template_child_full (widget_class, "today_spinner", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, spinner));
  gtk_widget_class_bind_template_child_full (widget_class, "today_summary_label", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, summary_label));
  gtk_widget_class_bind_template_child_full (widget_class, "today_intake_button", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, intake_button));
  gtk_widget_class_bind_template_child_full (widget_class, "today_search_button", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, search_button));
  gtk_widget_class_bind_template_child_full (widget_class, "today_error_label", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, error_label));
  gtk_widget_class_bind_template_child_full (widget_class, "today_movements_list", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, movements_list));
  gtk_widget_class_bind_template_child_full (widget_class, "today_overdue_list", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, overdue_list));
  gtk_widget_class_bind_template_child_full (widget_class, "today_due_list", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, today_list));
  gtk_widget_class_bind_template_child_full (widget_class, "today_week_list", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, week_list));
  gtk_widget_class_bind_template_child_full (widget_class, "today_beds_group", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, beds_group));
  gtk_widget_class_bind_template_child_full (widget_class, "today_beds_list", FALSE,
                                             G_STRUCT_OFFSET (ShelterTodayPage, beds_list));
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
shelter_today_page_init (ShelterTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->movements_list,
                                new_placeholder (_("No one arrives, leaves or is due back "
                                                   "today.")));
  {
    GtkListBox *lists[] = { self->overdue_list, self->today_list, self->week_list };

    for (guint group = 0; group < G_N_ELEMENTS (lists); group++)
      {
        GtkWidget *placeholder = new_placeholder (placeholder_text (group));

        self->placeholders[group] = GTK_LABEL (placeholder);
        gtk_list_box_set_placeholder (lists[group], placeholder);
      }
  }
  gtk_list_box_set_placeholder (self->beds_list,
                                new_placeholder (_("No room is open.")));
}
