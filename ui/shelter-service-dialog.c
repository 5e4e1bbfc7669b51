/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-service-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-service-dialog.h"
#include "shelter-services.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterServiceDialog
{
  AdwWindow                    parent_instance;

  ShelterSession              *session;
  gint64                       stay_id;
  /* The kinds the session may record, in the order of the combo row. */
  GPtrArray                   *kinds;
  const ShelterServiceKind    *kind;
  const ShelterServiceSubkind *subkind;
  /* One row per field of the subkind, in its order. */
  GPtrArray                   *detail_rows;

  /* Template widgets */
  AdwWindowTitle              *window_title;
  GtkWidget                   *error_box;
  GtkLabel                    *error_label;
  GtkWidget                   *exception_button;
  AdwComboRow                 *kind_row;
  AdwComboRow                 *subkind_row;
  AdwEntryRow                 *date_row;
  AdwEntryRow                 *staff_row;
  AdwEntryRow                 *provider_row;
  AdwPreferencesGroup         *details_group;
  AdwEntryRow                 *description_row;
  AdwEntryRow                 *outcome_row;
  AdwEntryRow                 *cost_row;
  AdwEntryRow                 *next_row;
  GtkWidget                   *note_group;
  GtkTextView                 *note_view;
};

G_DEFINE_FINAL_TYPE (ShelterServiceDialog, shelter_service_dialog, ADW_TYPE_WINDOW)

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

static void
row_changed_cb (ShelterServiceDialog *self,
                GtkEditable          *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void shelter_service_dialog_save (ShelterServiceDialog *self);

static void
row_activated_cb (ShelterServiceDialog *self,
                  AdwEntryRow          *row)
{
  shelter_service_dialog_save (self);
}

/* The fields of the subkind */

static void
shelter_service_dialog_clear_details (ShelterServiceDialog *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->detail_rows, i));
  g_ptr_array_set_size (self->detail_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
}

static void
subkind_selected_cb (ShelterServiceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->subkind_row);
  guint n = 0;

  shelter_service_dialog_clear_details (self);
  self->subkind = NULL;
  if (self->kind == NULL)
    return;
  while (self->kind->subkinds[n].code != NULL)
    n++;
  if (selected >= n)
    return;
  self->subkind = &self->kind->subkinds[selected];

  for (guint i = 0; self->subkind->fields[i].name != NULL; i++)
    {
      const ShelterServiceField *field = &self->subkind->fields[i];
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (field->type == SHELTER_SERVICE_FIELD_DATE)
        /* Translators: a date field of a service, "From (dd/mm/yyyy)". */
        title = g_strdup_printf (_("%s (dd/mm/yyyy)"), _(field->label));
      else if (field->type == SHELTER_SERVICE_FIELD_MONEY)
        /* Translators: an amount of a service, "Amount borrowed (đồng)". */
        title = g_strdup_printf (_("%s (đồng)"), _(field->label));
      else
        title = g_strdup (_(field->label));

      if (field->type == SHELTER_SERVICE_FIELD_CHOICE)
        {
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

          for (guint j = 0; j < field->choices->n_values; j++)
            gtk_string_list_append (labels, _(field->choices->values[j].label));
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        }
      else
        {
          row = adw_entry_row_new ();
          if (field->type != SHELTER_SERVICE_FIELD_TEXT)
            gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
          g_signal_connect_object (row, "entry-activated", G_CALLBACK (row_activated_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_preferences_group_add (self->details_group, row);
      g_ptr_array_add (self->detail_rows, row);
    }
  adw_preferences_group_set_title (self->details_group, _(self->subkind->label));
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), self->detail_rows->len > 0);
}

static void
kind_selected_cb (ShelterServiceDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->kind_row);

  self->kind = selected < self->kinds->len ? g_ptr_array_index (self->kinds, selected) : NULL;
  for (guint i = 0; self->kind != NULL && self->kind->subkinds[i].code != NULL; i++)
    gtk_string_list_append (labels, _(self->kind->subkinds[i].label));
  adw_combo_row_set_model (self->subkind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->subkind_row, 0);
  subkind_selected_cb (self);
  gtk_widget_set_visible (self->note_group,
                          self->kind != NULL && g_str_equal (self->kind->code, "psychological"));
}

/* Errors */

static void
shelter_service_dialog_clear_errors (ShelterServiceDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->subkind_row),
                        GTK_WIDGET (self->date_row), GTK_WIDGET (self->staff_row),
                        GTK_WIDGET (self->provider_row), GTK_WIDGET (self->description_row),
                        GTK_WIDGET (self->outcome_row), GTK_WIDGET (self->cost_row),
                        GTK_WIDGET (self->next_row), GTK_WIDGET (self->note_view) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  for (guint i = 0; i < self->detail_rows->len; i++)
    _shelter_ui_set_error (g_ptr_array_index (self->detail_rows, i), FALSE);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_visible (self->exception_button, FALSE);
}

static void
shelter_service_dialog_show_message (ShelterServiceDialog *self,
                                     const char           *message,
                                     GtkWidget            *row)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_box, TRUE);
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
shelter_service_dialog_show_error (ShelterServiceDialog *self,
                                   const GError         *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_SERVICE_KIND:
          row = GTK_WIDGET (self->kind_row);
          break;
        case SHELTER_FIELD_SERVICE_SUBKIND:
          row = GTK_WIDGET (self->subkind_row);
          break;
        case SHELTER_FIELD_SERVICE_DATE:
          row = GTK_WIDGET (self->date_row);
          break;
        case SHELTER_FIELD_SERVICE_STAFF:
          row = GTK_WIDGET (self->staff_row);
          break;
        case SHELTER_FIELD_SERVICE_PROVIDER:
          row = GTK_WIDGET (self->provider_row);
          break;
        case SHELTER_FIELD_SERVICE_DESCRIPTION:
          row = GTK_WIDGET (self->description_row);
          break;
        case SHELTER_FIELD_SERVICE_OUTCOME:
          row = GTK_WIDGET (self->outcome_row);
          break;
        case SHELTER_FIELD_SERVICE_COST:
          row = GTK_WIDGET (self->cost_row);
          break;
        case SHELTER_FIELD_SERVICE_NEXT_DATE:
          row = GTK_WIDGET (self->next_row);
          break;
        case SHELTER_FIELD_SERVICE_NOTE:
          row = GTK_WIDGET (self->note_view);
          break;
        case SHELTER_FIELD_SERVICE_DETAIL:
          /* The message starts with the field's label. */
          for (guint i = 0; self->subkind != NULL && i < self->detail_rows->len; i++)
            if (g_str_has_prefix (error->message, _(self->subkind->fields[i].label)))
              row = g_ptr_array_index (self->detail_rows, i);
          break;
        default:
          break;
        }
    }
  shelter_service_dialog_show_message (self, error->message, row);
  if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED) &&
      shelter_session_may (self->session, SHELTER_PERMISSION_ENTITLEMENT_EXCEPTION))
    gtk_widget_set_visible (self->exception_button, TRUE);
}

/* Saving */

/* A day typed dd/mm/yyyy as YYYY-MM-DD; as typed when it is no date (app/ says what is
 * wrong with it); NULL when empty. */
static char *
day_of (const char *text)
{
  char *day;

  if (text == NULL || *text == '\0')
    return NULL;
  day = _shelter_ui_parse_day (text);
  return day != NULL ? day : g_strdup (text);
}

static void
shelter_service_dialog_save (ShelterServiceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *done_on = NULL;
  g_autofree char *next_on = NULL;
  g_autofree char *note = NULL;
  ShelterServiceRecord record = { 0 };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *cost;

  shelter_service_dialog_clear_errors (self);
  if (self->kind == NULL || self->subkind == NULL)
    {
      shelter_service_dialog_show_message (self, _("Kind of service: choose one."),
                                           GTK_WIDGET (self->kind_row));
      return;
    }

  record.stay_id = self->stay_id;
  record.kind = self->kind->code;
  record.subkind = self->subkind->code;
  done_on = day_of (get_text (self->date_row));
  record.done_on = done_on;
  record.staff_user = get_text (self->staff_row);
  record.provider = get_text (self->provider_row);
  record.description = get_text (self->description_row);
  record.outcome = get_text (self->outcome_row);
  next_on = day_of (get_text (self->next_row));
  record.next_on = next_on;
  record.cost_dong = -1;
  cost = get_text (self->cost_row);
  if (*cost != '\0')
    {
      g_autoptr(GString) digits = g_string_new (NULL);
      gint64 amount;

      /* "1.500.000", "1 500 000 ₫" and "-5000" are numbers; app/ judges the sign. */
      for (const char *p = cost; *p != '\0'; p = g_utf8_next_char (p))
        if (g_ascii_isdigit (*p) || (*p == '-' && digits->len == 0))
          g_string_append_c (digits, *p);
        else if (*p != '.' && *p != ' ' && g_utf8_get_char (p) != 0x20AB /* ₫ */)
          {
            g_string_truncate (digits, 0);
            break;
          }
      if (!g_ascii_string_to_signed (digits->str, 10, G_MININT64, G_MAXINT64, &amount, NULL))
        {
          shelter_service_dialog_show_message (self, _("Cost: enter a whole number of đồng, "
                                                       "such as 150000, or leave it empty."),
                                               GTK_WIDGET (self->cost_row));
          return;
        }
      record.cost_dong = amount < 0 ? MIN (amount, -2) : amount;
    }

  if (gtk_widget_get_visible (self->note_group))
    {
      buffer = gtk_text_view_get_buffer (self->note_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      record.confidential_note = note;
    }

  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      const ShelterServiceField *field = &self->subkind->fields[i];
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      char *value = NULL;

      if (field->type == SHELTER_SERVICE_FIELD_CHOICE)
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

          if (selected < field->choices->n_values)
            value = g_strdup (field->choices->values[selected].code);
        }
      else if (field->type == SHELTER_SERVICE_FIELD_DATE)
        value = day_of (gtk_editable_get_text (GTK_EDITABLE (row)));
      else if (field->type == SHELTER_SERVICE_FIELD_MONEY)
        {
          GString *digits = g_string_new (NULL);

          for (const char *p = gtk_editable_get_text (GTK_EDITABLE (row)); *p != '\0'; p++)
            if (*p != '.' && *p != ' ')
              g_string_append_c (digits, *p);
          value = g_string_free (digits, FALSE);
        }
      else
        value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
      if (value != NULL)
        g_hash_table_insert (details, (gpointer) field->name, value);
    }
  record.details = details;

  if (shelter_services_record (self->session, &record, &error) == 0)
    {
      shelter_service_dialog_show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterServiceDialog *self,
                 GtkButton            *button)
{
  shelter_service_dialog_save (self);
}

/* A manager's exception */

static void
exception_response_cb (ShelterServiceDialog *self,
                       const char           *response,
                       AdwMessageDialog     *dialog)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "record") != 0 || self->subkind == NULL)
    return;
  if (shelter_services_add_exception (self->session, self->stay_id, self->subkind->support_type,
                                      gtk_editable_get_text (reason), &error) == 0)
    {
      shelter_service_dialog_clear_errors (self);
      shelter_service_dialog_show_message (self, error->message, NULL);
      return;
    }
  /* Now within the exception: save what the form holds. */
  shelter_service_dialog_save (self);
}

static void
exception_clicked_cb (ShelterServiceDialog *self,
                      GtkButton            *button)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  if (self->subkind == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Record an Exception?"),
                                   gtk_label_get_label (self->error_label));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the exception"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the exception"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Exception"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (exception_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

ShelterServiceDialog *
shelter_service_dialog_new (ShelterSession *session,
                            gint64          stay_id,
                            const char     *name)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  const ShelterServiceKind *kinds = shelter_service_kinds ();
  ShelterServiceDialog *self;
  ShelterUser *user;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_SERVICE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;
  adw_window_title_set_subtitle (self->window_title, name);

  /* Only the kinds this role may record: app/ would refuse the others. */
  for (guint i = 0; kinds[i].code != NULL; i++)
    if (shelter_services_may_record (session, kinds[i].code))
      {
        g_ptr_array_add (self->kinds, (gpointer) &kinds[i]);
        gtk_string_list_append (labels, _(kinds[i].label));
      }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, 0);
  kind_selected_cb (self);

  now = shelter_session_now (session);
  today = g_date_time_format (now, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  user = shelter_session_get_user (session);
  if (user != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->staff_row), shelter_user_get_username (user));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}

static void
shelter_service_dialog_dispose (GObject *object)
{
  ShelterServiceDialog *self = SHELTER_SERVICE_DIALOG (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (shelter_service_dialog_parent_class)->dispose (object);
}

static void
shelter_service_dialog_finalize (GObject *object)
{
  ShelterServiceDialog *self = SHELTER_SERVICE_DIALOG (object);

  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (shelter_service_dialog_parent_class)->finalize (object);
}

static void
shelter_service_dialog_class_init (ShelterServiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_service_dialog_dispose;
  object_class->finalize = shelter_service_dialog_finalize;

  /* The service was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-service-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, exception_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, subkind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, next_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterServiceDialog, note_view);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, exception_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, subkind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_service_dialog_init (ShelterServiceDialog *self)
{
  self->kinds = g_ptr_array_new ();
  self->detail_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
