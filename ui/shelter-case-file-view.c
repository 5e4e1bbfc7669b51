/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-case-file-view"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-case-file-view.h"
#include "shelter-enums.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterCaseFileView
{
  AdwBin                parent_instance;

  ShelterSession       *session;
  /* The stay whose case file is shown; 0 when none. */
  gint64                stay_id;
  /* The rows of the documents, to remove them when the file is shown again. */
  GPtrArray            *rows;

  /* Template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *documents_group;
  GtkLabel             *state_label;
};

G_DEFINE_FINAL_TYPE (ShelterCaseFileView, shelter_case_file_view, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The data of a dialog about one document. */
#define KIND_KEY "shelter-document-kind"
#define ENTRY_KEY "shelter-entry-row"

static const char *
document_label (const char *kind)
{
  return shelter_enum_label (&shelter_enum_case_document, kind);
}

static char *
today_text (ShelterCaseFileView *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);

  return g_date_time_format (now, "%d/%m/%Y");
}

static void
shelter_case_file_view_emit_changed (ShelterCaseFileView *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Marking a document received */

static void shelter_case_file_view_ask_received (ShelterCaseFileView *self,
                                                 const char          *kind,
                                                 const char          *text,
                                                 const char          *message);

/* Reads dd/mm/yyyy (or yyyy-mm-dd) into YYYY-MM-DD; NULL when it is no date. */
static char *
parse_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || !shelter_text_parse_date (text, &date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
received_date_changed_cb (AdwMessageDialog *dialog,
                          GtkEditable      *editable)
{
  g_autofree char *iso = parse_date (gtk_editable_get_text (editable));

  /* The app checks the rest (not in the future, not before the reception). */
  adw_message_dialog_set_response_enabled (dialog, "mark", iso != NULL);
  _shelter_ui_set_error (GTK_WIDGET (editable), iso == NULL);
}

static void
received_response_cb (ShelterCaseFileView *self,
                      const char          *response,
                      AdwMessageDialog    *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
  const char *kind = g_object_get_data (G_OBJECT (dialog), KIND_KEY);
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "mark") != 0 || self->session == NULL || self->stay_id <= 0)
    return;

  text = g_strdup (gtk_editable_get_text (entry));
  iso = parse_date (text);
  if (iso == NULL)
    {
      shelter_case_file_view_ask_received (self, kind, text,
                                           _("Date received: enter the date as dd/mm/yyyy."));
      return;
    }

  if (!shelter_case_file_mark_received (self->session, self->stay_id, kind, iso, &error))
    {
      /* A date the centre's rules refuse: ask again, with what was typed and why. */
      if (error->domain == SHELTER_FIELD_ERROR)
        shelter_case_file_view_ask_received (self, kind, text, error->message);
      else
        {
          _shelter_window_show_message (GTK_WIDGET (self), error->message);
          shelter_case_file_view_emit_changed (self);
        }
      return;
    }

  /* Translators: a toast; %s is a document of the case file. */
  message = g_strdup_printf (_("Received: %s"), document_label (kind));
  _shelter_window_show_message (GTK_WIDGET (self), message);
  shelter_case_file_view_emit_changed (self);
}

/* Asks the day @kind arrived, starting from @text (today when NULL), with @message (a
 * refusal of the previous try) under the field. */
static void
shelter_case_file_view_ask_received (ShelterCaseFileView *self,
                                     const char          *kind,
                                     const char          *text,
                                     const char          *message)
{
  g_autofree char *today = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *entry;
  GtkWidget *error_label;

  dialog = adw_message_dialog_new (NULL, document_label (kind),
                                   _("Enter the day the document arrived at the centre."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mark", _("_Mark Received"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Date Received (dd/mm/yyyy)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
  gtk_widget_add_css_class (error_label, "error");
  _shelter_ui_show_message (GTK_LABEL (error_label), message);
  gtk_box_append (GTK_BOX (box), error_label);
  if (message != NULL)
    {
      _shelter_ui_set_error (entry, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                      -1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  if (text == NULL)
    text = today = today_text (self);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_connect_object (entry, "changed", G_CALLBACK (received_date_changed_cb), dialog,
                           G_CONNECT_SWAPPED);

  g_object_set_data_full (G_OBJECT (dialog), KIND_KEY, g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (received_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
mark_clicked_cb (ShelterCaseFileView *self,
                 GtkButton           *button)
{
  shelter_case_file_view_ask_received (self, g_object_get_data (G_OBJECT (button), KIND_KEY),
                                       NULL, NULL);
}

/* Taking a mark back */

static void
unmark_response_cb (ShelterCaseFileView *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
  const char *kind = g_object_get_data (G_OBJECT (dialog), KIND_KEY);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "undo") != 0 || self->session == NULL || self->stay_id <= 0)
    return;

  if (!shelter_case_file_unmark (self->session, self->stay_id, kind,
                                 gtk_editable_get_text (entry), &error))
    _shelter_window_show_message (GTK_WIDGET (self), error->message);
  else
    {
      /* Translators: a toast; %s is a document of the case file. */
      message = g_strdup_printf (_("Marked as missing again: %s"), document_label (kind));
      _shelter_window_show_message (GTK_WIDGET (self), message);
    }
  /* Either way the list is read again: a refusal means someone else changed it. */
  shelter_case_file_view_emit_changed (self);
}

static void
unmark_clicked_cb (ShelterCaseFileView *self,
                   GtkButton           *button)
{
  const char *kind = g_object_get_data (G_OBJECT (button), KIND_KEY);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *entry;

  /* Translators: %s is a document of the case file. */
  body = g_strdup_printf (_("“%s” will show as missing again. The mark stays in the history, "
                            "with the reason."),
                          document_label (kind));
  dialog = adw_message_dialog_new (NULL, _("Undo Received?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "undo", _("_Undo"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Reason"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data_full (G_OBJECT (dialog), KIND_KEY, g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unmark_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Showing the file */

static GtkWidget *
new_status_icon (const char *icon_name,
                 const char *style)
{
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", icon_name,
                                   "valign", GTK_ALIGN_CENTER,
                                   /* The subtitle says it in words. */
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_add_css_class (image, style);
  return image;
}

static GtkWidget *
new_row_button (ShelterCaseFileView *self,
                const char          *label,
                const char          *kind,
                GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Every row has one: a screen reader says which document it is for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, document_label (kind),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), KIND_KEY, g_strdup (kind), g_free);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
shelter_case_file_view_clear (ShelterCaseFileView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->documents_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

void
shelter_case_file_view_show (ShelterCaseFileView *self,
                             ShelterSession      *session,
                             ShelterCaseFile     *file,
                             const char          *today)
{
  g_autofree char *deadline = NULL;
  g_autofree char *description = NULL;
  g_autofree char *state = NULL;
  gboolean overdue;
  gboolean may_mark;

  g_return_if_fail (SHELTER_IS_CASE_FILE_VIEW (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  g_set_object (&self->session, session);
  shelter_case_file_view_clear (self);
  self->stay_id = file != NULL ? file->stay_id : 0;

  if (file == NULL || session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  overdue = today != NULL && shelter_case_file_is_overdue (file, today);
  /* The app refuses the others anyway. */
  may_mark = shelter_session_may (session, SHELTER_PERMISSION_ADMIT);

  deadline = shelter_text_format_date (file->deadline);
  /* Translators: under the case file's documents; %s is the deadline (27/11/2026), %u the
   * number of working days from the reception to it. */
  description = g_strdup_printf (ngettext ("Due %s, %u working day after reception",
                                           "Due %s, %u working days after reception",
                                           file->working_days),
                                 deadline, file->working_days);
  adw_preferences_group_set_description (self->documents_group, description);

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  if (file->n_missing == 0)
    {
      gtk_label_set_label (self->state_label, _("Complete"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "success");
    }
  else if (overdue)
    {
      gtk_label_set_label (self->state_label, _("Overdue"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
    }
  else
    {
      /* Translators: how many documents of the case file are still missing. */
      state = g_strdup_printf (ngettext ("%u missing", "%u missing", file->n_missing),
                               file->n_missing);
      gtk_label_set_label (self->state_label, state);
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "warning");
    }

  for (guint i = 0; i < file->items->len; i++)
    {
      ShelterCaseFileItem *item = &g_array_index (file->items, ShelterCaseFileItem, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document_label (item->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      if (item->received_on != NULL)
        {
          g_autofree char *received = shelter_text_format_date (item->received_on);

          /* Translators: a document of the case file, received on a date (dd/mm/yyyy). */
          subtitle = g_strdup_printf (_("Received on %s"), received);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     new_status_icon ("emblem-ok-symbolic", "success"));
          if (may_mark)
            {
              GtkWidget *button = new_row_button (self, _("Undo…"), item->kind,
                                                  G_CALLBACK (unmark_clicked_cb));

              /* Taking a mark back is the rare case: a lighter button. */
              gtk_widget_add_css_class (button, "flat");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
        }
      else if (!item->required)
        {
          /* Translators: the ID copy of a person who came without any papers. */
          subtitle = g_strdup (_("Not needed: no papers"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     new_status_icon ("emblem-ok-symbolic", "dim-label"));
        }
      else
        {
          subtitle = g_strdup (_("Missing"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     new_status_icon ("dialog-warning-symbolic",
                                                      overdue ? "error" : "warning"));
          if (may_mark)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       new_row_button (self, _("Mark Received…"), item->kind,
                                                       G_CALLBACK (mark_clicked_cb)));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      adw_preferences_group_add (self->documents_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "file");
}

static void
shelter_case_file_view_dispose (GObject *object)
{
  ShelterCaseFileView *self = SHELTER_CASE_FILE_VIEW (object);

  /* The stack is both the bin's child and a template child: the bin lets go of it first, so
   * that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_CASE_FILE_VIEW);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_case_file_view_parent_class)->dispose (object);
}

static void
shelter_case_file_view_finalize (GObject *object)
{
  ShelterCaseFileView *self = SHELTER_CASE_FILE_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_case_file_view_parent_class)->finalize (object);
}

static void
shelter_case_file_view_class_init (ShelterCaseFileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_case_file_view_dispose;
  object_class->finalize = shelter_case_file_view_finalize;

  /* A document was marked or unmarked, or the file turned out changed: read it again. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-case-file-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseFileView, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseFileView, documents_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseFileView, state_label);
}

static void
shelter_case_file_view_init (ShelterCaseFileView *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
