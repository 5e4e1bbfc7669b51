/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-column-sorter"

#include "config.h"

#include "shelter-column-sorter.h"

/* The Residents list is sorted by the database, never by GTK: a GtkSortListModel would have
 * to fetch all 100,000 rows to compare them. The column view still gives each sortable
 * column a sorter, so that its header can be clicked and shows the arrow; we then need to
 * know which column is primary and in which direction. GTK 4.8 has no API for that
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10), so we ask the column view's
 * sorter to compare two probe objects. It calls the column sorters in order, primary first,
 * stops at the first that does not answer "equal", and inverts that answer when the column
 * is sorted descending. Our sorters answer "smaller" for probes and write their key into
 * the first probe: only the primary column is ever asked, and the sign of the result gives
 * the direction. */

struct _ShelterColumnSorter
{
  GtkSorter            parent_instance;

  ShelterResidentOrder key;
};

G_DEFINE_FINAL_TYPE (ShelterColumnSorter, shelter_column_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set on both probe objects; the primary column's key (plus one) is written on the first. */
static G_DEFINE_QUARK (shelter-column-sorter-probe, probe)
static G_DEFINE_QUARK (shelter-column-sorter-probe-key, probe_key)

static GtkOrdering
shelter_column_sorter_compare (GtkSorter *sorter,
                               gpointer   item1,
                               gpointer   item2)
{
  ShelterColumnSorter *self = SHELTER_COLUMN_SORTER (sorter);

  if (g_object_get_qdata (item1, probe_quark ()) == NULL)
    return GTK_ORDERING_EQUAL;

  g_object_set_qdata (item1, probe_key_quark (), GUINT_TO_POINTER (self->key + 1));

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
shelter_column_sorter_get_sorter_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
shelter_column_sorter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShelterColumnSorter *self = SHELTER_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_int (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_column_sorter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShelterColumnSorter *self = SHELTER_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_column_sorter_class_init (ShelterColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = shelter_column_sorter_get_property;
  object_class->set_property = shelter_column_sorter_set_property;

  sorter_class->compare = shelter_column_sorter_compare;
  sorter_class->get_order = shelter_column_sorter_get_sorter_order;

  /* A ShelterResidentOrder; db/ has no GType for it. */
  properties[PROP_KEY] =
    g_param_spec_int ("key", NULL, NULL,
                      SHELTER_RESIDENT_ORDER_NAME, SHELTER_RESIDENT_ORDER_ADMITTED,
                      SHELTER_RESIDENT_ORDER_NAME,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_column_sorter_init (ShelterColumnSorter *self)
{
  self->key = SHELTER_RESIDENT_ORDER_NAME;
}

GtkSorter *
shelter_column_sorter_new (ShelterResidentOrder key)
{
  return g_object_new (SHELTER_TYPE_COLUMN_SORTER, "key", (int) key, NULL);
}

ShelterResidentOrder
shelter_column_sorter_get_key (ShelterColumnSorter *self)
{
  g_return_val_if_fail (SHELTER_IS_COLUMN_SORTER (self), SHELTER_RESIDENT_ORDER_NAME);

  return self->key;
}

gboolean
shelter_column_sorter_find_primary (GtkSorter            *view_sorter,
                                    ShelterResidentOrder *order,
                                    gboolean             *descending)
{
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;
  GtkOrdering result;
  guint key;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);
  g_return_val_if_fail (order != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  /* Two distinct objects: gtk_sorter_compare() answers "equal" for an object and itself
   * without asking any sorter. */
  first = g_object_new (G_TYPE_OBJECT, NULL);
  second = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata (first, probe_quark (), GINT_TO_POINTER (TRUE));
  g_object_set_qdata (second, probe_quark (), GINT_TO_POINTER (TRUE));

  result = gtk_sorter_compare (view_sorter, first, second);
  key = GPOINTER_TO_UINT (g_object_get_qdata (first, probe_key_quark ()));

  if (key == 0 || result == GTK_ORDERING_EQUAL)
    return FALSE;

  *order = (ShelterResidentOrder) (key - 1);
  *descending = (result == GTK_ORDERING_LARGER);

  return TRUE;
}
