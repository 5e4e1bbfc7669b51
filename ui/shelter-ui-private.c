/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-enums.h"
#include "shelter-ui-private.h"
#include "shelter-ui-resources.h"

void
_shelter_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      shelter_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

char *
_shelter_ui_format_time (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL)
    return NULL;

  /* Times are stored with their offset (Vietnam's, +07:00): shown as written, whatever
   * the time zone of the desk's computer. */
  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strdup (iso);

  return g_date_time_format (time, "%d/%m/%Y %H:%M");
}

void
_shelter_ui_set_error (GtkWidget *widget,
                       gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
_shelter_ui_show_message (GtkLabel   *label,
                          const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

void
_shelter_ui_clear_secret (GtkEditable *editable)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  /* GtkPasswordEntryBuffer (used by password rows) keeps the text in non-pageable memory
   * and wipes it when it is replaced. */
  gtk_editable_set_text (editable, "");
}

static void
button_tooltip_changed_cb (GtkWidget  *button,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

static void
name_buttons (GtkWidget *widget,
              gboolean   in_entry_row)
{
  in_entry_row = in_entry_row || ADW_IS_ENTRY_ROW (widget);

  if (in_entry_row && GTK_IS_BUTTON (widget))
    {
      /* The password row's button says "Show Text" or "Hide Text" as it is toggled. */
      g_signal_connect (widget, "notify::tooltip-text",
                        G_CALLBACK (button_tooltip_changed_cb), NULL);
      button_tooltip_changed_cb (widget, NULL, NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_buttons (child, in_entry_row);
}

void
_shelter_ui_name_entry_row_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_buttons (root, FALSE);
}

void
_shelter_ui_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
_shelter_ui_new_text_row (const char *title,
                          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

void
_shelter_ui_show_warnings (GtkWidget  *group,
                           GtkListBox *list,
                           GPtrArray  *warnings)
{
  g_return_if_fail (GTK_IS_WIDGET (group));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  _shelter_ui_clear_list_box (list);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      GtkWidget *row = _shelter_ui_new_text_row (g_ptr_array_index (warnings, i), NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (list, row);
    }
  gtk_widget_set_visible (group, warnings != NULL && warnings->len > 0);
}

GtkWidget *
_shelter_ui_new_discard_dialog (GtkWindow *parent)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = adw_message_dialog_new (parent, _("Discard Changes?"),
                                   _("What you typed in this form will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  return dialog;
}

static gboolean
grab_search_entry_focus (gpointer entry)
{
  gtk_widget_grab_focus (entry);
  return G_SOURCE_REMOVE;
}

static void
focus_search_entry_cb (GtkWidget *entry)
{
  /* After the drop-down has moved the focus to the selected row. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grab_search_entry_focus, g_object_ref (entry),
                   g_object_unref);
}

static GtkWidget *
first_descendant (GtkWidget *widget,
                  GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = first_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Enter in the search chooses the first item found, as a desk worker expects. */
static void
search_activated_cb (GtkDropDown *drop_down,
                     GtkWidget   *entry)
{
  GtkWidget *list_view = first_descendant (GTK_WIDGET (drop_down), GTK_TYPE_LIST_VIEW);
  GListModel *all = gtk_drop_down_get_model (drop_down);
  GListModel *shown;
  g_autoptr (GObject) first = NULL;

  if (list_view == NULL || all == NULL)
    return;
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  if (g_list_model_get_n_items (shown) == 0)
    return;
  first = g_list_model_get_item (shown, 0);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (all, i);

      if (item == first)
        {
          GtkWidget *popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);

          gtk_drop_down_set_selected (drop_down, i);
          if (popover != NULL)
            gtk_popover_popdown (GTK_POPOVER (popover));
          return;
        }
    }
}

static GtkWidget *
first_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return child;
      if ((found = first_search_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

void
_shelter_ui_name_drop_down_search (GtkDropDown *drop_down)
{
  GtkWidget *entry;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  entry = first_search_entry (GTK_WIDGET (drop_down));
  if (entry == NULL)
    return;
  g_object_set (entry, "placeholder-text", _("Type to search…"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Type to search the list"), -1);

  g_signal_connect_object (entry, "activate", G_CALLBACK (search_activated_cb), drop_down,
                           G_CONNECT_SWAPPED);

  /* GTK 4.8 focuses the list when the pop-up opens, where typing does nothing: start in
   * the search entry, so that typing "hmong" finds it at once. */
  for (GtkWidget *popover = gtk_widget_get_parent (entry); popover != NULL;
       popover = gtk_widget_get_parent (popover))
    if (GTK_IS_POPOVER (popover))
      {
        g_signal_connect_object (popover, "show", G_CALLBACK (focus_search_entry_cb), entry,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
        break;
      }
}

char *
_shelter_ui_describe_room (ShelterRoom           *room,
                           const ShelterAgeBands *bands)
{
  guint beds = shelter_room_get_beds (room);
  guint free_beds = shelter_room_get_beds_free (room);
  g_autofree char *beds_text = NULL;
  g_autofree char *age_group = shelter_age_bands_title (bands, shelter_room_get_age_group (room));

  /* Translators: "2 of 6 beds free". */
  beds_text = g_strdup_printf (ngettext ("%u of %u bed free", "%u of %u beds free", beds),
                               free_beds, beds);
  /* Translators: room use, age group, beds: "Female room · Adults 18 to 59 · 2 of 6 beds
   * free". */
  return g_strdup_printf (_("%s · %s · %s"),
                          shelter_enum_label (&shelter_enum_room_use,
                                              shelter_room_get_sex_use (room)),
                          age_group, beds_text);
}

GtkFileChooserNative *
_shelter_ui_pdf_chooser_new (const char *title,
                             GtkWindow  *parent,
                             const char *file_name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

void
_shelter_ui_chooser_close (GtkFileChooserNative **chooser)
{
  if (*chooser == NULL)
    return;
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}

char *
_shelter_ui_chooser_get_path (GtkFileChooserNative  *chooser,
                              int                    response,
                              GError               **error)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return NULL;
  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Choose a folder on this computer for the PDF."));
  return path;
}
