/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the alerts of daily care on the Overview. The health
 * check at arrival not done in time and the periodic health check due (app/'s flags of the
 * stay), linking to the Services tab; the support plan's review due, linking to the Support
 * Plan tab. app/ decides what is due; this file shows it. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-resident-page-private.h"
#include "shelter-services.h"
#include "shelter-settings.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* As app/shelter-services.c counts when the setting is not set or out of bounds. */
#define ARRIVAL_HOURS_DEFAULT 24

static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->session != NULL && self->stay != NULL &&
         shelter_stay_get_discharged_at (self->stay) == NULL;
}

static int
arrival_hours (ShelterResidentPage *self)
{
  int hours = shelter_settings_get_int (shelter_session_get_db (self->session),
                                        SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS,
                                        ARRIVAL_HOURS_DEFAULT);

  return hours >= 1 && hours <= 168 ? hours : ARRIVAL_HOURS_DEFAULT;
}

static GtkWidget *
new_health_check_row (ShelterResidentPage          *self,
                      const ShelterHealthCheckFlag *flag)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (flag->kind == SHELTER_HEALTH_CHECK_ARRIVAL)
    {
      g_autofree char *since = _shelter_ui_format_time (flag->since);
      int hours = arrival_hours (self);

      title = g_strdup (_("Health check at arrival overdue"));
      /* Translators: under "Health check at arrival overdue"; %s is when the resident was
       * admitted (dd/mm/yyyy hh:mm), %d the hours within which the check is due. */
      subtitle = g_strdup_printf (ngettext ("Admitted on %s; due within %d hour of arrival",
                                            "Admitted on %s; due within %d hours of arrival",
                                            hours),
                                  since != NULL ? since : flag->since, hours);
      row = _shelter_resident_page_new_alert_row ("appointment-missed-symbolic", "error",
                                                  title, subtitle);
    }
  else
    {
      g_autofree char *since = shelter_text_format_date (flag->since);

      title = g_strdup (_("Periodic health check due"));
      /* Translators: under "Periodic health check due"; %s is the day of the last health
       * check, or of the admission when there was none (dd/mm/yyyy). */
      subtitle = g_strdup_printf (_("No health check since %s; one is due every 6 months"),
                                  since != NULL ? since : flag->since);
      row = _shelter_resident_page_new_alert_row ("task-due-symbolic", "warning", title,
                                                  subtitle);
    }
  _shelter_resident_page_link_alert (row, "services");
  return row;
}

static gboolean
add_health_check_alerts (ShelterResidentPage *self)
{
  g_autoptr (GArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  gboolean arrival = FALSE;

  flags = shelter_services_health_check_flags_for_stay (self->session,
                                                        shelter_stay_get_id (self->stay),
                                                        &error);
  if (flags == NULL)
    {
      /* Those who may not see residents' services have no alert to see. */
      if (!g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED))
        g_warning ("The health checks due cannot be read: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < flags->len; i++)
    {
      const ShelterHealthCheckFlag *flag = &g_array_index (flags, ShelterHealthCheckFlag, i);

      gtk_list_box_append (self->alerts_list, new_health_check_row (self, flag));
      arrival = arrival || flag->kind == SHELTER_HEALTH_CHECK_ARRIVAL;
    }
  adw_view_stack_page_set_needs_attention (self->services_page, arrival);
  return flags->len > 0;
}

static gboolean
add_plan_review_alert (ShelterResidentPage *self)
{
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *review = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  file = shelter_support_plan_read (self->session, shelter_stay_get_id (self->stay), &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED))
        g_warning ("The support plan cannot be read: %s", error->message);
      return FALSE;
    }
  if (!file->review_due || file->plan == NULL)
    return FALSE;

  review = shelter_text_format_date (file->plan->review_on);
  if (review != NULL)
    /* Translators: under "Support plan review due"; %s is the review date (dd/mm/yyyy). */
    subtitle = g_strdup_printf (_("The review was set for %s"), review);
  row = _shelter_resident_page_new_alert_row ("task-due-symbolic", "warning",
                                              _("Support plan review due"), subtitle);
  _shelter_resident_page_link_alert (row, "plan");
  gtk_list_box_append (self->alerts_list, row);
  adw_view_stack_page_set_needs_attention (self->plan_page, TRUE);
  return TRUE;
}

gboolean
_shelter_resident_page_add_care_alerts (ShelterResidentPage *self)
{
  gboolean any = FALSE;

  adw_view_stack_page_set_needs_attention (self->services_page, FALSE);
  adw_view_stack_page_set_needs_attention (self->plan_page, FALSE);
  if (!stay_is_open (self))
    return FALSE;

  if (add_health_check_alerts (self))
    any = TRUE;
  if (add_plan_review_alert (self))
    any = TRUE;
  return any;
}
