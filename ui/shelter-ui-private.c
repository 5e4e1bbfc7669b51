/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-ui"

#include "config.h"

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
