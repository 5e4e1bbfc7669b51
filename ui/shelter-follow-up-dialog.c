/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-follow-up-dialog.h"
#include "shelter-notifier.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

typedef enum
{
  KIND_RECORD,
  KIND_RESCHEDULE,
  KIND_CLOSE_CASE,
} Kind;

struct _ShelterFollowUpDialog
{
  AdwWindow           parent_instance;

  ShelterSession     *session;
  Kind                kind;
  gint64              stay_id;
  gint64              follow_up_id;
  gint64              version;
  char               *case_code;
  /* ShelterUser of the staff list, in the order after "No one". */
  GPtrArray          *staff;
  /* The check buttons of the support given, in the order of shelter_follow_up_support. */
  GtkWidget          *support_checks[8];

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkLabel           *save_label;
  GtkWidget          *record_group;
  GtkWidget          *support_group;
  GtkWidget          *next_group;
  GtkWidget          *reschedule_group;
  GtkWidget          *close_group;
  AdwEntryRow        *date_row;
  AdwComboRow        *method_row;
  GtkStringList      *method_list;
  AdwEntryRow        *done_by_row;
  AdwComboRow        *situation_row;
  GtkStringList      *situation_list;
  AdwComboRow        *living_row;
  GtkStringList      *living_list;
  AdwComboRow        *activity_row;
  GtkStringList      *activity_list;
  AdwEntryRow        *activity_note_row;
  AdwEntryRow        *next_step_row;
  AdwEntryRow        *notes_row;
  AdwEntryRow        *due_row;
  AdwComboRow        *due_method_row;
  GtkStringList      *due_method_list;
  AdwComboRow        *staff_row;
  GtkStringList      *staff_list;
  AdwEntryRow        *reason_row;
  AdwEntryRow        *summary_row;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterFollowUpDialog, shelter_follow_up_dialog, ADW_TYPE_WINDOW)

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

/* @offset: 1 when the list starts with "Choose…" (nothing chosen). */
static const char *
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= enumeration->n_values)
    return NULL;
  return enumeration->values[selected - offset].code;
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration,
                const char        *first)
{
  if (first != NULL)
    gtk_string_list_append (list, first);
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

static void
select_code (AdwComboRow       *row,
             const ShelterEnum *enumeration,
             const char        *code,
             guint              offset)
{
  for (guint i = 0; code != NULL && i < enumeration->n_values; i++)
    if (g_str_equal (enumeration->values[i].code, code))
      adw_combo_row_set_selected (row, i + offset);
}

static GtkWidget **
all_rows (ShelterFollowUpDialog *self,
          guint                 *n_rows)
{
  static GtkWidget *rows[16];
  guint n = 0;

  rows[n++] = GTK_WIDGET (self->date_row);
  rows[n++] = GTK_WIDGET (self->method_row);
  rows[n++] = GTK_WIDGET (self->done_by_row);
  rows[n++] = GTK_WIDGET (self->situation_row);
  rows[n++] = GTK_WIDGET (self->living_row);
  rows[n++] = GTK_WIDGET (self->activity_row);
  rows[n++] = GTK_WIDGET (self->activity_note_row);
  rows[n++] = GTK_WIDGET (self->support_group);
  rows[n++] = GTK_WIDGET (self->next_step_row);
  rows[n++] = GTK_WIDGET (self->notes_row);
  rows[n++] = GTK_WIDGET (self->due_row);
  rows[n++] = GTK_WIDGET (self->due_method_row);
  rows[n++] = GTK_WIDGET (self->staff_row);
  rows[n++] = GTK_WIDGET (self->reason_row);
  rows[n++] = GTK_WIDGET (self->summary_row);
  *n_rows = n;
  return rows;
}

static void
clear_errors (ShelterFollowUpDialog *self)
{
  guint n_rows;
  GtkWidget **rows = all_rows (self, &n_rows);

  for (guint i = 0; i < n_rows; i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

/* The row a field error names, in the form shown. */
static GtkWidget *
row_of_field (ShelterFollowUpDialog *self,
              int                    field)
{
  gboolean reschedule = self->kind == KIND_RESCHEDULE;

  switch (field)
    {
    case SHELTER_FIELD_FOLLOW_UP_DATE:
      return GTK_WIDGET (reschedule ? self->due_row : self->date_row);
    case SHELTER_FIELD_FOLLOW_UP_METHOD:
      return GTK_WIDGET (reschedule ? self->due_method_row : self->method_row);
    case SHELTER_FIELD_FOLLOW_UP_DONE_BY:
      return GTK_WIDGET (self->done_by_row);
    case SHELTER_FIELD_FOLLOW_UP_ASSIGNED:
      return GTK_WIDGET (self->staff_row);
    case SHELTER_FIELD_FOLLOW_UP_SITUATION:
      return GTK_WIDGET (self->situation_row);
    case SHELTER_FIELD_FOLLOW_UP_LIVING:
      return GTK_WIDGET (self->living_row);
    case SHELTER_FIELD_FOLLOW_UP_ACTIVITY:
      return GTK_WIDGET (self->activity_note_row);
    case SHELTER_FIELD_FOLLOW_UP_SUPPORT:
      return self->support_checks[0];
    case SHELTER_FIELD_FOLLOW_UP_NEXT_STEP:
      return GTK_WIDGET (self->next_step_row);
    case SHELTER_FIELD_FOLLOW_UP_NOTES:
      return GTK_WIDGET (self->notes_row);
    case SHELTER_FIELD_CASE_CLOSURE_REASON:
      return GTK_WIDGET (self->reason_row);
    case SHELTER_FIELD_CASE_CLOSURE_SUMMARY:
      return GTK_WIDGET (self->summary_row);
    default:
      return NULL;
    }
}

static void
show_error (ShelterFollowUpDialog *self,
            const GError          *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    row = row_of_field (self, error->code);

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

/* As typed when it is no date: app/ says what is wrong with it. */
static char *
day_of (AdwEntryRow *row)
{
  char *day = _shelter_ui_parse_day (get_text (row));

  return day != NULL ? day : g_strdup (get_text (row));
}

void
shelter_follow_up_notify_alert (const char *case_code,
                                const char *situation)
{
  g_autofree char *title = NULL;

  if (case_code == NULL)
    return;
  if (g_strcmp0 (situation, "re_trafficked") == 0)
    title = g_strdup_printf (_("Re-trafficked: %s"), case_code);
  else if (g_strcmp0 (situation, "at_risk") == 0)
    title = g_strdup_printf (_("At risk after discharge: %s"), case_code);
  else
    return;
  shelter_notifier_send (shelter_notifier_get_default (), title,
                         _("Found at a follow-up after discharge. Open the case to read what "
                           "was recorded."), TRUE, 0, NULL);
}

static gboolean
save_record (ShelterFollowUpDialog  *self,
             char                  **message,
             GError                **error)
{
  g_autofree char *day = day_of (self->date_row);
  g_autoptr (GPtrArray) support = g_ptr_array_new ();
  ShelterFollowUpInput input = { 0 };

  for (guint i = 0; i < shelter_follow_up_support.n_values; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->support_checks[i])))
      g_ptr_array_add (support, (gpointer) shelter_follow_up_support.values[i].code);
  g_ptr_array_add (support, NULL);

  input.id = self->follow_up_id;
  input.version = self->version;
  input.stay_id = self->stay_id;
  input.done_on = day;
  input.method = get_enum_code (self->method_row, &shelter_follow_up_method, 0);
  input.done_by = get_text (self->done_by_row);
  input.situation = get_enum_code (self->situation_row, &shelter_follow_up_situation, 1);
  input.living = get_enum_code (self->living_row, &shelter_follow_up_living, 1);
  input.activity = get_enum_code (self->activity_row, &shelter_follow_up_activity, 1);
  input.activity_note = get_text (self->activity_note_row);
  input.support = (const char * const *) support->pdata;
  input.next_step = get_text (self->next_step_row);
  input.notes = get_text (self->notes_row);
  if (shelter_follow_up_record (self->session, &input, error) == 0)
    return FALSE;
  shelter_follow_up_notify_alert (self->case_code, input.situation);
  *message = g_strdup (_("Follow-up recorded"));
  return TRUE;
}

static gboolean
save_reschedule (ShelterFollowUpDialog  *self,
                 char                  **message,
                 GError                **error)
{
  g_autofree char *day = day_of (self->due_row);
  guint selected = adw_combo_row_get_selected (self->staff_row);
  const char *assigned = NULL;

  if (self->staff != NULL && selected != GTK_INVALID_LIST_POSITION && selected >= 1 &&
      selected - 1 < self->staff->len)
    assigned = shelter_user_get_username (g_ptr_array_index (self->staff, selected - 1));
  if (!shelter_follow_up_reschedule (self->session, self->follow_up_id, self->version, day,
                                     get_enum_code (self->due_method_row,
                                                    &shelter_follow_up_method, 0),
                                     assigned, error))
    return FALSE;
  *message = g_strdup (_("Follow-up changed"));
  return TRUE;
}

static gboolean
save_close_case (ShelterFollowUpDialog  *self,
                 char                  **message,
                 GError                **error)
{
  if (!shelter_follow_up_close_case (self->session, self->stay_id, get_text (self->reason_row),
                                     get_text (self->summary_row), error))
    return FALSE;
  *message = g_strdup (_("Case closed"));
  return TRUE;
}

static void
shelter_follow_up_dialog_save (ShelterFollowUpDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = FALSE;

  clear_errors (self);
  switch (self->kind)
    {
    case KIND_RECORD:
      ok = save_record (self, &message, &error);
      break;
    case KIND_RESCHEDULE:
      ok = save_reschedule (self, &message, &error);
      break;
    case KIND_CLOSE_CASE:
    default:
      ok = save_close_case (self, &message, &error);
      break;
    }
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterFollowUpDialog *self,
                 GtkButton             *button)
{
  shelter_follow_up_dialog_save (self);
}

static void
row_changed_cb (ShelterFollowUpDialog *self,
                GtkEditable           *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
combo_selected_cb (ShelterFollowUpDialog *self,
                   GParamSpec            *pspec,
                   AdwComboRow           *row)
{
  _shelter_ui_set_error (GTK_WIDGET (row), FALSE);
}

static void
row_activated_cb (ShelterFollowUpDialog *self,
                  AdwEntryRow           *row)
{
  shelter_follow_up_dialog_save (self);
}

static ShelterFollowUpDialog *
dialog_new (ShelterSession *session,
            Kind            kind,
            const char     *title,
            const char     *save_label,
            const char     *case_code,
            const char     *name)
{
  ShelterFollowUpDialog *self = g_object_new (SHELTER_TYPE_FOLLOW_UP_DIALOG, NULL);

  self->session = g_object_ref (session);
  self->kind = kind;
  self->case_code = g_strdup (case_code);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : case_code);
  gtk_label_set_label (self->save_label, save_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->save_label), -1);
  return self;
}

static void
add_support_checks (ShelterFollowUpDialog *self)
{
  for (guint i = 0; i < shelter_follow_up_support.n_values &&
                    i < G_N_ELEMENTS (self->support_checks); i++)
    {
      const char *label = shelter_enum_label (&shelter_follow_up_support,
                                              shelter_follow_up_support.values[i].code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->support_group), row);
      self->support_checks[i] = check;
    }
}

ShelterFollowUpDialog *
shelter_follow_up_dialog_new_record (ShelterSession           *session,
                                     gint64                    stay_id,
                                     const char               *case_code,
                                     const char               *name,
                                     const ShelterFollowUpRow *planned)
{
  ShelterFollowUpDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  ShelterUser *user;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0 || planned != NULL, NULL);

  self = dialog_new (session, KIND_RECORD, _("Record a Follow-up"), _("_Save"), case_code,
                     name);
  self->stay_id = planned != NULL ? planned->stay_id : stay_id;
  gtk_widget_set_visible (self->record_group, TRUE);
  gtk_widget_set_visible (self->support_group, TRUE);
  gtk_widget_set_visible (self->next_group, TRUE);

  fill_enum_list (self->method_list, &shelter_follow_up_method, NULL);
  fill_enum_list (self->situation_list, &shelter_follow_up_situation, _("Choose…"));
  fill_enum_list (self->living_list, &shelter_follow_up_living, _("Not recorded"));
  fill_enum_list (self->activity_list, &shelter_follow_up_activity, _("Not recorded"));
  add_support_checks (self);

  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  adw_combo_row_set_selected (self->method_row, 1);  /* by call, as planned by default */
  if (planned != NULL)
    {
      self->follow_up_id = planned->id;
      self->version = planned->version;
      select_code (self->method_row, &shelter_follow_up_method, planned->method, 0);
    }
  user = shelter_session_get_user (session);
  if (user != NULL && shelter_user_get_full_name (user) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->done_by_row), shelter_user_get_full_name (user));
  clear_errors (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->situation_row));
  return self;
}

ShelterFollowUpDialog *
shelter_follow_up_dialog_new_reschedule (ShelterSession           *session,
                                         const ShelterFollowUpRow *planned)
{
  ShelterFollowUpDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (planned != NULL, NULL);

  self = dialog_new (session, KIND_RESCHEDULE, _("Change a Follow-up"), _("_Save"),
                     planned->case_code, planned->resident_name);
  self->stay_id = planned->stay_id;
  self->follow_up_id = planned->id;
  self->version = planned->version;
  gtk_widget_set_visible (self->reschedule_group, TRUE);

  due = shelter_text_format_date (planned->due_on);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  fill_enum_list (self->due_method_list, &shelter_follow_up_method, NULL);
  select_code (self->due_method_row, &shelter_follow_up_method, planned->method, 0);

  gtk_string_list_append (self->staff_list, _("No one"));
  self->staff = shelter_follow_up_staff (session, &error);
  if (self->staff == NULL)
    _shelter_ui_show_message (self->error_label, error->message);
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      ShelterUser *user = g_ptr_array_index (self->staff, i);

      gtk_string_list_append (self->staff_list, shelter_user_get_full_name (user));
      if (g_strcmp0 (shelter_user_get_username (user), planned->assigned_to) == 0)
        adw_combo_row_set_selected (self->staff_row, i + 1);
    }
  if (error == NULL)
    clear_errors (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->due_row));
  return self;
}

ShelterFollowUpDialog *
shelter_follow_up_dialog_new_close_case (ShelterSession *session,
                                         gint64          stay_id,
                                         const char     *case_code,
                                         const char     *name)
{
  ShelterFollowUpDialog *self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint planned = 0;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = dialog_new (session, KIND_CLOSE_CASE, _("Close the Case"), _("C_lose Case"), case_code,
                     name);
  self->stay_id = stay_id;
  gtk_widget_set_visible (self->close_group, TRUE);

  rows = shelter_follow_up_list_for_stay (session, stay_id, &error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      ShelterFollowUpRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->status, "planned") == 0)
        planned++;
    }
  if (planned > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u follow-up is still planned: say why the case closes "
                                   "early. It will be cancelled with this reason.",
                                   "%u follow-ups are still planned: say why the case closes "
                                   "early. They will be cancelled with this reason.", planned),
                         planned);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->close_group), text);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->close_group),
                                           _("Every planned follow-up is done. No reason is "
                                             "needed; the summary says how the person is "
                                             "doing."));
  clear_errors (self);
  if (rows == NULL)
    _shelter_ui_show_message (self->error_label, error->message);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (planned > 0 ? self->reason_row
                                                                   : self->summary_row));
  return self;
}

static void
shelter_follow_up_dialog_dispose (GObject *object)
{
  ShelterFollowUpDialog *self = SHELTER_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_pointer (&self->case_code, g_free);

  G_OBJECT_CLASS (shelter_follow_up_dialog_parent_class)->dispose (object);
}

static void
shelter_follow_up_dialog_class_init (ShelterFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_follow_up_dialog_dispose;

  /**
   * ShelterFollowUpDialog::saved:
   * @message: what was done, for a toast
   *
   * The follow-up was recorded or changed, or the case closed.
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-follow-up-dialog.ui");
#define BIND(name) \
  gtk_widget_class_bind_template_child (widget_class, ShelterFollowUpDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (save_label);
  BIND (record_group);
  BIND (support_group);
  BIND (next_group);
  BIND (reschedule_group);
  BIND (close_group);
  BIND (date_row);
  BIND (method_row);
  BIND (method_list);
  BIND (done_by_row);
  BIND (situation_row);
  BIND (situation_list);
  BIND (living_row);
  BIND (living_list);
  BIND (activity_row);
  BIND (activity_list);
  BIND (activity_note_row);
  BIND (next_step_row);
  BIND (notes_row);
  BIND (due_row);
  BIND (due_method_row);
  BIND (due_method_list);
  BIND (staff_row);
  BIND (staff_list);
  BIND (reason_row);
  BIND (summary_row);
  BIND (error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_follow_up_dialog_init (ShelterFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
