/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-case-list-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-case-list-dialog.h"
#include "shelter-reports-page.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* The positions of the formats in the Format row, as in the .ui file. */
static const ShelterReportFormat formats[] = {
  SHELTER_REPORT_FORMAT_XLSX,
  SHELTER_REPORT_FORMAT_CSV,
};

struct _ShelterCaseListDialog
{
  AdwWindow             parent_instance;

  ShelterSession       *session;
  ShelterPeriod         period;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwEntryRow          *reason_row;
  AdwComboRow          *format_row;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterCaseListDialog, shelter_case_list_dialog, ADW_TYPE_WINDOW)

static ShelterReportFormat
selected_format (ShelterCaseListDialog *self)
{
  guint position = adw_combo_row_get_selected (self->format_row);

  return formats[MIN (position, G_N_ELEMENTS (formats) - 1)];
}

static void
shelter_case_list_dialog_clear_errors (ShelterCaseListDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->reason_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_case_list_dialog_show_error (ShelterCaseListDialog *self,
                                     const GError          *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_CASE_LIST_REASON:
          row = GTK_WIDGET (self->reason_row);
          break;
        case SHELTER_FIELD_REPORT_FORMAT:
          row = GTK_WIDGET (self->format_row);
          break;
        default:
          break;
        }
    }

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

/* The reason is asked before the file: nobody chooses a place for a list that will be
 * refused. app/ checks it again when writing. */
static gboolean
shelter_case_list_dialog_check_reason (ShelterCaseListDialog  *self,
                                       GError                **error)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (*reason == '\0')
    return shelter_field_error (error, SHELTER_FIELD_CASE_LIST_REASON,
                                _("Reason for the list: say why the names leave the program, "
                                  "for example the inspection of the provincial department."));
  return TRUE;
}

gboolean
shelter_case_list_dialog_export (ShelterCaseListDialog  *self,
                                 const char             *path,
                                 GError                **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GtkWidget *parent;

  g_return_val_if_fail (SHELTER_IS_CASE_LIST_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  shelter_case_list_dialog_clear_errors (self);
  if (!shelter_case_list_dialog_check_reason (self, &local_error) ||
      !shelter_case_list_export (self->session, &self->period,
                                 gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                 selected_format (self), path, &local_error))
    {
      shelter_case_list_dialog_show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_path_get_basename (path);
  /* Translators: a toast; %s is the name of the file. */
  message = g_strdup_printf (_("Case list saved as %s"), name);
  parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  _shelter_window_show_message (parent != NULL ? parent : GTK_WIDGET (self), message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
chooser_response_cb (ShelterCaseListDialog *self,
                     int                    response,
                     GtkFileChooserNative  *chooser)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);

  _shelter_ui_chooser_close (&self->chooser);
  if (error != NULL)
    {
      shelter_case_list_dialog_show_error (self, error);
      return;
    }
  if (path != NULL)
    shelter_case_list_dialog_export (self, path, NULL);
}

static void
save_clicked_cb (ShelterCaseListDialog *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  ShelterReportFormat format = selected_format (self);
  const char *extension = shelter_report_format_extension (format);

  shelter_case_list_dialog_clear_errors (self);
  if (!shelter_case_list_dialog_check_reason (self, &error))
    {
      shelter_case_list_dialog_show_error (self, error);
      return;
    }

  name = shelter_reports_page_file_name (&self->period, extension);
  /* "danh-sach-…" rather than "bao-cao-…": the file is a list of people, not the report. */
  if (g_str_has_prefix (name, "bao-cao-"))
    {
      char *list_name = g_strconcat ("danh-sach-", name + strlen ("bao-cao-"), NULL);

      g_free (name);
      name = list_name;
    }
  if (format == SHELTER_REPORT_FORMAT_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  pattern = g_strdup_printf ("*.%s", extension);
  gtk_file_filter_add_pattern (filter, pattern);

  _shelter_ui_chooser_close (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Case List"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
row_changed_cb (ShelterCaseListDialog *self,
                GtkEditable           *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

ShelterCaseListDialog *
shelter_case_list_dialog_new (ShelterSession      *session,
                              const ShelterPeriod *period)
{
  ShelterCaseListDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (SHELTER_TYPE_CASE_LIST_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->period = *period;

  subtitle = shelter_period_format (period);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->reason_row));

  return self;
}

static void
shelter_case_list_dialog_dispose (GObject *object)
{
  ShelterCaseListDialog *self = SHELTER_CASE_LIST_DIALOG (object);

  _shelter_ui_chooser_close (&self->chooser);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_case_list_dialog_parent_class)->dispose (object);
}

static void
shelter_case_list_dialog_class_init (ShelterCaseListDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_case_list_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-case-list-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseListDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseListDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseListDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterCaseListDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_case_list_dialog_init (ShelterCaseListDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
