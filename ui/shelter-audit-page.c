/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-audit.h"
#include "shelter-audit-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* Shown for what is not known. */
#define UNKNOWN_TEXT "—"

struct _ShelterAuditPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;
  ShelterAuditModel    *model;
  /* What the list shows, as last applied; "YYYY-MM-DD" dates. */
  ShelterAuditFilter    filter;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkMenuButton        *filter_button;
  GtkLabel             *filter_label;
  GtkLabel             *count_label;
  GtkButton            *export_button;
  GtkStack             *view_stack;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  AdwStatusPage        *error_page;
  AdwEntryRow          *actor_row;
  AdwComboRow          *action_row;
  GtkStringList        *action_list;
  AdwEntryRow          *person_row;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  GtkLabel             *filter_error_label;
};

G_DEFINE_FINAL_TYPE (ShelterAuditPage, shelter_audit_page, ADW_TYPE_BIN)

static void
audit_filter_clear (ShelterAuditFilter *filter)
{
  g_clear_pointer (&filter->actor, g_free);
  g_clear_pointer (&filter->action, g_free);
  g_clear_pointer (&filter->person, g_free);
  g_clear_pointer (&filter->from_date, g_free);
  g_clear_pointer (&filter->to_date, g_free);
}

/* NULL for an empty or blank text. */
static char *
dup_trimmed (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

static void
shelter_audit_page_show_error (ShelterAuditPage *self,
                               const GError     *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->view_stack, "error");
  gtk_label_set_label (self->count_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
}

static void
shelter_audit_page_update_state (ShelterAuditPage *self)
{
  g_autofree char *count = NULL;
  guint n_items = 0;

  if (self->model != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (self->model != NULL)
    count = g_strdup_printf (ngettext ("%u entry", "%u entries", n_items), n_items);
  gtk_label_set_label (self->count_label, count != NULL ? count : "");

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n_items > 0);
  gtk_stack_set_visible_child_name (self->view_stack,
                                    n_items > 0 || self->model == NULL ? "list" : "empty");
}

static void
shelter_audit_page_update_summary (ShelterAuditPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;

  if (self->filter.actor != NULL)
    /* Translators: part of the audit log's filter summary; %s is a user name. */
    g_ptr_array_add (parts, g_strdup_printf (_("Staff: %s"), self->filter.actor));
  if (self->filter.action != NULL)
    g_ptr_array_add (parts, g_strdup (shelter_audit_action_label (self->filter.action)));
  if (self->filter.person != NULL)
    /* Translators: part of the audit log's filter summary; %s is a case code. */
    g_ptr_array_add (parts, g_strdup_printf (_("Case code: %s"), self->filter.person));

  if (self->filter.from_date != NULL)
    from = shelter_text_format_date (self->filter.from_date);
  if (self->filter.to_date != NULL)
    to = shelter_text_format_date (self->filter.to_date);
  if (from != NULL && to != NULL)
    /* Translators: part of the audit log's filter summary: two dates. */
    g_ptr_array_add (parts, g_strdup_printf (_("%s to %s"), from, to));
  else if (from != NULL)
    /* Translators: part of the audit log's filter summary; %s is a date. */
    g_ptr_array_add (parts, g_strdup_printf (_("From %s"), from));
  else if (to != NULL)
    /* Translators: part of the audit log's filter summary; %s is a date. */
    g_ptr_array_add (parts, g_strdup_printf (_("Until %s"), to));

  if (parts->len == 0)
    text = g_strdup (_("All entries, newest first"));
  else
    {
      g_ptr_array_add (parts, NULL);
      text = g_strjoinv (" · ", (char **) parts->pdata);
    }

  gtk_label_set_label (self->filter_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), text);
}

void
shelter_audit_page_reload (ShelterAuditPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHELTER_IS_AUDIT_PAGE (self));

  shelter_audit_page_update_summary (self);

  if (self->model == NULL)
    {
      shelter_audit_page_update_state (self);
      return;
    }

  if (!shelter_audit_model_set_filter (self->model, &self->filter, &error))
    {
      shelter_audit_page_show_error (self, error);
      return;
    }

  shelter_audit_page_update_state (self);
}

static void
items_changed_cb (ShelterAuditPage *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  shelter_audit_page_update_state (self);
}

/* The filters' form shows what is applied. */
static void
shelter_audit_page_fill_filter_form (ShelterAuditPage *self)
{
  const char * const *actions = shelter_audit_actions ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint selected = 0;

  if (self->filter.from_date != NULL)
    from = shelter_text_format_date (self->filter.from_date);
  if (self->filter.to_date != NULL)
    to = shelter_text_format_date (self->filter.to_date);

  gtk_editable_set_text (GTK_EDITABLE (self->actor_row), self->filter.actor ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->person_row), self->filter.person ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to ?: "");

  for (guint i = 0; self->filter.action != NULL && actions[i] != NULL; i++)
    if (g_str_equal (actions[i], self->filter.action))
      selected = i + 1;
  adw_combo_row_set_selected (self->action_row, selected);

  _shelter_ui_set_error (GTK_WIDGET (self->from_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->to_row), FALSE);
  _shelter_ui_show_message (self->filter_error_label, NULL);
}

/* Reads a date row into "YYYY-MM-DD"; FALSE, with the row marked and the message shown, when
 * it is no date. */
static gboolean
shelter_audit_page_read_date (ShelterAuditPage  *self,
                              AdwEntryRow       *row,
                              char             **iso)
{
  g_autofree char *text = dup_trimmed (row);
  g_autofree char *message = NULL;
  GDate date;

  *iso = NULL;
  if (text == NULL)
    return TRUE;

  g_date_clear (&date, 1);
  if (shelter_text_parse_date (text, &date) && g_date_valid (&date))
    {
      *iso = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
      return TRUE;
    }

  /* Translators: an error under the audit log's filters; the first %s is the field's name
   * ("From (dd/mm/yyyy)"), the second what was typed. */
  message = g_strdup_printf (_("%s: “%s” is not a date. Type it as dd/mm/yyyy, for example "
                               "22/11/2026."),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
  _shelter_ui_set_error (GTK_WIDGET (row), TRUE);
  _shelter_ui_show_message (self->filter_error_label, message);
  gtk_widget_grab_focus (GTK_WIDGET (row));

  return FALSE;
}

static void
shelter_audit_page_apply_filters (ShelterAuditPage *self)
{
  const char * const *actions = shelter_audit_actions ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint selected;
  guint n_actions;

  _shelter_ui_set_error (GTK_WIDGET (self->from_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->to_row), FALSE);
  _shelter_ui_show_message (self->filter_error_label, NULL);

  /* Nothing is applied while a date is wrong. */
  if (!shelter_audit_page_read_date (self, self->from_row, &from)
      || !shelter_audit_page_read_date (self, self->to_row, &to))
    return;

  audit_filter_clear (&self->filter);
  self->filter.actor = dup_trimmed (self->actor_row);
  self->filter.person = dup_trimmed (self->person_row);
  self->filter.from_date = g_steal_pointer (&from);
  self->filter.to_date = g_steal_pointer (&to);

  n_actions = g_strv_length ((char **) actions);
  selected = adw_combo_row_get_selected (self->action_row);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= n_actions)
    self->filter.action = g_strdup (actions[selected - 1]);

  gtk_menu_button_popdown (self->filter_button);
  shelter_audit_page_reload (self);
}

static void
filter_popover_show_cb (ShelterAuditPage *self,
                        GtkPopover       *popover)
{
  shelter_audit_page_fill_filter_form (self);
}

static void
filter_row_activated_cb (ShelterAuditPage *self,
                         AdwEntryRow      *row)
{
  shelter_audit_page_apply_filters (self);
}

static void
apply_filters_clicked_cb (ShelterAuditPage *self,
                          GtkButton        *button)
{
  shelter_audit_page_apply_filters (self);
}

static void
clear_filters_clicked_cb (ShelterAuditPage *self,
                          GtkButton        *button)
{
  audit_filter_clear (&self->filter);
  shelter_audit_page_fill_filter_form (self);
  gtk_menu_button_popdown (self->filter_button);
  shelter_audit_page_reload (self);
}

/* Export */

static void
chooser_response_cb (ShelterAuditPage     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (path == NULL || self->model == NULL)
    return;

  if (!shelter_audit_model_export_csv (self->model, path, &error))
    {
      /* Translators: %s says why, e.g. "Permission denied". */
      message = g_strdup_printf (_("The audit log was not exported: %s"), error->message);
      _shelter_window_show_message (GTK_WIDGET (self), message);
      return;
    }

  /* Translators: %s is the path of the file written. */
  message = g_strdup_printf (_("The audit log was exported to %s"), path);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
export_clicked_cb (ShelterAuditPage *self,
                   GtkButton        *button)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->model == NULL)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (_("Export the Audit Log"),
                                               NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));

  now = shelter_session_now (self->session);
  name = g_date_time_format (now, "audit-%Y%m%d.csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

/* The cells */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
setup_tabular_label_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  setup_label_cb (factory, item, user_data);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "tabular-figures");
}

static ShelterAuditEntry *
get_entry (GtkListItem *item)
{
  gpointer entry = gtk_list_item_get_item (item);

  return SHELTER_IS_AUDIT_ENTRY (entry) ? entry : NULL;
}

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_label (label, text != NULL && *text != '\0' ? text : UNKNOWN_TEXT);
}

static char *
dup_record (ShelterAuditEntry *entry)
{
  /* As the CSV export writes it. */
  return shelter_audit_entry_dup_record (entry);
}

/* The details on one line: their lines joined with " · ". */
static char *
dup_details_line (const char *details)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (details == NULL)
    return NULL;

  lines = g_strsplit (details, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_ptr_array_add (parts, lines[i]);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
bind_time_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ShelterAuditEntry *entry = get_entry (item);
  g_autofree char *text = NULL;

  if (entry != NULL)
    text = _shelter_ui_format_time (shelter_audit_entry_get_at (entry));
  set_cell_text (item, text);
}

static void
bind_actor_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ShelterAuditEntry *entry = get_entry (item);

  set_cell_text (item, entry != NULL ? shelter_audit_entry_get_actor (entry) : NULL);
}

static void
bind_action_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ShelterAuditEntry *entry = get_entry (item);

  set_cell_text (item, entry != NULL ? shelter_audit_entry_get_action_label (entry) : NULL);
}

static void
bind_record_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ShelterAuditEntry *entry = get_entry (item);
  g_autofree char *text = entry != NULL ? dup_record (entry) : NULL;

  set_cell_text (item, text);
}

static void
bind_details_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ShelterAuditEntry *entry = get_entry (item);
  const char *details = entry != NULL ? shelter_audit_entry_get_details (entry) : NULL;
  g_autofree char *line = dup_details_line (details);
  GtkWidget *label = gtk_list_item_get_child (item);

  set_cell_text (item, line);
  /* The whole details, on their lines; the row's activation shows them too. */
  gtk_widget_set_tooltip_text (label, details != NULL && *details != '\0' ? details : NULL);
}

/* Enter or a double click on an entry shows all of it: tooltips are out of a keyboard's
 * reach. */
static void
row_activated_cb (ShelterAuditPage *self,
                  guint             position,
                  GtkColumnView    *view)
{
  g_autoptr(ShelterAuditEntry) entry = NULL;
  g_autofree char *time = NULL;
  g_autofree char *record = NULL;
  g_autofree char *body = NULL;
  const char *details;
  GtkWidget *dialog;

  if (self->model == NULL)
    return;

  entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (entry == NULL)
    return;

  time = _shelter_ui_format_time (shelter_audit_entry_get_at (entry));
  record = dup_record (entry);
  details = shelter_audit_entry_get_details (entry);

  /* Translators: the body of the dialog that shows one audit log entry. */
  body = g_strdup_printf (_("Time: %s\nStaff: %s\nRecord: %s\n\n%s"),
                          time != NULL ? time : UNKNOWN_TEXT,
                          shelter_audit_entry_get_actor (entry) ?: UNKNOWN_TEXT,
                          record != NULL ? record : UNKNOWN_TEXT,
                          details != NULL ? details : "");

  dialog = adw_message_dialog_new (NULL, shelter_audit_entry_get_action_label (entry), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

void
shelter_audit_page_set_session (ShelterAuditPage *self,
                                ShelterSession   *session)
{
  g_return_if_fail (SHELTER_IS_AUDIT_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  gtk_single_selection_set_model (self->selection, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_set_object (&self->session, session);

  /* Another session starts with every entry: filters are one user's view. */
  audit_filter_clear (&self->filter);
  shelter_audit_page_fill_filter_form (self);

  if (session != NULL)
    {
      self->model = shelter_audit_model_new (session);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
    }

  shelter_audit_page_reload (self);
}

static void
shelter_audit_page_fill_actions (ShelterAuditPage *self)
{
  const char * const *actions = shelter_audit_actions ();

  gtk_string_list_append (self->action_list, _("All actions"));
  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    gtk_string_list_append (self->action_list, shelter_audit_action_label (actions[i]));
  adw_combo_row_set_selected (self->action_row, 0);
}

static void
shelter_audit_page_dispose (GObject *object)
{
  ShelterAuditPage *self = SHELTER_AUDIT_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_AUDIT_PAGE);

  g_clear_object (&self->model);
  g_clear_object (&self->session);
  audit_filter_clear (&self->filter);

  G_OBJECT_CLASS (shelter_audit_page_parent_class)->dispose (object);
}

static void
shelter_audit_page_class_init (ShelterAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_audit_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, actor_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, person_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAuditPage, filter_error_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_tabular_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_time_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_actor_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_record_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_details_cb);
}

static void
shelter_audit_page_init (ShelterAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  shelter_audit_page_fill_actions (self);
  shelter_audit_page_update_summary (self);
}
