/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-intake-dialog"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-intake-dialog.h"
#include "shelter-person-form.h"
#include "shelter-residents-model.h"
#include "shelter-rooms.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* How long typing must pause before the records are searched for the same person. */
#define SIMILAR_DELAY_MS 400

typedef enum
{
  STEP_WHO,
  STEP_WHEN,
  STEP_ROOM,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "who", "when", "room" };

struct _ShelterIntakeDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  ShelterPersonForm   *form;
  Step                 step;
  /* The person as checked when leaving the first step. */
  ShelterPerson       *person;
  /* The time of admission, ISO 8601 with offset, as checked when leaving the second step. */
  char                *admitted_at;
  gint64               room_id;
  guint                similar_id;
  /* Set while the rooms are listed: a room checked then is not the user's choice. */
  gboolean             loading_rooms;
  gboolean             dirty;
  gboolean             may_close;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkWidget           *next_button;
  GtkLabel            *next_label;
  GtkStack            *step_stack;
  GtkBox              *who_box;
  GtkWidget           *returning_group;
  AdwActionRow        *returning_row;
  GtkWidget           *similar_group;
  GtkListBox          *similar_list;
  GtkWidget           *warnings_group;
  GtkListBox          *warnings_list;
  GtkLabel            *when_error_label;
  AdwEntryRow         *admitted_row;
  GtkLabel            *room_error_label;
  GtkListBox          *room_list;
};

G_DEFINE_FINAL_TYPE (ShelterIntakeDialog, shelter_intake_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void shelter_intake_dialog_load_rooms (ShelterIntakeDialog *self);

/* Steps */

static void
shelter_intake_dialog_set_step (ShelterIntakeDialog *self,
                                Step                 step)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *next_name = NULL;
  const char *step_title[N_STEPS] = { _("Who"), _("How They Came"), _("Room") };

  self->step = step;
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_widget_set_visible (self->back_button, step > STEP_WHO);

  /* Translators: "Step 1 of 3: Who". */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), step + 1, N_STEPS, step_title[step]);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_label_set_label (self->next_label, step == STEP_ROOM ? _("_Receive") : _("_Next"));
  next_name = g_strdup (gtk_label_get_text (self->next_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);

  switch (step)
    {
    case STEP_WHO:
      shelter_person_form_focus (self->form);
      break;
    case STEP_WHEN:
      gtk_widget_grab_focus (GTK_WIDGET (self->admitted_row));
      break;
    case STEP_ROOM:
    case N_STEPS:
    default:
      shelter_intake_dialog_load_rooms (self);
      break;
    }
}

/* Step 1: who */

static void
shelter_intake_dialog_update_warnings (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GPtrArray) warnings = NULL;

  shelter_person_validate (person, now, NULL);
  warnings = shelter_person_warnings (person);
  _shelter_ui_show_warnings (self->warnings_group, self->warnings_list, warnings);
}

static void
shelter_intake_dialog_set_returning (ShelterIntakeDialog *self,
                                     ShelterPerson       *person)
{
  gboolean returning = person != NULL;

  shelter_person_form_set_person (self->form, person);
  /* What is on record is kept as it is: a correction is an edit on the resident's page. */
  shelter_person_form_set_editable (self->form, !returning);
  gtk_widget_set_visible (self->returning_group, returning);
  gtk_widget_set_visible (self->similar_group, FALSE);
  _shelter_ui_clear_list_box (self->similar_list);

  if (returning)
    {
      g_autofree char *subtitle =
        /* Translators: under "A new stay for a person on record". */
        g_strdup_printf (_("Case code %s. Their record is kept as it is; correct it on their "
                           "page."), shelter_person_get_case_code (person));

      adw_action_row_set_subtitle (self->returning_row, subtitle);
      gtk_widget_grab_focus (self->next_button);
    }
  else
    shelter_person_form_focus (self->form);

  shelter_intake_dialog_update_warnings (self);
}

static void
new_stay_clicked_cb (GtkButton           *button,
                     ShelterIntakeDialog *self)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                          "shelter-person-id"));
  g_autoptr(ShelterPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = shelter_person_open (self->session, person_id, &error);
  if (person == NULL)
    {
      shelter_person_form_show_error (self->form, error);
      return;
    }

  self->dirty = TRUE;
  shelter_intake_dialog_set_returning (self, person);
}

static GtkWidget *
shelter_intake_dialog_new_similar_row (ShelterIntakeDialog    *self,
                                       ShelterResidentSummary *summary)
{
  g_autofree char *birth = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *label;

  birth = shelter_text_format_date (shelter_resident_summary_get_birth_date (summary));
  if (birth != NULL)
    /* Translators: a person on record: "Case code 2026-0012 · born 03/05/1998". */
    subtitle = g_strdup_printf (_("Case code %s · born %s"),
                                shelter_resident_summary_get_case_code (summary), birth);
  else
    subtitle = g_strdup_printf (_("Case code %s"),
                                shelter_resident_summary_get_case_code (summary));

  row = _shelter_ui_new_text_row (shelter_resident_summary_get_full_name (summary), subtitle);

  /* A presentational label and an explicit name, so that the underline is not read. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", _("_New Stay for This Person"),
                        "use-underline", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The row names the person: the button says what it does to them. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Stay for This Person"), -1);
  g_object_set_data (G_OBJECT (button), "shelter-person-id",
                     GSIZE_TO_POINTER ((gsize) shelter_resident_summary_get_person_id (summary)));
  g_signal_connect (button, "clicked", G_CALLBACK (new_stay_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static gboolean
similar_timeout_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  self->similar_id = 0;
  _shelter_ui_clear_list_box (self->similar_list);

  /* Nothing to compare yet. */
  if (shelter_person_get_given_name (person) == NULL &&
      shelter_person_get_id_number (person) == NULL)
    ids = NULL;
  else
    ids = shelter_person_find_similar (self->session, person, &error);
  if (error != NULL)
    g_warning ("Cannot look for similar people: %s", error->message);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(ShelterResidentSummary) summary = NULL;
      g_autoptr(GError) summary_error = NULL;

      summary = shelter_residents_get_summary (self->session, g_array_index (ids, gint64, i),
                                               &summary_error);
      if (summary == NULL)
        {
          g_debug ("Cannot read a similar person: %s", summary_error->message);
          continue;
        }
      gtk_list_box_append (self->similar_list,
                           shelter_intake_dialog_new_similar_row (self, summary));
    }

  gtk_widget_set_visible (self->similar_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->similar_list)) != NULL);

  return G_SOURCE_REMOVE;
}

static void
form_identity_changed_cb (ShelterIntakeDialog *self,
                          ShelterPersonForm   *form)
{
  g_clear_handle_id (&self->similar_id, g_source_remove);
  self->similar_id = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout_cb, self);
}

static void
form_changed_cb (ShelterIntakeDialog *self,
                 ShelterPersonForm   *form)
{
  self->dirty = TRUE;
  shelter_intake_dialog_update_warnings (self);
}

static void
someone_else_clicked_cb (ShelterIntakeDialog *self,
                         GtkButton           *button)
{
  shelter_intake_dialog_set_returning (self, NULL);
}

static gboolean
shelter_intake_dialog_check_who (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GError) error = NULL;

  /* The same checks as the admission's, so that a wrong field is shown on its own step. */
  if (!shelter_person_validate (person, now, &error))
    {
      shelter_person_form_show_error (self->form, error);
      return FALSE;
    }

  shelter_person_form_show_error (self->form, NULL);
  g_set_object (&self->person, person);
  return TRUE;
}

/* Step 2: when */

static void
shelter_intake_dialog_show_when_error (ShelterIntakeDialog *self,
                                       const char          *message)
{
  _shelter_ui_show_message (self->when_error_label, message);
  _shelter_ui_set_error (GTK_WIDGET (self->admitted_row), message != NULL);
  if (message != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->admitted_row));
}

static void
admitted_changed_cb (ShelterIntakeDialog *self,
                     GtkEditable         *editable)
{
  self->dirty = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static gboolean
shelter_intake_dialog_check_when (ShelterIntakeDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->admitted_row));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  int day, month, year, hour, minute;
  char end;

  if (sscanf (text, " %d/%d/%d %d:%d %c", &day, &month, &year, &hour, &minute, &end) != 5)
    {
      shelter_intake_dialog_show_when_error (self,
                                             _("Admission time: enter the date and time as "
                                               "dd/mm/yyyy hh:mm, for example 22/11/2026 "
                                               "09:30."));
      return FALSE;
    }

  /* Times are the centre's: Vietnam's, whatever the desk's computer is set to. */
  zone = g_time_zone_new_identifier ("+07:00");
  if (zone != NULL)
    time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (time == NULL)
    {
      shelter_intake_dialog_show_when_error (self,
                                             _("Admission time: this is not a real date and "
                                               "time. Check the day, month and hour."));
      return FALSE;
    }

  shelter_intake_dialog_show_when_error (self, NULL);
  g_free (self->admitted_at);
  self->admitted_at = shelter_session_format_time (time);
  return TRUE;
}

/* Step 3: room */

static void
room_toggled_cb (GtkCheckButton      *check,
                 ShelterIntakeDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->room_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check),
                                                                "shelter-room-id"));
  _shelter_ui_show_message (self->room_error_label, NULL);

  /* Chosen with the keyboard: Enter now receives the person. */
  if (!self->loading_rooms)
    gtk_widget_grab_focus (self->next_button);
}

static char *
describe_room (ShelterRoom *room)
{
  guint beds = shelter_room_get_beds (room);
  guint free_beds = shelter_room_get_beds_free (room);
  g_autofree char *beds_text = NULL;

  /* Translators: "2 of 6 beds free". */
  beds_text = g_strdup_printf (ngettext ("%u of %u bed free", "%u of %u beds free", beds),
                               free_beds, beds);
  /* Translators: room use, age group, beds: "Female room · Adults 18 to 59 · 2 of 6 beds
   * free". */
  return g_strdup_printf (_("%s · %s · %s"),
                          shelter_enum_label (&shelter_enum_room_use,
                                              shelter_room_get_sex_use (room)),
                          shelter_enum_label (&shelter_enum_age_group,
                                              shelter_room_get_age_group (room)),
                          beds_text);
}

static void
shelter_intake_dialog_load_rooms (ShelterIntakeDialog *self)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) admitted = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *first = NULL;
  gint64 chosen = self->room_id;
  GDate on;
  int age;

  _shelter_ui_clear_list_box (self->room_list);
  self->room_id = 0;

  rooms = shelter_rooms_list (self->session, &error);
  if (rooms == NULL)
    {
      _shelter_ui_show_message (self->room_error_label, error->message);
      return;
    }

  admitted = g_date_time_new_from_iso8601 (self->admitted_at, NULL);
  if (admitted == NULL)
    admitted = shelter_session_now (self->session);
  g_date_clear (&on, 1);
  g_date_set_dmy (&on, g_date_time_get_day_of_month (admitted), g_date_time_get_month (admitted),
                  g_date_time_get_year (admitted));
  age = shelter_text_age_on (shelter_person_get_birth_date (self->person), &on);

  self->loading_rooms = TRUE;
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);
      const char *reason;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check;

      /* Closed rooms are not offered. */
      if (shelter_room_get_closed_on (room) != NULL &&
          g_strcmp0 (shelter_room_get_closed_on (room), self->admitted_at) <= 0)
        continue;

      reason = shelter_room_unsuitability (shelter_room_get_sex_use (room),
                                           shelter_room_get_age_group (room),
                                           shelter_room_get_beds_free (room),
                                           shelter_person_get_sex (self->person), age);
      if (shelter_room_get_name (room) != NULL)
        title = g_strdup_printf ("%s — %s", shelter_room_get_code (room),
                                 shelter_room_get_name (room));
      else
        title = g_strdup (shelter_room_get_code (room));
      if (reason != NULL)
        /* Translators: why a room cannot take the person: "Not suitable: male room". */
        subtitle = g_strdup_printf (_("Not suitable: %s"), reason);
      else
        subtitle = describe_room (room);

      row = _shelter_ui_new_text_row (title, subtitle);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Named by the row it activates (the room's code and name). */
      g_object_set_data (G_OBJECT (check), "shelter-room-id",
                         GSIZE_TO_POINTER ((gsize) shelter_room_get_id (room)));
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (room_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, reason == NULL);
      gtk_list_box_append (self->room_list, row);

      if (reason == NULL && (first == NULL || shelter_room_get_id (room) == chosen))
        first = check;
      if (reason == NULL && shelter_room_get_id (room) == chosen)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }

  self->loading_rooms = FALSE;

  if (first == NULL)
    _shelter_ui_show_message (self->room_error_label,
                              _("No open room suits this person now. Free a bed or change a "
                                "room's use on the Rooms page, then come back."));
  else
    gtk_widget_grab_focus (first);
}

/* Receiving */

static void
shelter_intake_dialog_show_admit_error (ShelterIntakeDialog *self,
                                        const GError        *error)
{
  if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_ADMITTED_AT)
    {
      shelter_intake_dialog_set_step (self, STEP_WHEN);
      shelter_intake_dialog_show_when_error (self, error->message);
    }
  else if ((error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_ROOM) ||
           g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL) ||
           g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE))
    {
      /* The rooms again, as they are now: someone may have taken the last bed. */
      shelter_intake_dialog_load_rooms (self);
      _shelter_ui_show_message (self->room_error_label, error->message);
    }
  else if ((error->domain == SHELTER_FIELD_ERROR &&
            shelter_person_form_has_field (self->form, error->code)) ||
           g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE))
    {
      shelter_intake_dialog_set_step (self, STEP_WHO);
      shelter_person_form_show_error (self->form, error);
    }
  else
    _shelter_ui_show_message (self->room_error_label, error->message);
}

static void
shelter_intake_dialog_receive (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterStay) stay = NULL;
  g_autoptr(GError) error = NULL;

  _shelter_ui_show_message (self->room_error_label, NULL);

  stay = shelter_admit_person (self->session, self->person, self->room_id, self->admitted_at,
                               &error);
  if (stay == NULL)
    {
      shelter_intake_dialog_show_admit_error (self, error);
      return;
    }

  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_ADMITTED], 0,
                 shelter_person_get_id (self->person),
                 shelter_person_get_case_code (self->person));
  gtk_window_close (GTK_WINDOW (self));
}

static void
next_clicked_cb (ShelterIntakeDialog *self,
                 GtkButton           *button)
{
  switch (self->step)
    {
    case STEP_WHO:
      if (shelter_intake_dialog_check_who (self))
        shelter_intake_dialog_set_step (self, STEP_WHEN);
      break;
    case STEP_WHEN:
      if (shelter_intake_dialog_check_when (self))
        shelter_intake_dialog_set_step (self, STEP_ROOM);
      break;
    case STEP_ROOM:
    case N_STEPS:
    default:
      shelter_intake_dialog_receive (self);
      break;
    }
}

static void
back_clicked_cb (ShelterIntakeDialog *self,
                 GtkButton           *button)
{
  if (self->step > STEP_WHO)
    shelter_intake_dialog_set_step (self, self->step - 1);
}

static void
form_activate_cb (ShelterIntakeDialog *self,
                  ShelterPersonForm   *form)
{
  next_clicked_cb (self, NULL);
}

static void
admitted_activated_cb (ShelterIntakeDialog *self,
                       AdwEntryRow         *row)
{
  next_clicked_cb (self, NULL);
}

static void
shelter_intake_dialog_next_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  next_clicked_cb (SHELTER_INTAKE_DIALOG (widget), NULL);
}

/* Closing */

static void
discard_response_cb (ShelterIntakeDialog *self,
                     const char          *response,
                     AdwMessageDialog    *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
shelter_intake_dialog_close_request (GtkWindow *window)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (window);
  GtkWidget *dialog;

  if (self->may_close || !self->dirty)
    {
      g_clear_handle_id (&self->similar_id, g_source_remove);
      return GTK_WINDOW_CLASS (shelter_intake_dialog_parent_class)->close_request (window);
    }

  dialog = _shelter_ui_new_discard_dialog (window);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

ShelterIntakeDialog *
shelter_intake_dialog_new (ShelterSession *session)
{
  ShelterIntakeDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_INTAKE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->form = shelter_person_form_new (session);
  gtk_box_insert_child_after (self->who_box, GTK_WIDGET (self->form), self->returning_group);

  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "identity-changed",
                           G_CALLBACK (form_identity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "activate", G_CALLBACK (form_activate_cb), self,
                           G_CONNECT_SWAPPED);

  now = shelter_session_now (session);
  now_text = g_date_time_format (now, "%d/%m/%Y %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->admitted_row), now_text);
  self->dirty = FALSE;

  shelter_intake_dialog_set_step (self, STEP_WHO);

  return self;
}

static void
shelter_intake_dialog_dispose (GObject *object)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (object);

  g_clear_handle_id (&self->similar_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->person);
  g_clear_pointer (&self->admitted_at, g_free);

  G_OBJECT_CLASS (shelter_intake_dialog_parent_class)->dispose (object);
}

static void
shelter_intake_dialog_class_init (ShelterIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_intake_dialog_dispose;
  window_class->close_request = shelter_intake_dialog_close_request;

  /* The person received: their id and new (or existing) case code. */
  signals[SIGNAL_ADMITTED] =
    g_signal_new ("admitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-intake-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterIntakeDialog, name)
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (next_label);
  BIND (step_stack);
  BIND (who_box);
  BIND (returning_group);
  BIND (returning_row);
  BIND (similar_group);
  BIND (similar_list);
  BIND (warnings_group);
  BIND (warnings_list);
  BIND (when_error_label);
  BIND (admitted_row);
  BIND (room_error_label);
  BIND (room_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, someone_else_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, admitted_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, admitted_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Next, or Receive on the last step, from anywhere in the dialog. */
  gtk_widget_class_install_action (widget_class, "intake.next", NULL,
                                   shelter_intake_dialog_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "intake.next", NULL);
}

static void
shelter_intake_dialog_init (ShelterIntakeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
