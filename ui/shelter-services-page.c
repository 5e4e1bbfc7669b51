/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-services-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-services.h"
#include "shelter-services-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

/* Rows read at a time: the first screen and a little more, however many services there are. */
#define PAGE_SIZE 200

struct _ShelterServicesPage
{
  AdwBin          parent_instance;

  ShelterSession *session;
  GListStore     *store;
  gboolean        more;

  /* Template widgets */
  GtkDropDown    *kind_drop_down;
  GtkEntry       *staff_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkSearchEntry *resident_entry;
  GtkLabel       *error_label;
  GtkStack       *stack;
  GtkColumnView  *column_view;
  GtkWidget      *more_button;
};

G_DEFINE_FINAL_TYPE (ShelterServicesPage, shelter_services_page, ADW_TYPE_BIN)

enum {
  RESIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_DATE,
  COLUMN_RESIDENT,
  COLUMN_KIND,
  COLUMN_SERVICE,
  COLUMN_WHO,
  COLUMN_COST,
} Column;

static char *
column_text (ShelterServiceEntry *entry,
             Column               column)
{
  switch (column)
    {
    case COLUMN_DATE:
      return shelter_text_format_date (shelter_service_entry_get_done_on (entry));
    case COLUMN_RESIDENT:
      /* A protected resident by case code only, as app/ returned it. */
      if (shelter_service_entry_get_resident_name (entry) == NULL)
        return g_strdup (shelter_service_entry_get_case_code (entry));
      return g_strdup_printf ("%s (%s)", shelter_service_entry_get_resident_name (entry),
                              shelter_service_entry_get_case_code (entry));
    case COLUMN_KIND:
      return g_strdup (shelter_service_kind_label (shelter_service_entry_get_kind (entry)));
    case COLUMN_SERVICE:
      return g_strdup (shelter_service_subkind_label (shelter_service_entry_get_kind (entry),
                                                      shelter_service_entry_get_subkind (entry)));
    case COLUMN_WHO:
      return shelter_service_entry_dup_who (entry);
    case COLUMN_COST:
      if (shelter_service_entry_get_cost_dong (entry) < 0)
        return g_strdup ("");
      return shelter_text_format_money (shelter_service_entry_get_cost_dong (entry));
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) == COLUMN_COST ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  ShelterServiceEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (entry, GPOINTER_TO_INT (data));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (ShelterServicesPage *self,
            const char          *title,
            Column               column,
            gboolean             expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static char *
day_or_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char *day;

  if (*text == '\0')
    return NULL;
  day = _shelter_ui_parse_day (text);
  return day != NULL ? day : g_strdup (text);
}

/* Reads the next page of rows (from the start when @append is FALSE). */
static void
shelter_services_page_load (ShelterServicesPage *self,
                            gboolean             append)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const ShelterServiceKind *kinds = shelter_service_kinds ();
  ShelterServiceFilter filter = { 0 };
  guint selected, offset;

  if (!append)
    g_list_store_remove_all (self->store);
  _shelter_ui_show_message (self->error_label, NULL);
  gtk_widget_set_visible (self->more_button, FALSE);
  if (self->session == NULL)
    return;

  selected = gtk_drop_down_get_selected (self->kind_drop_down);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    filter.kind = kinds[selected - 1].code;
  filter.staff_user = gtk_editable_get_text (GTK_EDITABLE (self->staff_entry));
  from = day_or_text (self->from_entry);
  to = day_or_text (self->to_entry);
  filter.from = from;
  filter.to = to;
  filter.resident = gtk_editable_get_text (GTK_EDITABLE (self->resident_entry));
  offset = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  /* One more than a page says whether there is more. */
  entries = shelter_services_list (self->session, &filter, offset, PAGE_SIZE + 1, &error);
  if (entries == NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->more = entries->len > PAGE_SIZE;
  if (self->more)
    g_ptr_array_set_size (entries, PAGE_SIZE);
  g_list_store_splice (self->store, offset, 0, entries->pdata, entries->len);
  gtk_widget_set_visible (self->more_button, self->more);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0
                                    ? "list" : "empty");
}

static void
filter_changed_cb (ShelterServicesPage *self)
{
  shelter_services_page_load (self, FALSE);
}

static void
more_clicked_cb (ShelterServicesPage *self,
                 GtkButton           *button)
{
  shelter_services_page_load (self, TRUE);
}

static void
row_activated_cb (ShelterServicesPage *self,
                  guint                position,
                  GtkColumnView       *view)
{
  g_autoptr(ShelterServiceEntry) entry =
    g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (entry != NULL)
    g_signal_emit (self, signals[RESIDENT_ACTIVATED], 0,
                   shelter_service_entry_get_person_id (entry));
}

void
shelter_services_page_reload (ShelterServicesPage *self)
{
  g_return_if_fail (SHELTER_IS_SERVICES_PAGE (self));

  shelter_services_page_load (self, FALSE);
}

void
shelter_services_page_set_session (ShelterServicesPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_SERVICES_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  /* Nothing of the previous session's filters or rows stays. */
  gtk_editable_set_text (GTK_EDITABLE (self->staff_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->resident_entry), "");
  g_list_store_remove_all (self->store);
  /* Read when the section is opened: shelter_services_page_reload(). */
}

static void
shelter_services_page_dispose (GObject *object)
{
  ShelterServicesPage *self = SHELTER_SERVICES_PAGE (object);

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_SERVICES_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (shelter_services_page_parent_class)->dispose (object);
}

static void
shelter_services_page_class_init (ShelterServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_services_page_dispose;

  /**
   * ShelterServicesPage::resident-activated:
   * @person_id: the person the activated service was given to
   *
   * Asks for the resident's page.
   */
  signals[RESIDENT_ACTIVATED] =
    g_signal_new ("resident-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, staff_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, resident_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShelterServicesPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
shelter_services_page_init (ShelterServicesPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  const ShelterServiceKind *all = shelter_service_kinds ();

  self->store = g_list_store_new (SHELTER_TYPE_SERVICE_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; all[i].code != NULL; i++)
    gtk_string_list_append (kinds, _(all[i].label));
  gtk_drop_down_set_model (self->kind_drop_down, G_LIST_MODEL (kinds));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("Date"), COLUMN_DATE, FALSE);
  add_column (self, _("Resident"), COLUMN_RESIDENT, TRUE);
  add_column (self, _("Kind"), COLUMN_KIND, FALSE);
  add_column (self, _("Service"), COLUMN_SERVICE, TRUE);
  add_column (self, _("By"), COLUMN_WHO, TRUE);
  add_column (self, _("Cost"), COLUMN_COST, FALSE);
}
