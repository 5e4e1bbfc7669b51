/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-enums.h"
#include "shelter-import-dialog.h"
#include "shelter-import.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

typedef enum
{
  STEP_FILE,
  STEP_COLUMNS,
  STEP_CHECK,
  STEP_DONE,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "file", "columns", "check", "done" };

static const ShelterLegacyEncoding encodings[] = {
  SHELTER_LEGACY_UNICODE, SHELTER_LEGACY_TCVN3, SHELTER_LEGACY_VNI,
};

typedef enum
{
  WORK_NONE,
  WORK_OPEN,
  WORK_CHECK,
  WORK_RUN,
} Work;

/* One row of the file in the check list: its index in the import. */
#define IMPORT_TYPE_ROW_ITEM (import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (ImportRowItem, import_row_item, IMPORT, ROW_ITEM, GObject)

struct _ImportRowItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (ImportRowItem, import_row_item, G_TYPE_OBJECT)

static void
import_row_item_class_init (ImportRowItemClass *klass)
{
}

static void
import_row_item_init (ImportRowItem *self)
{
}

struct _ShelterImportDialog
{
  AdwWindow             parent_instance;

  /* The window's session, and the one the import works on: the same user on a connection
   * of its own, so that the worker threads never share the window's. */
  ShelterSession       *session;
  ShelterSession       *import_session;
  ShelterImport        *import;
  char                 *path;
  Step                  step;
  Work                  work;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              filling;
  gboolean              done;
  gboolean              close_after_work;
  gboolean              disposed;
  guint                 close_id;

  GPtrArray            *sample_rows;   /* the rows added to sample_group */
  GPtrArray            *column_rows;   /* one AdwActionRow a column, in column order */
  GPtrArray            *column_drops;  /* their GtkDropDown, in column order */
  GPtrArray            *note_rows;
  GPtrArray            *type_codes;    /* the person types of type_row, in order */
  GListStore           *row_store;     /* ImportRowItem */
  GtkCustomFilter      *row_filter;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkLabel             *next_label;
  GtkLabel             *error_label;
  GtkStack             *step_stack;
  AdwActionRow         *file_row;
  GtkWidget            *choose_button;
  AdwComboRow          *sheet_row;
  GtkStringList        *sheet_list;
  AdwComboRow          *encoding_row;
  GtkStringList        *encoding_list;
  AdwActionRow         *mixed_row;
  AdwPreferencesGroup  *sample_group;
  AdwPreferencesGroup  *columns_group;
  AdwComboRow          *type_row;
  GtkStringList        *type_list;
  AdwPreferencesGroup  *notes_group;
  GtkLabel             *summary_label;
  GtkCheckButton       *problems_only_check;
  GtkListView          *row_view;
  AdwStatusPage        *result_page;
  GtkActionBar         *busy_bar;
  GtkSpinner           *busy_spinner;
  GtkLabel             *busy_label;
};

G_DEFINE_FINAL_TYPE (ShelterImportDialog, shelter_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void set_step (ShelterImportDialog *self, Step step);

/* Messages */

static void
show_error (ShelterImportDialog *self,
            const char          *message)
{
  _shelter_ui_show_message (self->error_label, message);
}

/* The worker */

typedef struct
{
  Work            work;
  ShelterSession *session;
  ShelterImport  *import;      /* WORK_CHECK, WORK_RUN: the dialog's, lent for the while */
  char           *path;
  char           *sheet_name;
  ShelterImportResult result;
} WorkData;

static void
work_data_free (gpointer data)
{
  WorkData *work = data;

  g_clear_object (&work->session);
  g_free (work->path);
  g_free (work->sheet_name);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WorkData *work = task_data;
  g_autoptr (GError) error = NULL;

  switch (work->work)
    {
    case WORK_OPEN:
      {
        ShelterImport *import = shelter_import_open (work->session, work->path, work->sheet_name,
                                                     cancellable, &error);

        if (import == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, import, (GDestroyNotify) shelter_import_free);
      }
      break;

    case WORK_CHECK:
      if (!shelter_import_check (work->import, cancellable, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      break;

    case WORK_RUN:
      if (!shelter_import_run (work->import, cancellable, &work->result, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      break;

    case WORK_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
update_buttons (ShelterImportDialog *self)
{
  gboolean busy = self->work != WORK_NONE;
  gboolean ready = self->step != STEP_FILE || self->import != NULL;

  gtk_widget_set_sensitive (self->next_button, !busy && ready);
  gtk_widget_set_sensitive (self->back_button, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_stack), !busy);
  gtk_action_bar_set_revealed (self->busy_bar, busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}

static void work_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
start_work (ShelterImportDialog *self,
            Work                 kind,
            const char          *sheet_name)
{
  g_autoptr (GTask) task = NULL;
  WorkData *work = g_new0 (WorkData, 1);
  const char *what[] = {
    NULL, N_("Reading the file…"), N_("Checking every row…"), N_("Importing…"),
  };

  g_assert (self->work == WORK_NONE);

  work->work = kind;
  work->session = g_object_ref (self->import_session);
  work->import = self->import;
  work->path = g_strdup (self->path);
  work->sheet_name = g_strdup (sheet_name);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->work = kind;
  show_error (self, NULL);
  gtk_label_set_label (self->busy_label, _(what[kind]));
  update_buttons (self);

  /* The task holds the dialog until the worker is done with the import it was lent. */
  task = g_task_new (self, self->cancellable, work_done_cb, NULL);
  g_task_set_name (task, "shelter-import-dialog work");
  g_task_set_task_data (task, work, work_data_free);
  g_task_run_in_thread (task, work_thread);
}

/* Step 1: the file */

static void
fill_sheets (ShelterImportDialog *self)
{
  const ShelterSheet *sheet = shelter_import_get_sheet (self->import);
  guint n = sheet->sheet_names != NULL ? g_strv_length (sheet->sheet_names) : 0;
  g_autofree char *subtitle = NULL;
  guint n_rows = sheet->rows->len;

  self->filling = TRUE;
  gtk_string_list_splice (self->sheet_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sheet_list)),
                          (const char * const *) sheet->sheet_names);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (sheet->sheet_names[i], sheet->sheet_name) == 0)
      adw_combo_row_set_selected (self->sheet_row, i);
  self->filling = FALSE;
  /* A workbook of one sheet, or a CSV file, has nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row),
                          sheet->format != SHELTER_SHEET_CSV && n > 1);

  {
    g_autofree char *base = g_path_get_basename (self->path);

    /* Translators: the file chosen, and how many rows it has (headers included). */
    subtitle = g_strdup_printf (ngettext ("%s — %u row", "%s — %u rows", n_rows), base, n_rows);
  }
  adw_action_row_set_subtitle (self->file_row, subtitle);
}

static void
sheet_selected_cb (ShelterImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (self->filling || item == NULL || self->path == NULL || self->work != WORK_NONE)
    return;
  g_clear_pointer (&self->import, shelter_import_free);
  start_work (self, WORK_OPEN, gtk_string_object_get_string (item));
}

void
shelter_import_dialog_open_file (ShelterImportDialog *self,
                                 const char          *path)
{
  g_return_if_fail (SHELTER_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->work != WORK_NONE)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  {
    g_autofree char *base = g_path_get_basename (path);

    adw_action_row_set_subtitle (self->file_row, base);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  g_clear_pointer (&self->import, shelter_import_free);
  start_work (self, WORK_OPEN, NULL);
}

static void
chooser_response_cb (ShelterImportDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);

  if (path != NULL)
    shelter_import_dialog_open_file (self, path);
  else if (error != NULL)
    show_error (self, error->message);
}

static void
choose_clicked_cb (ShelterImportDialog *self)
{
  g_autoptr (GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  const char * const patterns[] = { "*.csv", "*.CSV", "*.xlsx", "*.XLSX", "*.xls", "*.XLS" };

  if (self->work != WORK_NONE)
    return;
  _shelter_ui_chooser_close (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet to Import"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (sheets, _("Spreadsheets (CSV, XLSX)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (sheets, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), sheets);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
  /* Over this dialog, not the window behind it. */
  gtk_native_dialog_set_transient_for (GTK_NATIVE_DIALOG (self->chooser), GTK_WINDOW (self));
}

/* Step 2: the text and the columns */

static void
clear_group (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill_encoding (ShelterImportDialog *self)
{
  g_autoptr (GPtrArray) sample = shelter_import_dup_encoding_sample (self->import);
  ShelterLegacyEncoding encoding = shelter_import_get_encoding (self->import);
  ShelterLegacyEncoding detected;
  guint n_other = 0;

  detected = shelter_import_get_detected_encoding (self->import, &n_other);
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == encoding)
      adw_combo_row_set_selected (self->encoding_row, i);
  self->filling = FALSE;
  {
    /* Translators: %s is an encoding's name ("TCVN3 (ABC)"). */
    g_autofree char *found = g_strdup_printf (_("Found in the file: %s"),
                                              shelter_legacy_encoding_name (detected));

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), found);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->mixed_row), n_other > 0);
  if (n_other > 0)
    {
      g_autofree char *title = NULL;

      /* Translators: %u cells; %s is the encoding most of the file is in. */
      title = g_strdup_printf (ngettext ("%u cell looks typed in another encoding than %s",
                                         "%u cells look typed in another encoding than %s",
                                         n_other),
                               n_other, shelter_legacy_encoding_name (detected));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mixed_row), title);
      adw_action_row_set_subtitle (self->mixed_row,
                                   _("The file mixes encodings: those cells are shown as "
                                     "problems at the next step. Check them there."));
    }

  clear_group (self->sample_group, self->sample_rows);
  for (guint i = 0; i < sample->len; i++)
    {
      ShelterImportSample *item = g_ptr_array_index (sample, i);
      g_autofree char *title = g_strdup_printf ("%s → %s", item->before, item->after);
      GtkWidget *row = new_text_row (title, NULL);

      adw_preferences_group_add (self->sample_group, row);
      g_ptr_array_add (self->sample_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sample_group), sample->len > 0);
}

/* The first value under the headers of @column, in the chosen encoding, or NULL. */
static char *
column_example (ShelterImportDialog *self,
                guint                column)
{
  const ShelterSheet *sheet = shelter_import_get_sheet (self->import);
  guint header_line = shelter_import_get_header_line (self->import);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const ShelterSheetRow *row = g_ptr_array_index (sheet->rows, r);
      const char *cell;

      if (row->line <= header_line || column >= row->cells->len)
        continue;
      cell = g_ptr_array_index (row->cells, column);
      if (*cell != '\0')
        return shelter_legacy_to_unicode (cell, shelter_import_get_encoding (self->import));
    }
  return NULL;
}

static void
fill_notes (ShelterImportDialog *self)
{
  g_autoptr (GPtrArray) notes = shelter_import_dup_mapping_notes (self->import);

  clear_group (self->notes_group, self->note_rows);
  for (guint i = 0; i < notes->len; i++)
    {
      GtkWidget *row = new_text_row (g_ptr_array_index (notes, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning"), -1);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes->len > 0);
}

/* Shows each column's field as the import has it now. */
static void
show_mapping (ShelterImportDialog *self)
{
  self->filling = TRUE;
  for (guint c = 0; c < self->column_drops->len; c++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->column_drops, c),
                                shelter_import_get_column_field (self->import, c));
  self->filling = FALSE;
  fill_notes (self);
}

static void
field_selected_cb (GtkDropDown         *drop_down,
                   GParamSpec          *pspec,
                   ShelterImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "column"));
  guint field = gtk_drop_down_get_selected (drop_down);

  if (self->filling || self->import == NULL || field >= SHELTER_IMPORT_N_FIELDS)
    return;
  shelter_import_set_column (self->import, column, field);
  /* The field's former column is left out now: shown so. */
  show_mapping (self);
}

static void
fill_columns (ShelterImportDialog *self)
{
  guint header_line = shelter_import_get_header_line (self->import);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->column_drops, 0);

  if (header_line > 0)
    /* Translators: %u is a line of the file. */
    description = g_strdup_printf (_("The headers are on line %u. Choose the field each column "
                                     "fills, or “Not imported”."), header_line);
  else
    description = g_strdup (_("No row looks like headers: every row is read as a resident. "
                              "Choose the field each column fills."));
  adw_preferences_group_set_description (self->columns_group, description);

  for (guint c = 0; c < shelter_import_get_n_columns (self->import); c++)
    {
      const char *header = shelter_import_get_column_header (self->import, c);
      g_autofree char *example = column_example (self, c);
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);
      GtkWidget *row;
      GtkWidget *drop_down;

      for (guint f = 0; f < SHELTER_IMPORT_N_FIELDS; f++)
        gtk_string_list_append (fields, shelter_import_field_label (f));
      if (example != NULL)
        /* Translators: the first value of a column, as an example. */
        subtitle = g_strdup_printf (_("For example: %s"), example);
      row = new_text_row (header, subtitle);
      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&fields)), NULL);
      gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                                  shelter_import_get_column_field (self->import, c));
      g_object_set_data (G_OBJECT (drop_down), "column", GUINT_TO_POINTER (c));
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (field_selected_cb),
                               self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
      /* Translators: the accessible name of a column's field chooser; %s is its header. */
      accessible = g_strdup_printf (_("Field of the column “%s”"), header);
      for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_TOGGLE_BUTTON (child))
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          accessible, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
      g_ptr_array_add (self->column_drops, drop_down);
    }
  fill_notes (self);
}

static void
encoding_selected_cb (ShelterImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->filling || self->import == NULL || selected >= G_N_ELEMENTS (encodings))
    return;
  shelter_import_set_encoding (self->import, encodings[selected]);
  fill_encoding (self);
  fill_columns (self);
}

static gboolean
apply_person_type (ShelterImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  g_autoptr (GError) error = NULL;

  if (selected >= self->type_codes->len)
    return TRUE;
  if (!shelter_import_set_default_person_type (self->import,
                                               g_ptr_array_index (self->type_codes, selected),
                                               &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Step 3: every row */

static gboolean
row_is_notable (gpointer item,
                gpointer user_data)
{
  ShelterImportDialog *self = user_data;
  const ShelterImportRow *row;

  if (self->import == NULL)
    return FALSE;
  row = shelter_import_get_row (self->import, IMPORT_ROW_ITEM (item)->index);
  return row->problems->len > 0 || row->match != SHELTER_IMPORT_MATCH_NONE;
}

static void
update_summary (ShelterImportDialog *self)
{
  ShelterImportResult expected = { 0 };
  guint n_blocked = 0, n_matches = 0;
  guint n_readmitted, n_skipped;
  g_autoptr (GString) text = g_string_new (NULL);

  shelter_import_count (self->import, &expected, &n_blocked, &n_matches);
  n_readmitted = expected.n_stays - MIN (expected.n_stays, expected.n_people);
  n_skipped = expected.n_skipped - MIN (expected.n_skipped, n_blocked);

  g_string_append_printf (text, ngettext ("%u person will be added", "%u people will be added",
                                          expected.n_people), expected.n_people);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u new stay for a person on record",
                                          "%u new stays for people on record", n_readmitted),
                          n_readmitted);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u row skipped", "%u rows skipped", n_skipped),
                          n_skipped);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u row with problems not imported",
                                          "%u rows with problems not imported", n_blocked),
                          n_blocked);
  g_string_append (text, ".");
  gtk_label_set_label (self->summary_label, text->str);
  gtk_widget_set_sensitive (self->next_button,
                            self->work == WORK_NONE && expected.n_stays > 0);
}

static void
fill_rows (ShelterImportDialog *self)
{
  guint n = shelter_import_get_n_rows (self->import);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      ImportRowItem *item = g_object_new (IMPORT_TYPE_ROW_ITEM, NULL);

      item->index = i;
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->row_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->row_store)),
                       items->pdata, items->len);
  update_summary (self);
}

typedef struct
{
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *details;
  GtkWidget *match_box;
  GtkWidget *match_label;
  GtkWidget *choice;
} RowWidgets;

static void
choice_selected_cb (GtkDropDown         *drop_down,
                    GParamSpec          *pspec,
                    ShelterImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  ImportRowItem *item = g_object_get_data (G_OBJECT (drop_down), "item");
  ShelterImportChoice choice = gtk_drop_down_get_selected (drop_down) == 1
                               ? SHELTER_IMPORT_NEW_STAY : SHELTER_IMPORT_SKIP;

  if (self->filling || item == NULL || self->import == NULL || self->work != WORK_NONE)
    return;
  if (!shelter_import_set_choice (self->import, item->index, choice, &error))
    {
      show_error (self, error->message);
      self->filling = TRUE;
      gtk_drop_down_set_selected (drop_down,
                                  shelter_import_get_row (self->import, item->index)->choice
                                    == SHELTER_IMPORT_NEW_STAY ? 1 : 0);
      self->filling = FALSE;
      return;
    }
  show_error (self, NULL);
  update_summary (self);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ShelterImportDialog      *self)
{
  RowWidgets *widgets = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const char * const choices[] = { N_("Skip"), N_("New stay"), NULL };
  g_autoptr (GtkStringList) choice_list = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (choice_list, _(choices[i]));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  widgets->icon = gtk_image_new ();
  gtk_widget_set_valign (widgets->icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), widgets->icon);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  widgets->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets->title), 0);
  gtk_label_set_wrap (GTK_LABEL (widgets->title), TRUE);
  gtk_widget_add_css_class (widgets->title, "heading");
  gtk_box_append (GTK_BOX (text), widgets->title);

  widgets->details = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets->details), 0);
  gtk_label_set_wrap (GTK_LABEL (widgets->details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widgets->details), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text), widgets->details);

  widgets->match_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  widgets->match_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (widgets->match_label), 0);
  gtk_label_set_wrap (GTK_LABEL (widgets->match_label), TRUE);
  gtk_widget_set_hexpand (widgets->match_label, TRUE);
  gtk_box_append (GTK_BOX (widgets->match_box), widgets->match_label);
  widgets->choice = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choice_list)), NULL);
  gtk_widget_set_valign (widgets->choice, GTK_ALIGN_CENTER);
  g_signal_connect_object (widgets->choice, "notify::selected", G_CALLBACK (choice_selected_cb),
                           self, 0);
  gtk_box_append (GTK_BOX (widgets->match_box), widgets->choice);
  gtk_box_append (GTK_BOX (text), widgets->match_box);

  g_object_set_data_full (G_OBJECT (list_item), "widgets", widgets, g_free);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

/* "Ngày sinh (column C): 31/02/1990 — this date does not exist… Stored: nothing." */
static void
append_problem (GString                    *text,
                const ShelterImportProblem *problem)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (problem->blocking)
    g_string_append (text, _("Not imported: "));
  /* The message names the column and the value as a rule; added when it does not. */
  if (problem->header != NULL && strstr (problem->message, problem->header) == NULL)
    g_string_append_printf (text, "%s: ", problem->header);
  if (problem->value != NULL && *problem->value != '\0' &&
      strstr (problem->message, problem->value) == NULL)
    g_string_append_printf (text, "“%s” — ", problem->value);
  g_string_append (text, problem->message);
  if (!problem->blocking)
    {
      g_string_append (text, " ");
      if (problem->stored != NULL && *problem->stored != '\0')
        /* Translators: what the import keeps of a cell it could not read as it is. */
        g_string_append_printf (text, _("Stored: %s."), problem->stored);
      else
        g_string_append (text, _("Nothing is stored for it."));
    }
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ShelterImportDialog      *self)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (list_item), "widgets");
  ImportRowItem *item = gtk_list_item_get_item (list_item);
  const ShelterImportRow *row = shelter_import_get_row (self->import, item->index);
  g_autofree char *name = shelter_person_dup_full_name (row->person);
  g_autofree char *received = row->reception_date != NULL
                              ? shelter_text_format_date (row->reception_date) : NULL;
  g_autofree char *title = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  const char *icon = "object-select-symbolic";
  const char *icon_label = _("Will be imported");

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (_("(no name)"));
    }
  if (received != NULL)
    /* Translators: a row of the file: its line, the person's name, the reception date. */
    title = g_strdup_printf (_("Row %u · %s · received %s"), row->line, name, received);
  else
    /* Translators: a row of the file: its line and the person's name. */
    title = g_strdup_printf (_("Row %u · %s"), row->line, name);
  gtk_label_set_label (GTK_LABEL (widgets->title), title);

  for (guint p = 0; p < row->problems->len; p++)
    append_problem (details, g_ptr_array_index (row->problems, p));
  gtk_label_set_label (GTK_LABEL (widgets->details), details->str);
  gtk_widget_set_visible (widgets->details, details->len > 0);

  if (row->blocked)
    {
      icon = "dialog-error-symbolic";
      icon_label = _("Not imported");
    }
  else if (row->match != SHELTER_IMPORT_MATCH_NONE)
    {
      icon = "system-users-symbolic";
      icon_label = _("Matches a person");
    }
  else if (row->problems->len > 0)
    {
      icon = "dialog-warning-symbolic";
      icon_label = _("Imported with changes");
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (widgets->icon), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  icon_label, -1);
  gtk_widget_set_tooltip_text (widgets->icon, icon_label);

  gtk_widget_set_visible (widgets->match_box, row->match != SHELTER_IMPORT_MATCH_NONE
                                              && !row->blocked);
  if (row->match != SHELTER_IMPORT_MATCH_NONE)
    {
      g_autofree char *match = NULL;
      g_autofree char *accessible = NULL;

      if (row->match == SHELTER_IMPORT_MATCH_PERSON)
        /* Translators: a row that matches a person on record: the name (or "a person under
         * high protection"), the case code, and why ("same ID number"). */
        match = g_strdup_printf (_("May be %s (case code %s), on record: %s."),
                                 row->match_name != NULL ? row->match_name
                                                         : _("a person under high protection"),
                                 row->match_case_code,
                                 row->match_reason == SHELTER_IMPORT_MATCH_BY_ID_NUMBER
                                   ? _("same ID number")
                                   : _("same name, birth year and province"));
      else
        /* Translators: %u is the line of an earlier row of the file. */
        match = g_strdup_printf (_("The same person as row %u."), row->match_line);
      gtk_label_set_label (GTK_LABEL (widgets->match_label), match);
      /* Translators: the accessible name of a matched row's choice. */
      accessible = g_strdup_printf (_("Row %u: new stay or skip"), row->line);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->choice),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      for (GtkWidget *child = gtk_widget_get_first_child (widgets->choice); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_TOGGLE_BUTTON (child))
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          accessible, -1);
    }
  g_object_set_data (G_OBJECT (widgets->choice), "item", NULL);
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widgets->choice),
                              row->choice == SHELTER_IMPORT_NEW_STAY ? 1 : 0);
  self->filling = FALSE;
  g_object_set_data (G_OBJECT (widgets->choice), "item", item);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ShelterImportDialog      *self)
{
  RowWidgets *widgets = g_object_get_data (G_OBJECT (list_item), "widgets");

  g_object_set_data (G_OBJECT (widgets->choice), "item", NULL);
}

static void
problems_only_toggled_cb (ShelterImportDialog *self)
{
  gboolean only = gtk_check_button_get_active (self->problems_only_check);

  gtk_custom_filter_set_filter_func (self->row_filter, only ? row_is_notable : NULL,
                                     only ? self : NULL, NULL);
}

/* The work done */

static void
imported (ShelterImportDialog       *self,
          const ShelterImportResult *result)
{
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  guint n_readmitted = result->n_stays - MIN (result->n_stays, result->n_people);

  self->done = TRUE;
  g_clear_pointer (&self->import, shelter_import_free);
  /* Translators: the counts of an import that was written. */
  description = g_strdup_printf (_("%u people added, %u new stays for people on record, "
                                   "%u rows left out."),
                                 result->n_people, n_readmitted, result->n_skipped);
  adw_status_page_set_description (self->result_page, description);
  set_step (self, STEP_DONE);
  /* Translators: a toast once residents are imported. */
  message = g_strdup_printf (ngettext ("%u resident imported", "%u residents imported",
                                       result->n_stays), result->n_stays);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, message);
}

static gboolean
close_idle_cb (gpointer data)
{
  ShelterImportDialog *self = data;

  self->close_id = 0;
  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShelterImportDialog *self = SHELTER_IMPORT_DIALOG (source);
  GTask *task = G_TASK (result);
  WorkData *work = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gboolean cancelled;

  self->work = WORK_NONE;
  if (work->work == WORK_OPEN)
    {
      ShelterImport *import = g_task_propagate_pointer (task, &error);

      if (import != NULL)
        {
          g_clear_pointer (&self->import, shelter_import_free);
          self->import = import;
        }
    }
  else
    g_task_propagate_boolean (task, &error);

  /* Destroyed meanwhile (signed out): its widgets are gone. */
  if (self->disposed)
    return;
  update_buttons (self);
  if (self->close_after_work)
    {
      if (self->close_id == 0)
        self->close_id = g_idle_add (close_idle_cb, self);
      return;
    }

  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  switch (work->work)
    {
    case WORK_OPEN:
      if (error != NULL)
        {
          adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
          g_clear_pointer (&self->path, g_free);
          if (!cancelled)
            show_error (self, error->message);
          update_buttons (self);
          return;
        }
      fill_sheets (self);
      fill_encoding (self);
      fill_columns (self);
      update_buttons (self);
      break;

    case WORK_CHECK:
      if (error != NULL)
        {
          if (!cancelled)
            show_error (self, error->message);
          return;
        }
      fill_rows (self);
      set_step (self, STEP_CHECK);
      break;

    case WORK_RUN:
      if (error != NULL)
        {
          show_error (self, cancelled ? _("The import was stopped: nothing was stored.")
                                      : error->message);
          update_summary (self);
          return;
        }
      imported (self, &work->result);
      break;

    case WORK_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
stop_clicked_cb (ShelterImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* Steps */

static void
set_step (ShelterImportDialog *self,
          Step                 step)
{
  const char *titles[N_STEPS] = {
    _("File"), _("Text and Columns"), _("Check"), _("Done"),
  };
  const char *next[N_STEPS] = { _("_Next"), _("_Next"), _("_Import"), _("_Close") };
  g_autofree char *subtitle = NULL;
  g_autofree char *next_name = NULL;

  self->step = step;
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_widget_set_visible (self->back_button, step > STEP_FILE && step < STEP_DONE);
  gtk_widget_set_visible (self->cancel_button, step < STEP_DONE);
  /* Translators: "Step 1 of 3: Reason and Destination". */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), MIN (step, STEP_CHECK) + 1, N_STEPS - 1,
                              titles[step]);
  adw_window_title_set_subtitle (self->window_title, step < STEP_DONE ? subtitle : NULL);
  gtk_label_set_label (self->next_label, next[step]);
  next_name = g_strdup (gtk_label_get_text (self->next_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);
  update_buttons (self);
  if (step == STEP_CHECK)
    update_summary (self);
}

static void
next_clicked_cb (ShelterImportDialog *self)
{
  if (self->work != WORK_NONE)
    return;
  switch (self->step)
    {
    case STEP_FILE:
      if (self->import == NULL)
        {
          show_error (self, _("File: choose the spreadsheet to import."));
          return;
        }
      show_error (self, NULL);
      set_step (self, STEP_COLUMNS);
      break;

    case STEP_COLUMNS:
      if (apply_person_type (self))
        start_work (self, WORK_CHECK, NULL);
      break;

    case STEP_CHECK:
      start_work (self, WORK_RUN, NULL);
      break;

    case STEP_DONE:
      gtk_window_close (GTK_WINDOW (self));
      break;

    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

static void
back_clicked_cb (ShelterImportDialog *self)
{
  if (self->work != WORK_NONE || self->step == STEP_FILE || self->step == STEP_DONE)
    return;
  show_error (self, NULL);
  set_step (self, self->step - 1);
}

gboolean
shelter_import_dialog_is_busy (ShelterImportDialog *self)
{
  g_return_val_if_fail (SHELTER_IS_IMPORT_DIALOG (self), FALSE);

  return self->work != WORK_NONE;
}

/* Closing */

static void
discard_response_cb (ShelterImportDialog *self,
                     const char          *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->done = TRUE;
  if (self->close_id == 0)
    self->close_id = g_idle_add (close_idle_cb, self);
}

static gboolean
close_request_cb (ShelterImportDialog *self)
{
  GtkWidget *dialog;

  /* The worker has the import: stopped first, closed once it has let go. */
  if (self->work != WORK_NONE)
    {
      self->close_after_work = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  /* Mapped columns and chosen matches are work: asked before they are thrown away. */
  if (self->done || self->step < STEP_CHECK)
    return FALSE;
  dialog = _shelter_ui_new_discard_dialog (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Building */

/* The same account on a connection of its own: the worker threads read and write through
 * it while the window keeps using its own. A database that cannot be opened twice (in
 * memory) is shared: the dialog is modal, so the window asks little of it meanwhile. */
static ShelterSession *
new_import_session (ShelterSession *session)
{
  ShelterDb *db = shelter_session_get_db (session);
  const char *path = shelter_db_get_path (db);
  ShelterUser *user = shelter_session_get_user (session);
  g_autoptr (ShelterDb) own_db = NULL;
  g_autoptr (ShelterUser) copy = NULL;
  g_autoptr (GError) error = NULL;

  if (user == NULL || path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0 ||
      g_str_has_prefix (path, "file:") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_object_ref (session);
  own_db = shelter_db_open (path, SHELTER_DB_OPEN_CHECKED, &error);
  if (own_db == NULL)
    {
      g_debug ("The database cannot be opened a second time (%s): the import shares the "
               "window's connection", error->message);
      return g_object_ref (session);
    }
  copy = shelter_user_new ();
  shelter_user_set_id (copy, shelter_user_get_id (user));
  shelter_user_set_username (copy, shelter_user_get_username (user));
  shelter_user_set_full_name (copy, shelter_user_get_full_name (user));
  shelter_user_set_role (copy, shelter_user_get_role (user));
  shelter_user_set_active (copy, shelter_user_get_active (user));
  shelter_user_set_version (copy, shelter_user_get_version (user));
  return shelter_session_new_for_user (own_db, copy);
}

static void
name_combo_row (AdwComboRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

ShelterImportDialog *
shelter_import_dialog_new (ShelterSession *session)
{
  ShelterImportDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_IMPORT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->import_session = new_import_session (session);

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (self->encoding_list, shelter_legacy_encoding_name (encodings[i]));
  for (guint i = 0; i < shelter_enum_person_type.n_values; i++)
    {
      const char *code = shelter_enum_person_type.values[i].code;

      /* A child comes with an adult: not a type a list of residents gives alone. */
      if (g_str_equal (code, "accompanying_minor"))
        continue;
      g_ptr_array_add (self->type_codes, (gpointer) code);
      gtk_string_list_append (self->type_list,
                              shelter_enum_label (&shelter_enum_person_type, code));
      if (g_str_equal (code, "other_protected"))
        adw_combo_row_set_selected (self->type_row, self->type_codes->len - 1);
    }
  self->filling = FALSE;
  set_step (self, STEP_FILE);
  gtk_widget_grab_focus (self->choose_button);
  return self;
}

static void
shelter_import_dialog_dispose (GObject *object)
{
  ShelterImportDialog *self = SHELTER_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->close_id, g_source_remove);
  _shelter_ui_chooser_close (&self->chooser);
  G_OBJECT_CLASS (shelter_import_dialog_parent_class)->dispose (object);
}

static void
shelter_import_dialog_finalize (GObject *object)
{
  ShelterImportDialog *self = SHELTER_IMPORT_DIALOG (object);

  /* A worker holds a reference to the dialog: none runs any more. */
  g_clear_pointer (&self->import, shelter_import_free);
  g_clear_object (&self->import_session);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_clear_pointer (&self->sample_rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_drops, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_object (&self->row_store);
  G_OBJECT_CLASS (shelter_import_dialog_parent_class)->finalize (object);
}

static void
shelter_import_dialog_class_init (ShelterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_import_dialog_dispose;
  object_class->finalize = shelter_import_dialog_finalize;

  /* People were written: the lists showing residents read them again. */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-import-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterImportDialog, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (next_label);
  BIND (error_label);
  BIND (step_stack);
  BIND (file_row);
  BIND (choose_button);
  BIND (sheet_row);
  BIND (sheet_list);
  BIND (encoding_row);
  BIND (encoding_list);
  BIND (mixed_row);
  BIND (sample_group);
  BIND (columns_group);
  BIND (type_row);
  BIND (type_list);
  BIND (notes_group);
  BIND (summary_label);
  BIND (problems_only_check);
  BIND (row_view);
  BIND (result_page);
  BIND (busy_bar);
  BIND (busy_spinner);
  BIND (busy_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_only_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_import_dialog_init (ShelterImportDialog *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->sample_rows = g_ptr_array_new ();
  self->column_rows = g_ptr_array_new ();
  self->column_drops = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  self->type_codes = g_ptr_array_new ();
  self->row_store = g_list_store_new (IMPORT_TYPE_ROW_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->row_store)),
                                        GTK_FILTER (self->row_filter));
  gtk_list_view_set_model (self->row_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_signal_connect_object (factory, "setup", G_CALLBACK (row_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (row_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->row_view, factory);

  g_signal_connect_object (self->sheet_row, "notify::selected", G_CALLBACK (sheet_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_row, "notify::selected",
                           G_CALLBACK (encoding_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  name_combo_row (self->sheet_row);
  name_combo_row (self->encoding_row);
  name_combo_row (self->type_row);
}
