/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts.h"
#include "shelter-centre-profile.h"
#include "shelter-intake-dialog.h"
#include "shelter-password-dialog.h"
#include "shelter-planning-page.h"
#include "shelter-reports-page.h"
#include "shelter-kitchen-page.h"
#include "shelter-services-page.h"
#include "shelter-referrals-page.h"
#include "shelter-recovery-page.h"
#include "shelter-follow-up.h"
#include "shelter-follow-up-dialog.h"
#include "shelter-follow-up-page.h"
#include "shelter-notifier.h"
#include "shelter-today-page.h"
#include "shelter-safety.h"
#include "shelter-safety-dialog.h"
#include "shelter-ui-private.h"
#define SHELTER_WINDOW_INTERNALS
#include "shelter-window-private.h"

G_DEFINE_FINAL_TYPE (ShelterWindow, shelter_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
shelter_window_get_settings (ShelterWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!SHELTER_IS_APPLICATION (application))
    return NULL;

  return shelter_application_get_settings (SHELTER_APPLICATION (application));
}

ShelterWindow *
_shelter_window_from_widget (GtkWidget *from)
{
  GtkRoot *root;

  if (from == NULL)
    return NULL;

  root = gtk_widget_get_root (from);
  if (SHELTER_IS_WINDOW (root))
    return SHELTER_WINDOW (root);

  /* A dialog shown over the window. */
  if (GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      if (SHELTER_IS_WINDOW (parent))
        return SHELTER_WINDOW (parent);
    }

  return NULL;
}

/* The title of a resident's page: their name, with the page's tabs beside it (not in the
 * private header's instance, which other files share). */
static AdwViewSwitcherTitle *
shelter_window_get_resident_title (ShelterWindow *self)
{
  return ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                 SHELTER_TYPE_WINDOW,
                                                                 "resident_switcher_title"));
}

/* Toasts */

void
_shelter_window_add_toast (GtkWidget *from,
                           AdwToast  *toast)
{
  ShelterWindow *self = _shelter_window_from_widget (from);

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AdwToast *
new_plain_toast (const char *message)
{
  /* Toast titles are Pango markup; messages are text. */
  g_autofree char *title = g_markup_escape_text (message, -1);

  return adw_toast_new (title);
}

void
_shelter_window_show_message (GtkWidget  *from,
                              const char *message)
{
  g_return_if_fail (message != NULL);

  _shelter_window_add_toast (from, new_plain_toast (message));
}

void
_shelter_window_residents_changed (GtkWidget *from)
{
  GtkRoot *root = gtk_widget_get_root (from);

  if (SHELTER_IS_WINDOW (root))
    shelter_residents_page_reload (SHELTER_WINDOW (root)->residents_page);
}

/* A toast that stays until dismissed: for what must not be missed. */
void
_shelter_window_show_lasting_message (ShelterWindow *self,
                                      const char    *message)
{
  AdwToast *toast = new_plain_toast (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Sections */

void
_shelter_window_update_actions (ShelterWindow *self)
{
  gboolean signed_in = self->session != NULL;
  gboolean open = signed_in && !self->locked;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 open && gtk_widget_get_visible (GTK_WIDGET (self->residents_row)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-intake",
                                 open && gtk_widget_get_visible (GTK_WIDGET (self->residents_row))
                                 && shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-password", open);
}

/* The Planning section has no field in ShelterWindow: its template children are looked up. */
static GtkListBoxRow *
shelter_window_get_planning_row (ShelterWindow *self)
{
  return GTK_LIST_BOX_ROW (gtk_widget_get_template_child (GTK_WIDGET (self), SHELTER_TYPE_WINDOW,
                                                          "planning_row"));
}

static GtkListBoxRow *
shelter_window_get_follow_up_row (ShelterWindow *self)
{
  return GTK_LIST_BOX_ROW (gtk_widget_get_template_child (GTK_WIDGET (self), SHELTER_TYPE_WINDOW,
                                                          "follow_up_row"));
}

static ShelterFollowUpPage *
shelter_window_get_follow_up_page (ShelterWindow *self)
{
  return SHELTER_FOLLOW_UP_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                SHELTER_TYPE_WINDOW,
                                                                "follow_up_page"));
}

/* The Today section has no field in ShelterWindow either. */
static GtkListBoxRow *
shelter_window_get_today_row (ShelterWindow *self)
{
  return GTK_LIST_BOX_ROW (gtk_widget_get_template_child (GTK_WIDGET (self), SHELTER_TYPE_WINDOW,
                                                          "today_row"));
}

static ShelterTodayPage *
shelter_window_get_today_page (ShelterWindow *self)
{
  return SHELTER_TODAY_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                            SHELTER_TYPE_WINDOW,
                                                            "today_page"));
}

/* Nor the Reports section. */
static GtkListBoxRow *
shelter_window_get_reports_row (ShelterWindow *self)
{
  return GTK_LIST_BOX_ROW (gtk_widget_get_template_child (GTK_WIDGET (self), SHELTER_TYPE_WINDOW,
                                                          "reports_row"));
}

static ShelterReportsPage *
shelter_window_get_reports_page (ShelterWindow *self)
{
  return SHELTER_REPORTS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                              SHELTER_TYPE_WINDOW,
                                                              "reports_page"));
}

static ShelterPlanningPage *
shelter_window_get_planning_page (ShelterWindow *self)
{
  return SHELTER_PLANNING_PAGE (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                               SHELTER_TYPE_WINDOW,
                                                               "planning_page"));
}

static void
shelter_window_show_section (ShelterWindow *self,
                             GtkListBoxRow *row)
{
  gboolean residents = (row == self->residents_row);
  gboolean admin = (row == self->admin_row);

  if (residents)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "residents");
      adw_window_title_set_title (self->content_title, _("Residents"));
    }
  else if (row == shelter_window_get_today_row (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "today");
      adw_window_title_set_title (self->content_title, _("Today"));
      shelter_today_page_reload (shelter_window_get_today_page (self));
    }
  else if (row == self->rooms_row)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "rooms");
      adw_window_title_set_title (self->content_title, _("Rooms"));
      shelter_rooms_page_reload (self->rooms_page);
    }
  else if (row == self->meals_row)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "meals");
      adw_window_title_set_title (self->content_title, _("Meals"));
      shelter_kitchen_page_reload (self->kitchen_page);
    }
  else if (row == self->services_row)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "services");
      adw_window_title_set_title (self->content_title, _("Services"));
      shelter_services_page_reload (self->services_page);
    }
  else if (row == self->referrals_row)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "referrals");
      adw_window_title_set_title (self->content_title, _("Referrals"));
      shelter_referrals_page_reload (self->referrals_page);
    }
  else if (row == shelter_window_get_follow_up_row (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "follow-up");
      adw_window_title_set_title (self->content_title, _("Follow-up"));
      shelter_follow_up_page_reload (shelter_window_get_follow_up_page (self));
    }
  else if (row == shelter_window_get_planning_row (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "planning");
      adw_window_title_set_title (self->content_title, _("Planning"));
      shelter_planning_page_reload (shelter_window_get_planning_page (self));
    }
  else if (row == shelter_window_get_reports_row (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "reports");
      adw_window_title_set_title (self->content_title, _("Reports"));
      shelter_reports_page_reload (shelter_window_get_reports_page (self));
    }
  else if (admin)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "admin");
      shelter_admin_page_reload (self->admin_page);
    }
  else
    return;

  gtk_stack_set_visible_child (self->title_stack,
                               admin ? GTK_WIDGET (self->admin_switcher_title)
                                     : GTK_WIDGET (self->content_title));
  /* The search and the intake belong to the residents list. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), residents);
  gtk_widget_set_visible (self->intake_button,
                          residents && self->session != NULL
                          && shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT));
  gtk_widget_set_visible (self->list_back_button, FALSE);
}

/* Shows one resident's page in place of the list, with a button back to it. */
static void
shelter_window_open_resident (ShelterWindow *self,
                              gint64         person_id)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->locked)
    return;

  if (!shelter_resident_page_show_person (self->resident_page, person_id, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  if (gtk_list_box_get_selected_row (self->sidebar_list) != self->residents_row)
    gtk_list_box_select_row (self->sidebar_list, self->residents_row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  gtk_stack_set_visible_child_name (self->content_stack, "resident");
  gtk_stack_set_visible_child (self->title_stack,
                               GTK_WIDGET (shelter_window_get_resident_title (self)));
  adw_window_title_set_title (self->content_title,
                              shelter_resident_page_get_title (self->resident_page));
  adw_view_switcher_title_set_title (shelter_window_get_resident_title (self),
                                     shelter_resident_page_get_title (self->resident_page));
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), FALSE);
  gtk_widget_set_visible (self->intake_button, FALSE);
  gtk_widget_set_visible (self->list_back_button, TRUE);
  gtk_widget_grab_focus (self->list_back_button);
}

static void
resident_activated_cb (ShelterWindow        *self,
                       gint64                person_id,
                       ShelterResidentsPage *page)
{
  shelter_window_open_resident (self, person_id);
}

/* Shows the section a reminder names ("rooms", "planning", "referrals", "follow-up",
 * "reports", "services", "meals", "backups"); FALSE when there is none by that name for this session. */
static gboolean
shelter_window_show_section_named (ShelterWindow *self,
                                   const char    *name)
{
  const struct
  {
    const char    *name;
    GtkListBoxRow *row;
  } sections[] = {
    { "today", shelter_window_get_today_row (self) },
    { "residents", self->residents_row },
    { "rooms", self->rooms_row },
    { "planning", shelter_window_get_planning_row (self) },
    { "meals", self->meals_row },
    { "services", self->services_row },
    { "referrals", self->referrals_row },
    { "follow-up", shelter_window_get_follow_up_row (self) },
    { "reports", shelter_window_get_reports_row (self) },
    { "backups", self->admin_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_strcmp0 (name, sections[i].name) != 0)
        continue;
      if (!gtk_widget_get_visible (GTK_WIDGET (sections[i].row)))
        return FALSE;
      gtk_list_box_select_row (self->sidebar_list, sections[i].row);
      shelter_window_show_section (self, sections[i].row);
      if (sections[i].row == self->admin_row)
        {
          AdwViewStack *stack = shelter_admin_page_get_stack (self->admin_page);
          GtkWidget *child = adw_view_stack_get_child_by_name (stack, name);

          if (child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                                                        child)))
            adw_view_stack_set_visible_child (stack, child);
        }
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return TRUE;
    }
  return FALSE;
}

/* A row of the Today section: the resident's page on the tab it names (the Overview when
 * that tab is not shown to this session), or the section it names. */
static void
today_activated_cb (ShelterWindow    *self,
                    gint64            person_id,
                    const char       *page,
                    ShelterTodayPage *today)
{
  AdwViewStack *stack;
  GtkWidget *child;

  if (self->session == NULL || self->locked)
    return;
  if (person_id == 0)
    {
      shelter_window_show_section_named (self, page);
      return;
    }

  shelter_window_open_resident (self, person_id);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "resident") != 0)
    return;
  /* The diet and the meal days are on the tab of meals and needs. */
  if (g_strcmp0 (page, "meals") == 0)
    page = "care";
  stack = shelter_resident_page_get_stack (self->resident_page);
  child = page != NULL ? adw_view_stack_get_child_by_name (stack, page) : NULL;
  if (child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (stack, child)))
    adw_view_stack_set_visible_child (stack, child);
  else
    adw_view_stack_set_visible_child_name (stack, "overview");
}

/* A desktop notification clicked: the window raised, on the resident (or section) its
 * reminder is about, as from the Today section. */
static void
notice_open_cb (ShelterWindow   *self,
                gint64           person_id,
                const char      *page,
                ShelterNotifier *notifier)
{
  if (self->session == NULL)
    return;
  gtk_window_present (GTK_WINDOW (self));
  today_activated_cb (self, person_id, page, NULL);
}

static void
resident_changed_cb (ShelterWindow       *self,
                     ShelterResidentPage *page)
{
  shelter_residents_page_reload (self->residents_page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "resident") == 0)
    {
      adw_window_title_set_title (self->content_title,
                                  shelter_resident_page_get_title (self->resident_page));
      adw_view_switcher_title_set_title (shelter_window_get_resident_title (self),
                                         shelter_resident_page_get_title (self->resident_page));
    }
}

static void
list_back_clicked_cb (ShelterWindow *self,
                      GtkButton     *button)
{
  shelter_window_show_section (self, self->residents_row);
}

static void
sidebar_row_selected_cb (ShelterWindow *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  if (row != NULL)
    shelter_window_show_section (self, row);
}

static void
sidebar_row_activated_cb (ShelterWindow *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  /* Back from a resident's page to the list. */
  if (row == self->residents_row &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "resident") == 0)
    shelter_window_show_section (self, row);
  /* On a narrow window the sidebar and the content are two pages. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (ShelterWindow *self,
                 GtkButton     *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
resident_title_visible_cb (ShelterWindow        *self,
                           GParamSpec           *pspec,
                           AdwViewSwitcherTitle *title)
{
  /* Too narrow for the tabs in the header bar: they go to the bottom of the page. */
  shelter_resident_page_set_bottom_switcher (self->resident_page,
                                             adw_view_switcher_title_get_title_visible (title));
}

static void
admin_title_visible_cb (ShelterWindow        *self,
                        GParamSpec           *pspec,
                        AdwViewSwitcherTitle *title)
{
  /* Too narrow for the switcher in the header bar: it goes to the bottom. */
  shelter_admin_page_set_bottom_switcher (self->admin_page,
                                          adw_view_switcher_title_get_title_visible (title));
}

void
_shelter_window_set_title_from_centre (ShelterWindow *self)
{
  g_autoptr(ShelterCentre) centre = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;

  if (self->session != NULL)
    centre = shelter_centre_profile_get (self->session, &error);
  if (error != NULL)
    g_debug ("No centre profile: %s", error->message);
  if (centre != NULL)
    name = shelter_centre_get_name (centre);

  if (name != NULL && *name != '\0')
    {
      gtk_window_set_title (GTK_WINDOW (self), name);
      adw_window_title_set_subtitle (self->content_title, name);
      adw_view_switcher_title_set_subtitle (self->admin_switcher_title, name);
      adw_view_switcher_title_set_subtitle (shelter_window_get_resident_title (self), name);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
      adw_window_title_set_subtitle (self->content_title, NULL);
      adw_view_switcher_title_set_subtitle (self->admin_switcher_title, NULL);
      adw_view_switcher_title_set_subtitle (shelter_window_get_resident_title (self), NULL);
    }
}

/* Sessions */

void
_shelter_window_show_sign_in (ShelterWindow *self,
                              gboolean       can_go_back)
{
  {
    /* Staff at a shared desk should see which centre they are signing in to. */
    g_autofree char *centre_name = shelter_centre_profile_dup_name (self->db);
    gtk_window_set_title (GTK_WINDOW (self), centre_name ? centre_name : SHELTER_PRODUCT_NAME);
  }
  shelter_sign_in_page_set_db (self->sign_in_page, self->db);
  shelter_sign_in_page_set_can_go_back (self->sign_in_page, can_go_back);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  shelter_sign_in_page_focus (self->sign_in_page);
}

/* Reports to the police made from other desks */

#define POLICE_POLL_SECONDS 30

/* Tells this desk of each report recorded since the last look, from any desk sharing the
 * file; not of the session's own (the dialog that recorded it did already). */
static void
shelter_window_poll_police_reports (ShelterWindow *self)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id = self->police_last_id;

  notices = shelter_safety_reports_after (self->session, self->police_last_id, &last_id,
                                          &error);
  if (notices == NULL)
    {
      g_debug ("Could not look for reports to the police: %s", error->message);
      return;
    }
  self->police_last_id = last_id;
  for (guint i = 0; i < notices->len; i++)
    {
      ShelterPoliceNotice *notice = g_ptr_array_index (notices, i);

      if (!notice->own)
        shelter_safety_notify_police_informed (notice->case_code, notice->unit);
    }
}

/* The same for follow-ups finding someone at risk or re-trafficked (the case code only). */
static void
shelter_window_poll_follow_up_alerts (ShelterWindow *self)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_id = self->follow_up_last_id;

  if (!shelter_session_may (self->session, SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS))
    return;
  alerts = shelter_follow_up_alerts_after (self->session, self->follow_up_last_id, &last_id,
                                           &error);
  if (alerts == NULL)
    {
      g_debug ("Could not look for follow-up alerts: %s", error->message);
      return;
    }
  self->follow_up_last_id = last_id;
  for (guint i = 0; i < alerts->len; i++)
    {
      ShelterFollowUpAlert *alert = g_ptr_array_index (alerts, i);

      if (!alert->own)
        shelter_follow_up_notify_alert (alert->case_code, alert->situation);
    }
}

static gboolean
shelter_window_police_timeout_cb (gpointer user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);

  if (self->session == NULL || self->locked)
    {
      self->police_timeout_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (shelter_session_may (self->session, SHELTER_PERMISSION_HEAR_POLICE_REPORTS))
    shelter_window_poll_police_reports (self);
  shelter_window_poll_follow_up_alerts (self);
  return G_SOURCE_CONTINUE;
}

/* (Re)starts the look for reports when the session may hear of them and the window is not
 * locked; at sign-in it starts from the newest report, so that older ones are not told. A
 * lock stops it (the timeout is removed) and the unlock resumes from where it was. */
void
_shelter_window_watch_police_reports (ShelterWindow *self)
{
  g_clear_handle_id (&self->police_timeout_id, g_source_remove);

  if (self->session == NULL || self->locked
      || (!shelter_session_may (self->session, SHELTER_PERMISSION_HEAR_POLICE_REPORTS)
          && !shelter_session_may (self->session, SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS)))
    return;
  if (self->police_last_id < 0
      && shelter_session_may (self->session, SHELTER_PERMISSION_HEAR_POLICE_REPORTS))
    shelter_window_poll_police_reports (self);
  if (self->follow_up_last_id < 0)
    shelter_window_poll_follow_up_alerts (self);
  self->police_timeout_id = g_timeout_add_seconds (POLICE_POLL_SECONDS,
                                                   shelter_window_police_timeout_cb, self);
}

/* Shows the sections @session may see, on its first one. */
void
_shelter_window_start_session (ShelterWindow  *self,
                               ShelterSession *session)
{
  gboolean may_see_residents;
  gboolean may_see_rooms;
  gboolean may_see_admin;
  gboolean may_see_reports;

  /* Whoever was signed in is signed out first: nothing of theirs stays. */
  if (self->session != NULL)
    _shelter_window_end_session (self);

  self->session = g_object_ref (session);
  self->locked = FALSE;

  _shelter_window_set_title_from_centre (self);

  /* Only the sections the session may see; app/ would refuse the others anyway. */
  may_see_residents = shelter_session_may (session, SHELTER_PERMISSION_VIEW_RESIDENTS);
  may_see_rooms = shelter_session_may (session, SHELTER_PERMISSION_VIEW_ROOMS);
  may_see_admin = shelter_admin_page_session_may_see (session);
  gtk_widget_set_visible (GTK_WIDGET (shelter_window_get_today_row (self)), may_see_residents);
  shelter_today_page_set_session (shelter_window_get_today_page (self),
                                  may_see_residents ? session : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->residents_row), may_see_residents);
  gtk_widget_set_visible (GTK_WIDGET (self->rooms_row), may_see_rooms);
  gtk_widget_set_visible (GTK_WIDGET (shelter_window_get_planning_row (self)), may_see_rooms);
  gtk_widget_set_visible (GTK_WIDGET (self->admin_row), may_see_admin);
  gtk_widget_set_visible (GTK_WIDGET (self->services_row), may_see_residents);
  shelter_services_page_set_session (self->services_page, may_see_residents ? session : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->referrals_row), may_see_residents);
  shelter_referrals_page_set_session (self->referrals_page, may_see_residents ? session : NULL);
  gtk_widget_set_visible (GTK_WIDGET (shelter_window_get_follow_up_row (self)), may_see_residents);
  shelter_follow_up_page_set_session (shelter_window_get_follow_up_page (self),
                                      may_see_residents ? session : NULL);

  shelter_residents_page_set_session (self->residents_page,
                                      may_see_residents ? session : NULL);
  shelter_resident_page_set_session (self->resident_page, may_see_residents ? session : NULL);
  shelter_rooms_page_set_session (self->rooms_page, may_see_rooms ? session : NULL);
  shelter_planning_page_set_session (shelter_window_get_planning_page (self),
                                     may_see_rooms ? session : NULL);
  may_see_reports = shelter_session_may (session, SHELTER_PERMISSION_VIEW_REPORTS);
  gtk_widget_set_visible (GTK_WIDGET (shelter_window_get_reports_row (self)), may_see_reports);
  shelter_reports_page_set_session (shelter_window_get_reports_page (self),
                                    may_see_reports ? session : NULL);
  shelter_admin_page_set_session (self->admin_page, may_see_admin ? session : NULL);
  shelter_kitchen_page_set_session (self->kitchen_page, session);

  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "main");

  gtk_list_box_unselect_all (self->sidebar_list);
  /* Those who care for residents start the day on Today. */
  if (may_see_residents)
    gtk_list_box_select_row (self->sidebar_list, shelter_window_get_today_row (self));
  else if (may_see_rooms)
    gtk_list_box_select_row (self->sidebar_list, self->rooms_row);
  else if (may_see_admin)
    gtk_list_box_select_row (self->sidebar_list, self->admin_row);
  shelter_window_show_section (self, gtk_list_box_get_selected_row (self->sidebar_list));

  /* On a narrow window, the sidebar first. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));

  _shelter_window_update_actions (self);
  _shelter_window_note_activity (self);
  _shelter_window_arm_idle_lock (self);
  self->police_last_id = -1;
  self->follow_up_last_id = -1;
  _shelter_window_watch_police_reports (self);
  _shelter_window_schedule_backup (self);
  shelter_notifier_start (shelter_notifier_get_default (), session);
}

/* Signs the session out: its pages, dialogs and timers go; the database stays open. */
void
_shelter_window_end_session (ShelterWindow *self)
{
  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);
  g_clear_handle_id (&self->police_timeout_id, g_source_remove);
  self->police_last_id = -1;
  self->follow_up_last_id = -1;
  _shelter_window_cancel_scheduled_backup (self);
  _shelter_window_destroy_dialogs (self);

  /* The content is hidden before it is emptied, then rebuilt by the next session. */
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);
  shelter_residents_page_set_session (self->residents_page, NULL);
  shelter_resident_page_set_session (self->resident_page, NULL);
  shelter_rooms_page_set_session (self->rooms_page, NULL);
  shelter_planning_page_set_session (shelter_window_get_planning_page (self), NULL);
  shelter_reports_page_set_session (shelter_window_get_reports_page (self), NULL);
  shelter_services_page_set_session (self->services_page, NULL);
  shelter_referrals_page_set_session (self->referrals_page, NULL);
  shelter_follow_up_page_set_session (shelter_window_get_follow_up_page (self), NULL);
  shelter_today_page_set_session (shelter_window_get_today_page (self), NULL);
  shelter_admin_page_set_session (self->admin_page, NULL);
  shelter_kitchen_page_set_session (self->kitchen_page, NULL);
  shelter_lock_page_set_session (self->lock_page, NULL);
  gtk_list_box_unselect_all (self->sidebar_list);

  shelter_notifier_stop (shelter_notifier_get_default (), self->session);
  g_clear_object (&self->session);
  self->locked = FALSE;

  gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
  _shelter_window_update_actions (self);
}

static void
signed_in_cb (ShelterWindow     *self,
              ShelterSession    *session,
              ShelterSignInPage *page)
{
  _shelter_window_start_session (self, session);
}

static void
set_up_cb (ShelterWindow    *self,
           ShelterSession   *session,
           ShelterSetupPage *page)
{
  shelter_setup_page_set_db (self->setup_page, NULL);
  _shelter_window_start_session (self, session);
  _shelter_window_show_message (GTK_WIDGET (self),
                                _("The centre is set up. Create the other staff accounts in "
                                  "Administration."));
}

/* Opening and closing the database */

void
_shelter_window_close_database (ShelterWindow *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  _shelter_window_end_session (self);
  shelter_sign_in_page_set_db (self->sign_in_page, NULL);
  shelter_setup_page_set_db (self->setup_page, NULL);
  g_clear_object (&self->db);
}

void
_shelter_window_show_error (ShelterWindow *self,
                            const GError  *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  _shelter_window_close_database (self);

  gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_file_button));
}

/* A damaged database: what happened, and the latest backup of that file to restore */

static void
recovery_restored_cb (ShelterWindow       *self,
                      const char          *db_path,
                      const char          *replaced_path,
                      ShelterRecoveryPage *page)
{
  g_autofree char *path = g_strdup (db_path);

  shelter_window_open_database (self, path, SHELTER_DB_OPEN_DEFAULT);
  if (self->db == NULL)
    return;
  if (replaced_path != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The backup was restored. The damaged file was kept as “%s”: give "
                           "it to the administrator, do not delete it yet."), replaced_path);
      _shelter_window_show_lasting_message (self, message);
    }
  else
    _shelter_window_show_message (GTK_WIDGET (self), _("The backup was restored."));
}

static void choose_file_clicked_cb (ShelterWindow *self,
                                    GtkButton     *button);

static void
recovery_choose_database_cb (ShelterWindow       *self,
                             ShelterRecoveryPage *page)
{
  choose_file_clicked_cb (self, NULL);
}

/* Instead of the sign-in form: nothing has been written to @path, and nothing will be. */
static void
shelter_window_show_recovery (ShelterWindow *self,
                              const char    *path,
                              const GError  *error)
{
  g_autofree char *db_path = g_strdup (path);
  GtkWidget *page;

  _shelter_window_close_database (self);
  page = gtk_stack_get_child_by_name (self->main_stack, "recovery");
  if (page == NULL)
    {
      page = shelter_recovery_page_new ();
      g_signal_connect_object (page, "restored", G_CALLBACK (recovery_restored_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (page, "choose-database", G_CALLBACK (recovery_choose_database_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, page, "recovery");
    }
  gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
  shelter_recovery_page_set_database (SHELTER_RECOVERY_PAGE (page), db_path, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "recovery");
}

static void
check_database_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;

  /* A connection of its own, read-only: opening it runs the check. */
  db = shelter_db_open (task_data, SHELTER_DB_OPEN_READ_ONLY, &error);
  if (db == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_database_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (source);
  g_autoptr (GError) error = NULL;
  gboolean sound = g_task_propagate_boolean (G_TASK (result), &error);

  /* Another file was opened since, or the window closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->check_cancellable ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  if (!sound && g_error_matches (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT))
    {
      /* Whoever is at the sign-in screen has not written anything yet. */
      g_autofree char *path = g_strdup (shelter_db_get_path (self->db));

      shelter_window_show_recovery (self, path, error);
      return;
    }
  /* When the check itself could not run (no second connection), the window's connection
   * reads the file as before, and SQLite refuses a damaged page when it meets one. */
  if (!sound)
    g_warning ("The database check did not run: %s", error->message);
  shelter_sign_in_page_set_checking (self->sign_in_page, FALSE);
}

/* The quick check reads every page: seconds on a large centre. It runs on its own
 * connection while the sign-in screen is already shown, and a sign-in waits for it. */
static void
shelter_window_check_database (ShelterWindow *self)
{
  g_autoptr (GTask) task = NULL;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->check_cancellable = g_cancellable_new ();
  shelter_sign_in_page_set_checking (self->sign_in_page, TRUE);
  task = g_task_new (self, self->check_cancellable, check_database_done_cb, NULL);
  g_task_set_source_tag (task, shelter_window_check_database);
  g_task_set_task_data (task, g_strdup (shelter_db_get_path (self->db)), g_free);
  g_task_run_in_thread (task, check_database_thread);
}

void
shelter_window_open_database (ShelterWindow      *self,
                              const char         *path,
                              ShelterDbOpenFlags  flags)
{
  g_autoptr(ShelterDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;
  gboolean needs_setup;

  g_return_if_fail (SHELTER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _shelter_window_close_database (self);

  /* The window's connection skips the check; shelter_window_check_database() runs it. */
  db = shelter_db_open (path, flags | SHELTER_DB_OPEN_CHECKED, &error);
  if (db == NULL && g_error_matches (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT))
    {
      shelter_window_show_recovery (self, path, error);
      return;
    }
  if (db == NULL)
    {
      /* The message is already a sentence for the caseworker. */
      _shelter_window_show_error (self, error);
      return;
    }

  needs_setup = shelter_accounts_needs_setup (db, &error);
  if (error != NULL)
    {
      _shelter_window_show_error (self, error);
      return;
    }

  self->db = g_steal_pointer (&db);
  self->scheduled_backup_done = FALSE;

  settings = shelter_window_get_settings (self);
  if (settings != NULL)
    g_settings_set_string (settings, "last-database", shelter_db_get_path (self->db));

  if (needs_setup)
    {
      gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
      /* Shown first, so that the form can take the focus. */
      gtk_stack_set_visible_child_name (self->main_stack, "setup");
      shelter_setup_page_set_db (self->setup_page, self->db);
    }
  else
    _shelter_window_show_sign_in (self, FALSE);
  if (!needs_setup && (flags & SHELTER_DB_OPEN_CHECKED) == 0)
    shelter_window_check_database (self);
}

ShelterSession *
shelter_window_get_session (ShelterWindow *self)
{
  g_return_val_if_fail (SHELTER_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
shelter_window_get_locked (ShelterWindow *self)
{
  g_return_val_if_fail (SHELTER_IS_WINDOW (self), FALSE);

  return self->locked;
}

/* Choosing another database */

static void
shelter_window_chooser_response_cb (ShelterWindow        *self,
                                    int                   response,
                                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  g_clear_object (&self->chooser);

  /* A file chosen by hand is opened as it is: never created when missing. */
  if (path != NULL)
    shelter_window_open_database (self, path, SHELTER_DB_OPEN_DEFAULT);
}

static void
choose_file_clicked_cb (ShelterWindow *self,
                        GtkButton     *button)
{
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open a Database"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Mái Ấm databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (shelter_window_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Actions */

static void
shelter_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);

  if (self->session == NULL || self->locked
      || !gtk_widget_get_visible (GTK_WIDGET (self->residents_row)))
    return;

  /* From anywhere, a resident's page included: the row may be selected already, and then
   * selecting it again would not bring the list back. */
  gtk_list_box_select_row (self->sidebar_list, self->residents_row);
  shelter_window_show_section (self, self->residents_row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  shelter_residents_page_focus_search (self->residents_page);
}

static void
shelter_window_back_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);

  if (gtk_widget_get_visible (self->list_back_button))
    shelter_window_show_section (self, self->residents_row);
}

static void
intake_admitted_cb (ShelterWindow       *self,
                    gint64               person_id,
                    const char          *case_code,
                    ShelterIntakeDialog *dialog)
{
  /* The assistant has said what was received, with the intake record's number. */
  shelter_residents_page_reload (self->residents_page);
  shelter_window_open_resident (self, person_id);
}

static void
shelter_window_new_intake_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);
  ShelterIntakeDialog *dialog;

  if (self->session == NULL || self->locked
      || !shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT))
    return;

  dialog = shelter_intake_dialog_new (self->session);
  g_signal_connect_object (dialog, "admitted", G_CALLBACK (intake_admitted_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_window_lock_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _shelter_window_lock (SHELTER_WINDOW (widget));
}

static void
shelter_window_sign_out_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);

  if (self->session == NULL)
    return;

  _shelter_window_end_session (self);
  _shelter_window_show_sign_in (self, FALSE);
}

static gboolean
change_password_cb (ShelterPasswordDialog  *dialog,
                    const char             *current,
                    const char             *secret,
                    gpointer                user_data,
                    GError                **error)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);

  if (self->session == NULL)
    return TRUE;

  if (!shelter_accounts_change_password (self->session, current, secret, error))
    return FALSE;

  _shelter_window_show_message (GTK_WIDGET (self), _("Your password was changed"));
  return TRUE;
}

static void
shelter_window_change_password_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);
  ShelterPasswordDialog *dialog;

  if (self->session == NULL || self->locked)
    return;

  /* The dialog is destroyed with the session, so it never outlives the window. */
  dialog = shelter_password_dialog_new (SHELTER_PASSWORD_DIALOG_CHANGE,
                                        _("Change Password"),
                                        _("Type your current password, then the new one "
                                          "twice."),
                                        _("C_hange"),
                                        change_password_cb, self, NULL);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* The window */

static gboolean
shelter_window_close_request (GtkWindow *window)
{
  ShelterWindow *self = SHELTER_WINDOW (window);
  GSettings *settings = shelter_window_get_settings (self);

  if (settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width;
      int height;

      /* The unmaximized size, so that unmaximizing after the next start restores it. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", maximized);
      if (!maximized && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (shelter_window_parent_class)->close_request (window);
}

static void
shelter_window_restore_size (ShelterWindow *self)
{
  GSettings *settings = shelter_window_get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
shelter_window_dispose (GObject *object)
{
  ShelterWindow *self = SHELTER_WINDOW (object);

  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);
  g_clear_handle_id (&self->police_timeout_id, g_source_remove);
  if (self->session != NULL)
    shelter_notifier_stop (shelter_notifier_get_default (), self->session);
  _shelter_window_cancel_restore (self);
  _shelter_window_cancel_scheduled_backup (self);
  _shelter_window_forget_dialogs (self);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (shelter_window_parent_class)->dispose (object);
}

/* Back from the lock screen, on the Today section: what is due may have changed meanwhile,
 * from this desk or another. Anywhere else the user finds their work where they left it. */
static void
today_unlocked_cb (ShelterWindow   *self,
                   ShelterLockPage *page)
{
  if (self->session != NULL && !self->locked &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "today") == 0)
    shelter_today_page_reload (shelter_window_get_today_page (self));
}

static void
shelter_window_finalize (GObject *object)
{
  ShelterWindow *self = SHELTER_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->db);
  g_clear_pointer (&self->dialogs, g_ptr_array_unref);
  g_clear_pointer (&self->native_dialogs, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_window_parent_class)->finalize (object);
}

static void
shelter_window_class_init (ShelterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_window_dispose;
  object_class->finalize = shelter_window_finalize;

  window_class->close_request = shelter_window_close_request;

  g_type_ensure (SHELTER_TYPE_RESIDENTS_PAGE);
  g_type_ensure (SHELTER_TYPE_RESIDENT_PAGE);
  g_type_ensure (SHELTER_TYPE_ROOMS_PAGE);
  g_type_ensure (SHELTER_TYPE_PLANNING_PAGE);
  g_type_ensure (SHELTER_TYPE_REPORTS_PAGE);
  g_type_ensure (SHELTER_TYPE_KITCHEN_PAGE);
  g_type_ensure (SHELTER_TYPE_SERVICES_PAGE);
  g_type_ensure (SHELTER_TYPE_REFERRALS_PAGE);
  g_type_ensure (SHELTER_TYPE_FOLLOW_UP_PAGE);
  g_type_ensure (SHELTER_TYPE_TODAY_PAGE);
  g_type_ensure (SHELTER_TYPE_ADMIN_PAGE);
  g_type_ensure (SHELTER_TYPE_SETUP_PAGE);
  g_type_ensure (SHELTER_TYPE_SIGN_IN_PAGE);
  g_type_ensure (SHELTER_TYPE_LOCK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, choose_file_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, residents_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, rooms_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, admin_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, admin_switcher_title);
  /* Looked up with gtk_widget_get_template_child(): no field for it. */
  gtk_widget_class_bind_template_child_full (widget_class, "resident_switcher_title", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, list_back_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, intake_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, residents_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, resident_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, rooms_page);
  /* Looked up with gtk_widget_get_template_child(): no fields for them. */
  gtk_widget_class_bind_template_child_full (widget_class, "planning_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "planning_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reports_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reports_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "follow_up_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "follow_up_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "today_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "today_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, meals_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, kitchen_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, services_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, referrals_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, referrals_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, admin_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "sign_in_back_cb",
                                                G_CALLBACK (_shelter_window_sign_in_back_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "unlocked_cb",
                                                G_CALLBACK (_shelter_window_unlocked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "switch_user_cb",
                                                G_CALLBACK (_shelter_window_switch_user_cb));

  /* Ctrl+F is an application accelerator (shelter-application.c). */
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   shelter_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.new-intake", NULL,
                                   shelter_window_new_intake_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-intake", NULL);
  gtk_widget_class_install_action (widget_class, "win.back-to-list", NULL,
                                   shelter_window_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back-to-list", NULL);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL,
                                   shelter_window_lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL,
                                   shelter_window_sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL,
                                   shelter_window_change_password_action);
}

static void
shelter_window_init (ShelterWindow *self)
{
  self->dialogs = g_ptr_array_new ();
  self->native_dialogs = g_ptr_array_new ();
  self->police_last_id = -1;
  self->follow_up_last_id = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);

  adw_view_switcher_title_set_stack (self->admin_switcher_title,
                                     shelter_admin_page_get_stack (self->admin_page));
  g_signal_connect_object (self->admin_switcher_title, "notify::title-visible",
                           G_CALLBACK (admin_title_visible_cb), self, G_CONNECT_SWAPPED);
  adw_view_switcher_title_set_stack (shelter_window_get_resident_title (self),
                                     shelter_resident_page_get_stack (self->resident_page));
  g_signal_connect_object (shelter_window_get_resident_title (self), "notify::title-visible",
                           G_CALLBACK (resident_title_visible_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lock_page, "unlocked", G_CALLBACK (today_unlocked_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (shelter_notifier_get_default (), "open-resident",
                           G_CALLBACK (notice_open_cb), self, G_CONNECT_SWAPPED);

  /* Any input, wherever it goes, puts the idle lock off. */
  _shelter_window_add_activity_controllers (self, GTK_WIDGET (self));
  self->last_activity = g_get_monotonic_time ();

  /* Nothing is shown before a database is opened and someone signs in. */
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);
  _shelter_window_update_actions (self);
}

ShelterWindow *
shelter_window_new (ShelterApplication *application)
{
  ShelterWindow *self;

  g_return_val_if_fail (SHELTER_IS_APPLICATION (application), NULL);

  self = g_object_new (SHELTER_TYPE_WINDOW, "application", application, NULL);
  /* Not in constructed(): "application" is set only after it. */
  shelter_window_restore_size (self);
  /* The main menu's choice of desktop notifications, kept in the settings. */
  if (shelter_window_get_settings (self) != NULL)
    {
      g_autoptr (GAction) level = g_settings_create_action (shelter_window_get_settings (self),
                                                            "notify-level");
      g_action_map_add_action (G_ACTION_MAP (self), level);
    }

  return self;
}
