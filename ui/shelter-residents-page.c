/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-residents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-column-sorter.h"
#include "shelter-enums.h"
#include "shelter-residents-model.h"
#include "shelter-residents-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* Shown for what is not known (no birth date, no room). */
#define UNKNOWN_TEXT "—"

struct _ShelterResidentsPage
{
  AdwBin                 parent_instance;

  ShelterSession        *session;
  ShelterResidentsModel *model;
  /* Ages are counted to this day (Vietnam's time). */
  GDate                  today;
  gboolean               search_mode;

  /* Template widgets */
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkStack              *view_stack;
  GtkColumnView         *column_view;
  GtkSingleSelection    *selection;
  GtkColumnViewColumn   *case_code_column;
  GtkColumnViewColumn   *name_column;
  GtkColumnViewColumn   *sex_column;
  GtkColumnViewColumn   *age_column;
  GtkColumnViewColumn   *room_column;
  GtkColumnViewColumn   *admitted_column;
  GtkLabel              *count_label;
  GtkWidget             *filter_box;
  GtkToggleButton       *in_residence_button;
  GtkToggleButton       *all_button;
};

G_DEFINE_FINAL_TYPE (ShelterResidentsPage, shelter_residents_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RESIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_residents_page_show_error (ShelterResidentsPage *self,
                                   const GError         *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  /* Toast titles are Pango markup. */
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static ShelterResidentFilter
shelter_residents_page_get_filter (ShelterResidentsPage *self)
{
  if (gtk_toggle_button_get_active (self->in_residence_button))
    return SHELTER_RESIDENT_FILTER_IN_RESIDENCE;

  return SHELTER_RESIDENT_FILTER_ALL;
}

static gboolean
shelter_residents_page_is_searching (ShelterResidentsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text != NULL && *text != '\0';
}

/* Whether the database has anyone at all, in residence or not. Asked only when nobody is
 * in residence, to tell a new centre from one whose residents have all left. */
static gboolean
shelter_residents_page_has_anyone (ShelterResidentsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = shelter_residents_count_all (self->session, &error);
  if (count < 0)
    g_debug ("Cannot count all residents: %s", error->message);
  return count > 0;
}

static void
shelter_residents_page_update_state (ShelterResidentsPage *self)
{
  g_autofree char *count = NULL;
  const char *page;
  guint n_items = 0;

  if (self->model != NULL)
    n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  if (self->model != NULL && shelter_residents_page_is_searching (self) &&
      n_items >= SHELTER_RESIDENTS_SEARCH_LIMIT)
    count = g_strdup_printf (_("First %u matches; type more to narrow the search"), n_items);
  else if (self->model != NULL)
    count = g_strdup_printf (ngettext ("%u resident", "%u residents", n_items), n_items);
  gtk_label_set_label (self->count_label, count != NULL ? count : "");

  /* The model searches everyone, in residence or not: the filter does not apply then. */
  gtk_widget_set_sensitive (self->filter_box, !shelter_residents_page_is_searching (self));

  if (n_items > 0 || self->model == NULL)
    page = "list";
  else if (shelter_residents_page_is_searching (self))
    page = "no-matches";
  else if (shelter_residents_page_get_filter (self) == SHELTER_RESIDENT_FILTER_IN_RESIDENCE
           && shelter_residents_page_has_anyone (self))
    page = "nobody-in-residence";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->view_stack, page);
}

static void
shelter_residents_page_items_changed_cb (ShelterResidentsPage *self,
                                         guint                 position,
                                         guint                 removed,
                                         guint                 added,
                                         GListModel           *model)
{
  shelter_residents_page_update_state (self);
}

/* Asks the database for the order the column headers show. */
static void
shelter_residents_page_apply_order (ShelterResidentsPage *self)
{
  g_autoptr(GError) error = NULL;
  ShelterResidentOrder order = SHELTER_RESIDENT_ORDER_NAME;
  gboolean descending = FALSE;

  if (self->model == NULL)
    return;

  if (!shelter_column_sorter_find_primary (gtk_column_view_get_sorter (self->column_view),
                                           &order, &descending))
    {
      /* No column sorted: by name, as the centre's papers are. */
      order = SHELTER_RESIDENT_ORDER_NAME;
      descending = FALSE;
    }

  if (!shelter_residents_model_set_order (self->model, order, descending, &error))
    shelter_residents_page_show_error (self, error);
}

static void
sorter_changed_cb (ShelterResidentsPage *self,
                   GtkSorterChange       change,
                   GtkSorter            *sorter)
{
  shelter_residents_page_apply_order (self);
}

static void
search_changed_cb (ShelterResidentsPage *self,
                   GtkSearchEntry       *entry)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->model == NULL)
    return;

  /* Diacritics and case do not matter: the model folds both sides. */
  if (!shelter_residents_model_set_search (self->model, text, &error))
    shelter_residents_page_show_error (self, error);

  shelter_residents_page_update_state (self);
}

static void
search_activate_cb (ShelterResidentsPage *self,
                    GtkSearchEntry       *entry)
{
  /* Enter goes from the search to the first resident found. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
}

/* The two buttons are a group: toggling one toggles the other, so one handler does. */
static void
filter_toggled_cb (ShelterResidentsPage *self,
                   GtkToggleButton      *button)
{
  g_autoptr(GError) error = NULL;

  if (self->model == NULL)
    return;

  if (!shelter_residents_model_set_filter (self->model,
                                           shelter_residents_page_get_filter (self),
                                           &error))
    shelter_residents_page_show_error (self, error);

  shelter_residents_page_update_state (self);
}

static void
show_all_clicked_cb (ShelterResidentsPage *self,
                     GtkButton            *button)
{
  gtk_toggle_button_set_active (self->all_button, TRUE);
}

static void
row_activated_cb (ShelterResidentsPage *self,
                  guint                 position,
                  GtkColumnView        *view)
{
  g_autoptr(ShelterResidentSummary) summary = NULL;

  if (self->model == NULL)
    return;

  summary = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (summary != NULL)
    g_signal_emit (self, signals[SIGNAL_RESIDENT_ACTIVATED], 0,
                   shelter_resident_summary_get_person_id (summary));
}

/* The cells: one label each, its text set from the row's summary when bound. The texts are
 * computed (labels, ages, dates), hence no property expressions. */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
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

static void
set_cell_text (GtkListItem *item,
               const char  *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  gtk_label_set_label (label, text != NULL && *text != '\0' ? text : UNKNOWN_TEXT);
}

static ShelterResidentSummary *
get_summary (GtkListItem *item)
{
  gpointer summary = gtk_list_item_get_item (item);

  return SHELTER_IS_RESIDENT_SUMMARY (summary) ? summary : NULL;
}

static void
bind_case_code_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);

  set_cell_text (item, summary ? shelter_resident_summary_get_case_code (summary) : NULL);
}

static void
bind_full_name_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);

  /* Already masked by the model for residents under high protection. */
  set_cell_text (item, summary ? shelter_resident_summary_get_full_name (summary) : NULL);
}

static void
bind_person_type_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);
  const char *type = summary ? shelter_resident_summary_get_person_type (summary) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = type != NULL ? shelter_enum_label (&shelter_enum_person_type, type) : NULL;

  set_cell_text (item, text);
  /* The long labels are cut to the column; the whole label stays one hover away. */
  gtk_widget_set_tooltip_text (label, text);
}

static void
bind_sex_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);
  const char *sex = summary ? shelter_resident_summary_get_sex (summary) : NULL;

  set_cell_text (item, sex != NULL ? shelter_enum_label (&shelter_enum_sex, sex) : NULL);
}

static void
bind_age_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ShelterResidentsPage *self = SHELTER_RESIDENTS_PAGE (user_data);
  ShelterResidentSummary *summary = get_summary (item);
  g_autofree char *text = NULL;
  const char *birth;
  int age;

  if (summary == NULL)
    {
      set_cell_text (item, NULL);
      return;
    }

  birth = shelter_resident_summary_get_birth_date (summary);
  age = birth != NULL ? shelter_text_age_on (birth, &self->today) : -1;

  if (age < 0)
    text = NULL;
  else if (g_strcmp0 (shelter_resident_summary_get_birth_precision (summary), "estimated") == 0)
    /* Translators: an age in years whose birth date was estimated, e.g. "34 (est.)". */
    text = g_strdup_printf (_("%d (est.)"), age);
  else
    text = g_strdup_printf ("%d", age);

  set_cell_text (item, text);
}

static void
bind_room_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);

  set_cell_text (item, summary ? shelter_resident_summary_get_room_code (summary) : NULL);
}

static void
bind_admitted_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  ShelterResidentSummary *summary = get_summary (item);
  g_autofree char *text = NULL;
  const char *admitted = summary ? shelter_resident_summary_get_admitted_at (summary) : NULL;

  if (admitted != NULL)
    text = shelter_text_format_date (admitted);

  set_cell_text (item, text);
}

static void
shelter_residents_page_set_today (ShelterResidentsPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_date_clear (&self->today, 1);

  if (self->session != NULL)
    now = shelter_session_now (self->session);
  if (now == NULL)
    now = g_date_time_new_now_local ();

  g_date_set_dmy (&self->today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

void
shelter_residents_page_set_session (ShelterResidentsPage *self,
                                    ShelterSession       *session)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  g_return_if_fail (SHELTER_IS_RESIDENTS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  gtk_single_selection_set_model (self->selection, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model,
                                          shelter_residents_page_items_changed_cb,
                                          self);
  g_clear_object (&self->model);
  g_set_object (&self->session, session);

  if (session == NULL)
    {
      /* What the previous user typed or chose is theirs: the next session starts afresh. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      shelter_residents_page_set_search_mode (self, FALSE);
      gtk_toggle_button_set_active (self->in_residence_button, TRUE);
      gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
    }

  shelter_residents_page_set_today (self);

  if (session != NULL)
    {
      self->model = shelter_residents_model_new (session);

      if (!shelter_residents_model_set_filter (self->model,
                                               shelter_residents_page_get_filter (self),
                                               &error))
        {
          shelter_residents_page_show_error (self, error);
          g_clear_error (&error);
        }

      text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      if (text != NULL && *text != '\0'
          && !shelter_residents_model_set_search (self->model, text, &error))
        {
          shelter_residents_page_show_error (self, error);
          g_clear_error (&error);
        }

      shelter_residents_page_apply_order (self);

      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (shelter_residents_page_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
    }

  shelter_residents_page_update_state (self);
}

void
shelter_residents_page_reload (ShelterResidentsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHELTER_IS_RESIDENTS_PAGE (self));

  if (self->model == NULL)
    return;

  if (!shelter_residents_model_reload (self->model, &error))
    shelter_residents_page_show_error (self, error);
  shelter_residents_page_update_state (self);
}

gboolean
shelter_residents_page_get_search_mode (ShelterResidentsPage *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENTS_PAGE (self), FALSE);

  return self->search_mode;
}

void
shelter_residents_page_set_search_mode (ShelterResidentsPage *self,
                                        gboolean              search_mode)
{
  g_return_if_fail (SHELTER_IS_RESIDENTS_PAGE (self));

  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

void
shelter_residents_page_focus_search (ShelterResidentsPage *self)
{
  g_return_if_fail (SHELTER_IS_RESIDENTS_PAGE (self));

  shelter_residents_page_set_search_mode (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
shelter_residents_page_dispose (GObject *object)
{
  ShelterResidentsPage *self = SHELTER_RESIDENTS_PAGE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model,
                                          shelter_residents_page_items_changed_cb,
                                          self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_RESIDENTS_PAGE);

  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_residents_page_parent_class)->dispose (object);
}

static void
shelter_residents_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ShelterResidentsPage *self = SHELTER_RESIDENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_residents_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ShelterResidentsPage *self = SHELTER_RESIDENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      shelter_residents_page_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_residents_page_class_init (ShelterResidentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_residents_page_dispose;
  object_class->get_property = shelter_residents_page_get_property;
  object_class->set_property = shelter_residents_page_set_property;

  /* Whether the search bar is shown; the window's search button is bound to it. */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated (double click, Enter): the person id, for their own page. */
  signals[SIGNAL_RESIDENT_ACTIVATED] =
    g_signal_new ("resident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-residents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, case_code_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, sex_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, age_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, room_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, admitted_column);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, in_residence_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentsPage, all_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_tabular_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_case_code_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_full_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_person_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_sex_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_age_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_room_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_admitted_cb);
}

static void
shelter_residents_page_set_column_sorter (GtkColumnViewColumn  *column,
                                          ShelterResidentOrder  key)
{
  g_autoptr(GtkSorter) sorter = shelter_column_sorter_new (key);

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
shelter_residents_page_init (ShelterResidentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->today, 1);

  g_object_bind_property (self, "search-mode",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere in the list starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  /* The database sorts; see shelter-column-sorter.c for why the sorters sort nothing. */
  shelter_residents_page_set_column_sorter (self->case_code_column,
                                            SHELTER_RESIDENT_ORDER_CASE_CODE);
  shelter_residents_page_set_column_sorter (self->name_column, SHELTER_RESIDENT_ORDER_NAME);
  shelter_residents_page_set_column_sorter (self->sex_column, SHELTER_RESIDENT_ORDER_SEX);
  shelter_residents_page_set_column_sorter (self->age_column, SHELTER_RESIDENT_ORDER_AGE);
  shelter_residents_page_set_column_sorter (self->room_column, SHELTER_RESIDENT_ORDER_ROOM);
  shelter_residents_page_set_column_sorter (self->admitted_column,
                                            SHELTER_RESIDENT_ORDER_ADMITTED);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The list starts in name order; show the arrow on that column. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
}
