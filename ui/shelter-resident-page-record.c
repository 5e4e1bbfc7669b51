/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the intake record (biên bản tiếp nhận) of the resident's
 * stay, printed or saved as PDF. app/shelter-intake-record.c lays it out; this file only
 * asks where it goes. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-intake-record.h"
#include "shelter-resident-page-private.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* Printing */

typedef struct
{
  /* The page, to show how it went; it may be gone by then. */
  GWeakRef             page;
  ShelterSession      *session;
  ShelterIntakeRecord *record;
  gboolean             finished;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_weak_ref_clear (&job->page);
  g_clear_object (&job->session);
  g_clear_pointer (&job->record, shelter_intake_record_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages;

  n_pages = shelter_intake_record_paginate (job->record,
                                            gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  shelter_intake_record_draw_page (job->record, gtk_print_context_get_cairo_context (context),
                                   (guint) page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr(GtkWidget) page = g_weak_ref_get (&job->page);
  g_autoptr(GError) error = NULL;

  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (page != NULL)
        _shelter_window_show_message (page, error != NULL ? error->message
                                                          : _("The intake record could not be "
                                                              "printed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* Sent to the printer: that goes on the record, as a PDF does. */
      if (!shelter_intake_record_note_printed (job->session, job->record, &error))
        g_warning ("The printing of an intake record could not be recorded: %s",
                   error->message);
      if (page != NULL)
        _shelter_window_show_message (page, _("Intake record sent to the printer"));
    }

  g_object_unref (operation);
}

void
_shelter_resident_page_print_record (ShelterResidentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GtkPrintOperation *operation;
  ShelterIntakeRecord *record;
  GtkRoot *root;
  PrintJob *job;

  if (self->session == NULL || self->stay == NULL || self->intake == NULL)
    return;

  /* What is stored now, not what the page showed when it was opened. */
  record = shelter_intake_record_load (self->session, shelter_stay_get_id (self->stay), &error);
  if (record == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  job = g_new0 (PrintJob, 1);
  g_weak_ref_init (&job->page, self);
  job->session = g_object_ref (self->session);
  job->record = record;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "shelter-print-job", job,
                          (GDestroyNotify) print_job_free);

  /* An official paper on A4; the record sets its own margins. */
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  job_name = g_strdup_printf ("bien-ban-tiep-nhan-%s",
                              shelter_resident_summary_get_case_code (self->summary));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  /* Finished already (cancelled, or failed before the dialog): "done" may not come. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && !job->finished)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        {
          _shelter_window_show_message (GTK_WIDGET (self), error->message);
          job->finished = TRUE;
          g_object_unref (operation);
        }
      else
        print_done_cb (operation, result, job);
    }
}

/* Saving as PDF */

void
_shelter_resident_page_close_chooser (ShelterResidentPage *self)
{
  _shelter_ui_chooser_close (&self->chooser);
}

static void
chooser_response_cb (ShelterResidentPage  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(ShelterIntakeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _shelter_resident_page_close_chooser (self);
  if (error != NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (path == NULL || self->session == NULL || self->stay == NULL)
    return;

  record = shelter_intake_record_load (self->session, shelter_stay_get_id (self->stay), &error);
  if (record == NULL ||
      !shelter_intake_record_write_pdf (self->session, record, path, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  name = g_path_get_basename (path);
  /* Translators: a toast; %s is the name of the PDF file. */
  message = g_strdup_printf (_("Intake record saved as %s"), name);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

void
_shelter_resident_page_save_record (ShelterResidentPage *self)
{
  g_autofree char *name = NULL;

  if (self->session == NULL || self->stay == NULL || self->intake == NULL)
    return;

  _shelter_resident_page_close_chooser (self);
  name = g_strdup_printf ("bien-ban-tiep-nhan-%s.pdf",
                          shelter_resident_summary_get_case_code (self->summary));
  self->chooser = _shelter_ui_pdf_chooser_new (_("Save Intake Record as PDF"), NULL, name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}
