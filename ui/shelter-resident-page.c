/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-person-dialog.h"
#include "shelter-resident-page.h"
#include "shelter-residents-model.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* Shown for what is not known. */
#define UNKNOWN_TEXT "—"

struct _ShelterResidentPage
{
  AdwBin                  parent_instance;

  ShelterSession         *session;
  gint64                  person_id;
  ShelterResidentSummary *summary;
  /* The record, when the session may see it; NULL for a protected resident it may not. */
  ShelterPerson          *person;

  /* Template widgets */
  GtkLabel               *name_label;
  GtkLabel               *case_code_label;
  GtkWidget              *protection_tag;
  GtkWidget              *edit_button;
  GtkWidget              *masked_label;
  AdwActionRow           *age_sex_row;
  AdwActionRow           *person_type_row;
  AdwActionRow           *room_row;
  AdwActionRow           *admitted_row;
  AdwActionRow           *status_row;
};

G_DEFINE_FINAL_TYPE (ShelterResidentPage, shelter_resident_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : UNKNOWN_TEXT);
}

static char *
shelter_resident_page_format_age_sex (ShelterResidentPage *self)
{
  const char *birth = shelter_resident_summary_get_birth_date (self->summary);
  const char *sex = shelter_resident_summary_get_sex (self->summary);
  const char *sex_label = sex != NULL ? shelter_enum_label (&shelter_enum_sex, sex) : NULL;
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autofree char *age_text = NULL;
  GDate today;
  int age = -1;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (birth != NULL)
    age = shelter_text_age_on (birth, &today);

  if (age >= 0 && g_strcmp0 (shelter_resident_summary_get_birth_precision (self->summary),
                             "estimated") == 0)
    /* Translators: an age in years whose birth date was estimated. */
    age_text = g_strdup_printf (_("%d years (estimated)"), age);
  else if (age >= 0)
    age_text = g_strdup_printf (ngettext ("%d year", "%d years", age), age);

  if (age_text != NULL && sex_label != NULL)
    /* Translators: age, then sex: "34 years, Female". */
    return g_strdup_printf (_("%s, %s"), age_text, sex_label);
  if (age_text != NULL)
    return g_steal_pointer (&age_text);
  return g_strdup (sex_label);
}

static void
shelter_resident_page_update (ShelterResidentPage *self)
{
  g_autofree char *age_sex = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *discharged = NULL;
  g_autofree char *status = NULL;
  g_autofree char *case_code = NULL;
  const char *person_type = NULL;

  if (self->summary == NULL)
    return;

  gtk_label_set_label (self->name_label, shelter_resident_summary_get_full_name (self->summary));
  /* Translators: the case code under the resident's name. */
  case_code = g_strdup_printf (_("Case code %s"),
                               shelter_resident_summary_get_case_code (self->summary));
  gtk_label_set_label (self->case_code_label, case_code);
  gtk_widget_set_visible (self->protection_tag,
                          shelter_resident_summary_get_high_protection (self->summary));
  gtk_widget_set_visible (self->masked_label, self->person == NULL &&
                          shelter_resident_summary_get_high_protection (self->summary));
  gtk_widget_set_visible (self->edit_button,
                          self->person != NULL &&
                          shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT));

  age_sex = shelter_resident_page_format_age_sex (self);
  set_subtitle (self->age_sex_row, age_sex);

  if (self->person != NULL && shelter_person_get_person_type (self->person) != NULL)
    person_type = shelter_enum_label (&shelter_enum_person_type,
                                      shelter_person_get_person_type (self->person));
  set_subtitle (self->person_type_row, person_type);

  set_subtitle (self->room_row, shelter_resident_summary_get_room_code (self->summary));

  admitted = shelter_text_format_date (shelter_resident_summary_get_admitted_at (self->summary));
  set_subtitle (self->admitted_row, admitted);

  if (shelter_resident_summary_get_discharged_at (self->summary) != NULL)
    {
      discharged =
        shelter_text_format_date (shelter_resident_summary_get_discharged_at (self->summary));
      /* Translators: the status of a resident who has left the centre. */
      status = g_strdup_printf (_("Left on %s"), discharged);
    }
  else if (shelter_resident_summary_get_admitted_at (self->summary) != NULL)
    status = g_strdup (_("In residence"));
  set_subtitle (self->status_row, status);
}

gboolean
shelter_resident_page_show_person (ShelterResidentPage  *self,
                                   gint64                person_id,
                                   GError              **error)
{
  g_autoptr(ShelterResidentSummary) summary = NULL;
  g_autoptr(ShelterPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHELTER_IS_RESIDENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  summary = shelter_residents_get_summary (self->session, person_id, error);
  if (summary == NULL)
    return FALSE;

  /* A resident under high protection is shown masked, as the list shows them, to those
   * who may not know who they are. */
  person = shelter_person_open (self->session, person_id, &local_error);
  if (person == NULL &&
      !g_error_matches (local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->person_id = person_id;
  g_set_object (&self->summary, summary);
  g_set_object (&self->person, person);
  shelter_resident_page_update (self);

  return TRUE;
}

const char *
shelter_resident_page_get_title (ShelterResidentPage *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_PAGE (self), NULL);

  return self->summary != NULL ? shelter_resident_summary_get_full_name (self->summary) : NULL;
}

static void
dialog_saved_cb (ShelterResidentPage *self,
                 ShelterPerson       *person,
                 ShelterPersonDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!shelter_resident_page_show_person (self, self->person_id, &error))
    _shelter_window_show_message (GTK_WIDGET (self), error->message);
  else
    _shelter_window_show_message (GTK_WIDGET (self), _("Saved"));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
edit_clicked_cb (ShelterResidentPage *self,
                 GtkButton           *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterPerson) person = NULL;
  ShelterPersonDialog *dialog;

  if (self->session == NULL || self->person_id <= 0)
    return;

  /* Read again: the form starts from what is stored now. */
  person = shelter_person_open (self->session, self->person_id, &error);
  if (person == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  dialog = shelter_person_dialog_new (self->session, person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

void
shelter_resident_page_set_session (ShelterResidentPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_RESIDENT_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Nothing of the previous session's resident stays on the page. */
  g_set_object (&self->session, session);
  g_clear_object (&self->summary);
  g_clear_object (&self->person);
  self->person_id = 0;
  gtk_label_set_label (self->name_label, "");
  gtk_label_set_label (self->case_code_label, "");
}

static void
shelter_resident_page_dispose (GObject *object)
{
  ShelterResidentPage *self = SHELTER_RESIDENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_RESIDENT_PAGE);

  g_clear_object (&self->session);
  g_clear_object (&self->summary);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (shelter_resident_page_parent_class)->dispose (object);
}

static void
shelter_resident_page_class_init (ShelterResidentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_resident_page_dispose;

  /* The resident's record was saved. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-resident-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, case_code_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, protection_tag);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, masked_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, age_sex_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, person_type_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, room_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, admitted_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, status_row);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
}

static void
shelter_resident_page_init (ShelterResidentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
