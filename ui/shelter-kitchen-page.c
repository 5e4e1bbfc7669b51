/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-kitchen-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-kitchen-page.h"
#include "shelter-meals.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

struct _ShelterKitchenPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;
  ShelterKitchenSheet  *sheet;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkEntry             *day_entry;
  GtkLabel             *error_label;
  GtkLabel             *summary_label;
  GtkGrid              *counts_grid;
  GtkListBox           *special_list;
  GtkLabel             *special_empty;
  GtkWidget            *print_button;
  GtkWidget            *save_button;
};

G_DEFINE_FINAL_TYPE (ShelterKitchenPage, shelter_kitchen_page, ADW_TYPE_BIN)

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (const char *text,
      gboolean    heading,
      float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, heading ? "heading" : "tabular-figures");
  return label;
}

static void
shelter_kitchen_page_show (ShelterKitchenPage *self)
{
  ShelterKitchenSheet *sheet = self->sheet;
  g_autofree char *summary = NULL;

  clear_grid (self->counts_grid);
  _shelter_ui_clear_list_box (self->special_list);
  gtk_widget_set_sensitive (self->print_button, sheet != NULL);
  gtk_widget_set_sensitive (self->save_button, sheet != NULL);
  if (sheet == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->special_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->special_empty), FALSE);
      return;
    }

  summary = g_strdup_printf (_("%u residents eat at the centre that day; %u away all day are "
                               "not counted; %u with allergies."),
                             sheet->residents, sheet->away, sheet->with_allergies);
  gtk_label_set_label (self->summary_label, summary);

  /* Rows: the meals; columns: the diets and the total. */
  gtk_grid_attach (self->counts_grid, cell (_("Meal"), TRUE, 0), 0, 0, 1, 1);
  for (guint d = 0; d < SHELTER_N_DIETS; d++)
    gtk_grid_attach (self->counts_grid,
                     cell (_(shelter_enum_diet.values[d].label), TRUE, 1), (int) d + 1, 0, 1, 1);
  gtk_grid_attach (self->counts_grid, cell (_("Total"), TRUE, 1), SHELTER_N_DIETS + 1, 0, 1, 1);
  for (guint m = 0; sheet->meals[m] != NULL; m++)
    {
      g_autofree char *total = g_strdup_printf ("%u", sheet->residents);

      gtk_grid_attach (self->counts_grid, cell (sheet->meals[m], FALSE, 0), 0, (int) m + 1, 1, 1);
      for (guint d = 0; d < SHELTER_N_DIETS; d++)
        {
          g_autofree char *count =
            g_strdup_printf ("%u", shelter_kitchen_sheet_count (sheet, m,
                                                               shelter_enum_diet.values[d].code));

          gtk_grid_attach (self->counts_grid, cell (count, FALSE, 1), (int) d + 1, (int) m + 1,
                           1, 1);
        }
      gtk_grid_attach (self->counts_grid, cell (total, TRUE, 1), SHELTER_N_DIETS + 1,
                       (int) m + 1, 1, 1);
    }

  for (guint i = 0; i < sheet->special->len; i++)
    {
      ShelterKitchenEntry *entry = g_ptr_array_index (sheet->special, i);
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (shelter_enum_label (&shelter_enum_diet,
                                                                      entry->diet));

      /* Translators: a special diet's row: the resident's name and case code. */
      title = entry->name != NULL ? g_strdup_printf (_("%s (%s)"), entry->name, entry->case_code)
                                  /* Translators: a protected resident on the kitchen sheet. */
                                  : g_strdup_printf (_("%s (protected)"), entry->case_code);
      if (entry->note != NULL)
        g_string_append_printf (subtitle, " · %s", entry->note);
      if (entry->allergies != NULL)
        /* Translators: on the kitchen sheet, after the diet. */
        g_string_append_printf (subtitle, " · %s %s", _("Allergies:"), entry->allergies);
      gtk_list_box_append (self->special_list, _shelter_ui_new_text_row (title, subtitle->str));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->special_list), sheet->special->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->special_empty), sheet->special->len == 0);
}

void
shelter_kitchen_page_reload (ShelterKitchenPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  const char *typed;

  g_return_if_fail (SHELTER_IS_KITCHEN_PAGE (self));

  g_clear_pointer (&self->sheet, shelter_kitchen_sheet_free);
  _shelter_ui_show_message (self->error_label, NULL);
  _shelter_ui_set_error (GTK_WIDGET (self->day_entry), FALSE);
  if (self->session != NULL)
    {
      typed = gtk_editable_get_text (GTK_EDITABLE (self->day_entry));
      day = _shelter_ui_parse_day (typed);
      self->sheet = shelter_kitchen_sheet_load (self->session, day != NULL ? day : typed, &error);
      if (self->sheet == NULL)
        {
          _shelter_ui_show_message (self->error_label, error->message);
          _shelter_ui_set_error (GTK_WIDGET (self->day_entry), TRUE);
        }
    }
  shelter_kitchen_page_show (self);
}

static void
shelter_kitchen_page_set_day (ShelterKitchenPage *self,
                              GDateTime          *day)
{
  g_autofree char *text = g_date_time_format (day, "%d/%m/%Y");

  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), text);
  shelter_kitchen_page_reload (self);
}

static void
move_day (ShelterKitchenPage *self,
          int                 days)
{
  g_autoptr(GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) moved = NULL;
  GDate date;

  if (self->sheet == NULL || !shelter_text_parse_date (self->sheet->day, &date))
    return;
  noon = g_date_time_new (vietnam, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 12, 0, 0);
  moved = g_date_time_add_days (noon, days);
  shelter_kitchen_page_set_day (self, moved);
}

static void
day_activate_cb (ShelterKitchenPage *self,
                 GtkEntry           *entry)
{
  shelter_kitchen_page_reload (self);
}

static void
previous_clicked_cb (ShelterKitchenPage *self,
                     GtkButton          *button)
{
  move_day (self, -1);
}

static void
next_clicked_cb (ShelterKitchenPage *self,
                 GtkButton          *button)
{
  move_day (self, 1);
}

static void
today_clicked_cb (ShelterKitchenPage *self,
                  GtkButton          *button)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->session == NULL)
    return;
  now = shelter_session_now (self->session);
  shelter_kitchen_page_set_day (self, now);
}

/* Printing */

typedef struct
{
  GWeakRef             page;
  ShelterSession      *session;
  ShelterKitchenSheet  *sheet;
  gboolean             finished;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_weak_ref_clear (&job->page);
  g_clear_object (&job->session);
  g_clear_pointer (&job->sheet, shelter_kitchen_sheet_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = shelter_kitchen_sheet_paginate (job->sheet,
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
  shelter_kitchen_sheet_draw_page (job->sheet, gtk_print_context_get_cairo_context (context),
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
                                                          : _("The kitchen sheet could not be "
                                                              "printed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (!shelter_kitchen_sheet_note_printed (job->session, job->sheet, &error))
        g_warning ("The printing of a kitchen sheet could not be recorded: %s", error->message);
      if (page != NULL)
        _shelter_window_show_message (page, _("Kitchen sheet sent to the printer"));
    }
  g_object_unref (operation);
}

static void
print_clicked_cb (ShelterKitchenPage *self,
                  GtkButton          *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GtkPrintOperation *operation;
  ShelterKitchenSheet *sheet;
  GtkRoot *root;
  PrintJob *job;

  if (self->session == NULL || self->sheet == NULL)
    return;
  /* What is stored now, not what the page showed a while ago. */
  sheet = shelter_kitchen_sheet_load (self->session, self->sheet->day, &error);
  if (sheet == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  job = g_new0 (PrintJob, 1);
  g_weak_ref_init (&job->page, self);
  job->session = g_object_ref (self->session);
  job->sheet = sheet;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "shelter-print-job", job,
                          (GDestroyNotify) print_job_free);
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  job_name = g_strdup_printf ("bang-suat-an-%s", sheet->day);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
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

static void
chooser_response_cb (ShelterKitchenPage   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(ShelterKitchenSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _shelter_ui_chooser_close (&self->chooser);
  if (error != NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (path == NULL || self->session == NULL || self->sheet == NULL)
    return;

  sheet = shelter_kitchen_sheet_load (self->session, self->sheet->day, &error);
  if (sheet == NULL || !shelter_kitchen_sheet_write_pdf (self->session, sheet, path, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  name = g_path_get_basename (path);
  /* Translators: a toast; %s is the name of the PDF file. */
  message = g_strdup_printf (_("Kitchen sheet saved as %s"), name);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
save_clicked_cb (ShelterKitchenPage *self,
                 GtkButton          *button)
{
  g_autofree char *name = NULL;

  if (self->session == NULL || self->sheet == NULL)
    return;

  _shelter_ui_chooser_close (&self->chooser);
  name = g_strdup_printf ("bang-suat-an-%s.pdf", self->sheet->day);
  self->chooser = _shelter_ui_pdf_chooser_new (_("Save Kitchen Sheet as PDF"), NULL, name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

void
shelter_kitchen_page_set_session (ShelterKitchenPage *self,
                                  ShelterSession     *session)
{
  g_return_if_fail (SHELTER_IS_KITCHEN_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  _shelter_ui_chooser_close (&self->chooser);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_autoptr(GDateTime) now = shelter_session_now (session);

      shelter_kitchen_page_set_day (self, now);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->day_entry), "");
      shelter_kitchen_page_reload (self);
    }
}

static void
shelter_kitchen_page_dispose (GObject *object)
{
  ShelterKitchenPage *self = SHELTER_KITCHEN_PAGE (object);

  _shelter_ui_chooser_close (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_KITCHEN_PAGE);
  g_clear_pointer (&self->sheet, shelter_kitchen_sheet_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_kitchen_page_parent_class)->dispose (object);
}

static void
shelter_kitchen_page_class_init (ShelterKitchenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_kitchen_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-kitchen-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, day_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, special_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, special_empty);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterKitchenPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, day_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
shelter_kitchen_page_init (ShelterKitchenPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shelter_kitchen_page_show (self);
}
