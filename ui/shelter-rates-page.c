/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-meals.h"
#include "shelter-rate-dialog.h"
#include "shelter-rates-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterRatesPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* The rows in the groups, removed on reload. */
  GPtrArray           *rows;

  /* Template widgets */
  AdwPreferencesGroup *meals_group;
  AdwPreferencesGroup *kit_group;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (ShelterRatesPage, shelter_rates_page, ADW_TYPE_BIN)

static void
shelter_rates_page_clear (ShelterRatesPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (ShelterRatesPage    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = _shelter_ui_new_text_row (title, subtitle);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

void
shelter_rates_page_reload (ShelterRatesPage *self)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *province = NULL;
  guint meals = 0, kits = 0;

  g_return_if_fail (SHELTER_IS_RATES_PAGE (self));

  shelter_rates_page_clear (self);
  gtk_widget_set_visible (self->add_button,
                          self->session != NULL &&
                          shelter_session_may (self->session, SHELTER_PERMISSION_EDIT_CENTRE));
  if (self->session == NULL)
    return;

  rates = shelter_rates_list (self->session, &error);
  if (rates == NULL)
    {
      add_row (self, self->meals_group, _("The rates could not be read"), error->message);
      return;
    }
  province = shelter_rates_centre_province (shelter_session_get_db (self->session));
  for (guint i = 0; i < rates->len; i++)
    {
      ShelterRateRow *rate = g_ptr_array_index (rates, i);
      gboolean is_meals = g_str_equal (rate->kind, "meals_per_day");
      g_autofree char *amount = shelter_text_format_money (rate->amount_dong);
      g_autofree char *from = shelter_text_format_date (rate->valid_from);
      g_autofree char *to = rate->valid_to != NULL ? shelter_text_format_date (rate->valid_to)
                                                   : NULL;
      g_autofree char *title = NULL;
      g_autofree char *days = NULL;
      g_autofree char *subtitle = NULL;

      /* Another province's rates (a centre that moved) do not price anything here. */
      if (g_strcmp0 (rate->province_code, province) != 0)
        continue;
      /* Translators: a rate: "40.000 ₫ a day"; %s is the amount. */
      title = is_meals ? g_strdup_printf (_("%s a day"), amount) : g_strdup (amount);
      /* Translators: the days a rate applies. */
      days = to != NULL ? g_strdup_printf (_("From %s to %s"), from, to)
                        : g_strdup_printf (_("From %s, until replaced"), from);
      subtitle = g_strdup_printf ("%s · %s", days, rate->legal_basis);
      add_row (self, is_meals ? self->meals_group : self->kit_group, title, subtitle);
      if (is_meals)
        meals++;
      else
        kits++;
    }
  if (meals == 0)
    add_row (self, self->meals_group, _("No rate recorded"),
             _("Meal days are shown as unpriced until the rate in force is added."));
  if (kits == 0)
    add_row (self, self->kit_group, _("No rate recorded"),
             _("Clothing kits are recorded without a cost until the rate in force is added."));
}

static void
rate_saved_cb (ShelterRatesPage  *self,
               ShelterRateDialog *dialog)
{
  shelter_rates_page_reload (self);
  _shelter_window_show_message (GTK_WIDGET (self), _("Rate added"));
}

static void
add_clicked_cb (ShelterRatesPage *self,
                GtkButton        *button)
{
  ShelterRateDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = shelter_rate_dialog_new (self->session);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (rate_saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

void
shelter_rates_page_set_session (ShelterRatesPage *self,
                                ShelterSession   *session)
{
  g_return_if_fail (SHELTER_IS_RATES_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  g_set_object (&self->session, session);
  shelter_rates_page_reload (self);
}

static void
shelter_rates_page_dispose (GObject *object)
{
  ShelterRatesPage *self = SHELTER_RATES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_RATES_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_rates_page_parent_class)->dispose (object);
}

static void
shelter_rates_page_finalize (GObject *object)
{
  ShelterRatesPage *self = SHELTER_RATES_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_rates_page_parent_class)->finalize (object);
}

static void
shelter_rates_page_class_init (ShelterRatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_rates_page_dispose;
  object_class->finalize = shelter_rates_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-rates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRatesPage, meals_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterRatesPage, kit_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterRatesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
shelter_rates_page_init (ShelterRatesPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
