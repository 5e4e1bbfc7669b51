/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-person-form"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-person-form.h"
#include "shelter-reference.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* An address as codes of a scheme, pointing into strings owned elsewhere. */
typedef struct
{
  const char *scheme;
  const char *province_code;
  const char *commune_code;
} Address;

/* The province and commune pickers of one address (the permanent residence or the
 * hometown), and what they cannot show. */
typedef struct
{
  AdwActionRow        *province_row;
  GtkDropDown         *province_drop_down;
  AdwActionRow        *commune_row;
  GtkDropDown         *commune_drop_down;
  GtkStringList       *commune_list;
  AdwActionRow        *legacy_row;
  GtkWidget           *legacy_clear_button;
  /* ShelterReferenceEntry of the province chosen, in the order of the list after its
   * first item. */
  GPtrArray           *communes;
  /* Whether the user changed this address: if not, the stored one is kept as it was. */
  gboolean             touched;
  /* An address the lists of today cannot show (the 63 provinces of older papers): kept as
   * it is, and described under the lists. */
  char                *kept_scheme;
  char                *kept_province_code;
  char                *kept_commune_code;
  /* The old address the one chosen was converted from, to say so. */
  char                *converted_from;
} ShelterAddressPicker;

struct _ShelterPersonForm
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* The person set (id, version, case code, and the values kept when their rows could not
   * show them); never NULL. */
  ShelterPerson       *base;
  /* ShelterReferenceEntry, in the order of their lists after the first item. */
  GPtrArray           *ethnic_groups;
  GPtrArray           *countries;
  GPtrArray           *provinces;
  /* Set while the rows are filled by the program: not the user's edits. */
  gboolean             filling;
  /* Whether the user changed the ethnicity or country rows: if not, the stored values are
   * kept as they were, even those the lists cannot show (an older scheme). */
  gboolean             ethnicity_touched;
  gboolean             country_touched;
  ShelterAddressPicker home;
  ShelterAddressPicker origin;
  /* The window that enters an address from old papers, while it is open. */
  GtkWindow           *legacy_window;

  /* Template widgets */
  GtkLabel            *error_label;
  AdwPreferencesGroup *name_group;
  AdwEntryRow         *family_name_row;
  AdwEntryRow         *middle_name_row;
  AdwEntryRow         *given_name_row;
  AdwEntryRow         *other_names_row;
  AdwComboRow         *sex_row;
  GtkStringList       *sex_list;
  AdwComboRow         *birth_precision_row;
  GtkStringList       *birth_precision_list;
  AdwEntryRow         *birth_row;
  AdwComboRow         *person_type_row;
  GtkStringList       *person_type_list;
  AdwActionRow        *ethnicity_row;
  GtkDropDown         *ethnicity_drop_down;
  GtkStringList       *ethnicity_list;
  AdwComboRow         *religion_row;
  GtkStringList       *religion_list;
  AdwEntryRow         *languages_row;
  AdwActionRow        *interpreter_row;
  GtkSwitch           *interpreter_switch;
  AdwComboRow         *nationality_row;
  GtkStringList       *nationality_list;
  AdwActionRow        *country_row;
  GtkDropDown         *country_drop_down;
  GtkStringList       *country_list;
  AdwComboRow         *id_paper_row;
  GtkStringList       *id_paper_list;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *phone_row;
  GtkStringList       *province_list;
  AdwEntryRow         *home_detail_row;
  AdwPreferencesGroup *protection_group;
  AdwActionRow        *high_protection_row;
  GtkSwitch           *high_protection_switch;
};

G_DEFINE_FINAL_TYPE (ShelterPersonForm, shelter_person_form, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_IDENTITY_CHANGED,
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Enumerations whose first item means "not chosen yet" (NULL); the others start at 0. */
#define SEX_OFFSET 1
#define PERSON_TYPE_OFFSET 1
#define RELIGION_OFFSET 1

static void shelter_person_form_edited (ShelterPersonForm *self,
                                        GtkWidget         *row,
                                        gboolean           identity);

/* Small helpers */

static char *
dup_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration,
                const char        *none_label)
{
  if (none_label != NULL)
    gtk_string_list_append (list, none_label);
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

static const char *
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= enumeration->n_values)
    return NULL;

  return enumeration->values[selected - offset].code;
}

static void
set_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset,
               const char        *code,
               const char        *fallback)
{
  for (int pass = 0; pass < 2; pass++)
    {
      const char *wanted = pass == 0 ? code : fallback;

      for (guint i = 0; wanted != NULL && i < enumeration->n_values; i++)
        if (g_str_equal (enumeration->values[i].code, wanted))
          {
            adw_combo_row_set_selected (row, i + offset);
            return;
          }
    }
  adw_combo_row_set_selected (row, 0);
}

static ShelterReferenceEntry *
find_entry (GPtrArray  *entries,
            const char *code,
            guint      *position)
{
  for (guint i = 0; entries != NULL && code != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->code, code) == 0)
        {
          if (position != NULL)
            *position = i;
          return entry;
        }
    }
  return NULL;
}

static const char *
entry_label (ShelterReferenceEntry *entry)
{
  if (entry->full_name != NULL)
    return entry->full_name;
  return entry->name != NULL ? entry->name : entry->code;
}

/* Searching without accents */

#define SEARCH_KEY "shelter-search-key"

/* What typing in an open list matches: the name as shown, the name without diacritics
 * ("thanh pho ha noi"), the same without spaces ("thanhphohanoi", for "hanoi") and
 * @extra folded (a country's English name). */
static char *
build_search_key (const char *label,
                  const char *extra)
{
  g_autofree char *folded = shelter_text_fold (label);
  g_autofree char *extra_folded = extra != NULL ? shelter_text_fold (extra) : NULL;
  g_autoptr(GString) compact = g_string_new (NULL);

  for (const char *p = folded; p != NULL && *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (compact, *p);

  return g_strjoin ("\n", label != NULL ? label : "", folded != NULL ? folded : "",
                    compact->str, extra_folded != NULL ? extra_folded : "", NULL);
}

static void
set_search_key (GtkStringList *list,
                guint          position,
                const char    *extra)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  if (item != NULL)
    g_object_set_data_full (G_OBJECT (item), SEARCH_KEY,
                            build_search_key (gtk_string_object_get_string (item), extra),
                            g_free);
}

static char *
search_key_cb (GtkStringObject *item,
               gpointer         user_data)
{
  const char *key;

  if (item == NULL)
    return NULL;
  key = g_object_get_data (G_OBJECT (item), SEARCH_KEY);
  if (key == NULL)
    {
      g_object_set_data_full (G_OBJECT (item), SEARCH_KEY,
                              build_search_key (gtk_string_object_get_string (item), NULL),
                              g_free);
      key = g_object_get_data (G_OBJECT (item), SEARCH_KEY);
    }
  return g_strdup (key);
}

static void
setup_button_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_button_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       item != NULL ? gtk_string_object_get_string (item) : "");
}

static void
setup_list_item_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "object-select-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (list_item, box);
}

static void
list_item_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gboolean selected = gtk_list_item_get_item (list_item) != NULL &&
                      gtk_drop_down_get_selected_item (drop_down) ==
                      gtk_list_item_get_item (list_item);

  gtk_widget_set_opacity (gtk_widget_get_last_child (box), selected ? 1.0 : 0.0);
}

static void
bind_list_item_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   GtkDropDown              *drop_down)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       item != NULL ? gtk_string_object_get_string (item) : "");
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (list_item_selected_cb),
                    list_item);
  list_item_selected_cb (drop_down, NULL, list_item);
}

static void
unbind_list_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     GtkDropDown              *drop_down)
{
  g_signal_handlers_disconnect_by_func (drop_down, list_item_selected_cb, list_item);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Makes typing in the open list of @drop_down (a GtkStringList) find "Hà Nội" from "ha noi",
 * "Đắk Lắk" from "dak lak" anywhere in the name, while the list shows the names only; and
 * names the button that opens it after @row, with @context ("Hometown") as its
 * description. */
static void
setup_drop_down (GtkDropDown  *drop_down,
                 AdwActionRow *row,
                 const char   *context)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *list_view;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (search_key_cb), NULL, NULL);
  gtk_drop_down_set_expression (drop_down, expression);

  /* The expression is for searching: the factories show the name alone. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_button_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_button_item_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_list_item_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_list_item_cb), drop_down);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_list_item_cb), drop_down);
  gtk_drop_down_set_list_factory (drop_down, list_factory);

  /* GTK 4.8 matches the search at the start of the text only (search-match-mode is 4.12):
   * the list in the pop-up is filtered by a GtkStringFilter that the drop-down keeps
   * feeding with what is typed, so it is swapped for one that matches anywhere. */
  list_view = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_LIST_VIEW);
  if (list_view != NULL)
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
      GListModel *filtered = GTK_IS_SINGLE_SELECTION (selection)
                             ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))
                             : NULL;

      if (GTK_IS_FILTER_LIST_MODEL (filtered))
        {
          g_autoptr(GtkStringFilter) filter =
            gtk_string_filter_new (gtk_expression_ref (expression));

          gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
          gtk_string_filter_set_ignore_case (filter, TRUE);
          gtk_filter_list_model_set_filter (GTK_FILTER_LIST_MODEL (filtered),
                                            GTK_FILTER (filter));
        }
    }

  _shelter_ui_name_drop_down_search (drop_down);

  /* GTK 4.8 leaves the button that opens a drop-down without a name: names it after the
   * row. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        if (context != NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, context, -1);
      }
}

/* Fills @list with "Not recorded" then the entries' names; takes @entries. @extra gives
 * each entry another text to be found by (or NULL). */
static void
fill_reference_list (GtkStringList  *list,
                     GPtrArray     **slot,
                     GPtrArray      *entries,
                     const char *  (*extra) (ShelterReferenceEntry *entry))
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = entries;

  g_ptr_array_add (names, (gpointer) C_("field value", "Not recorded"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (names, (gpointer) entry_label (g_ptr_array_index (entries, i)));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (list, 0, n_items, (const char * const *) names->pdata);

  for (guint i = 0; extra != NULL && entries != NULL && i < entries->len; i++)
    set_search_key (list, i + 1, extra (g_ptr_array_index (entries, i)));
}

/* A country is found by its English name too. */
static const char *
english_name (ShelterReferenceEntry *entry)
{
  return entry->name;
}

static ShelterReferenceEntry *
get_selected_entry (guint      selected,
                    GPtrArray *entries)
{
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || entries == NULL ||
      selected - 1 >= entries->len)
    return NULL;

  return g_ptr_array_index (entries, selected - 1);
}

static void
select_entry (GtkDropDown *drop_down,
              GPtrArray   *entries,
              const char  *code)
{
  guint position = 0;

  if (find_entry (entries, code, &position))
    gtk_drop_down_set_selected (drop_down, position + 1);
  else
    gtk_drop_down_set_selected (drop_down, 0);
}

static int
current_year (ShelterPersonForm *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);

  return g_date_time_get_year (now);
}

static gboolean
all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội" from the units of a conversion. */
static char *
describe_old_units (ShelterLegacyConversion *conversion)
{
  ShelterReferenceEntry *units[] = {
    conversion->old_commune, conversion->old_district, conversion->old_province,
  };
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (units[i] != NULL)
      g_ptr_array_add (parts, units[i]->full_name);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* Addresses */

static ShelterAddressPicker *
picker_for_widget (ShelterPersonForm *self,
                   GtkWidget         *widget)
{
  ShelterAddressPicker *pickers[] = { &self->home, &self->origin };

  for (guint i = 0; i < G_N_ELEMENTS (pickers); i++)
    if (widget == GTK_WIDGET (pickers[i]->province_drop_down) ||
        widget == GTK_WIDGET (pickers[i]->commune_drop_down) ||
        widget == GTK_WIDGET (pickers[i]->legacy_row) ||
        widget == pickers[i]->legacy_clear_button)
      return pickers[i];
  g_assert_not_reached ();
  return &self->home;
}

static Address
stored_address (ShelterPersonForm    *self,
                ShelterAddressPicker *picker)
{
  ShelterPerson *base = self->base;

  if (picker == &self->home)
    return (Address) { shelter_person_get_home_scheme (base),
                       shelter_person_get_home_province_code (base),
                       shelter_person_get_home_commune_code (base) };
  return (Address) { shelter_person_get_origin_scheme (base),
                     shelter_person_get_origin_province_code (base),
                     shelter_person_get_origin_commune_code (base) };
}

static void
address_picker_forget (ShelterAddressPicker *picker)
{
  g_clear_pointer (&picker->kept_scheme, g_free);
  g_clear_pointer (&picker->kept_province_code, g_free);
  g_clear_pointer (&picker->kept_commune_code, g_free);
  g_clear_pointer (&picker->converted_from, g_free);
}

static gboolean
address_picker_has_kept (ShelterAddressPicker *picker)
{
  return picker->kept_province_code != NULL || picker->kept_commune_code != NULL;
}

static void
address_picker_load_communes (ShelterPersonForm    *self,
                              ShelterAddressPicker *picker,
                              const char           *province_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *communes = NULL;

  if (province_code != NULL)
    {
      communes = shelter_reference_communes (shelter_session_get_db (self->session),
                                             SHELTER_ADDRESS_SCHEME, province_code, &error);
      if (communes == NULL)
        g_warning ("Cannot list the communes of %s: %s", province_code, error->message);
    }

  fill_reference_list (picker->commune_list, &picker->communes, communes, NULL);
  gtk_drop_down_set_selected (picker->commune_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (picker->commune_row), province_code != NULL);
}

/* Says under the lists what they cannot: the old address kept, or the one converted. */
static void
address_picker_update_legacy_row (ShelterPersonForm    *self,
                                  ShelterAddressPicker *picker)
{
  g_autofree char *subtitle = NULL;

  if (picker->converted_from != NULL)
    /* Translators: %s is an address of the 63 provinces, "Phường X, Quận Y, Tỉnh Z". */
    subtitle = g_strdup_printf (_("Converted from: %s"), picker->converted_from);
  else if (address_picker_has_kept (picker))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *described = NULL;

      described = shelter_reference_describe_address (shelter_session_get_db (self->session),
                                                      picker->kept_scheme,
                                                      picker->kept_province_code,
                                                      picker->kept_commune_code, &error);
      if (described == NULL)
        {
          g_warning ("Cannot describe an address: %s", error != NULL ? error->message : "");
          described = g_strdup (picker->kept_commune_code != NULL ? picker->kept_commune_code
                                                                  : picker->kept_province_code);
        }
      if (g_strcmp0 (picker->kept_scheme, SHELTER_LEGACY_ADDRESS_SCHEME) == 0)
        /* Translators: %s is an address of the 63 provinces, "Phường X, Quận Y, Tỉnh Z". */
        subtitle = g_strdup_printf (_("Kept as on the old papers, not converted: %s"),
                                    described);
      else
        subtitle = g_steal_pointer (&described);
    }
  else
    subtitle = g_strdup (_("For an address written before 1 July 2025"));

  adw_action_row_set_subtitle (picker->legacy_row, subtitle);
  gtk_widget_set_visible (picker->legacy_clear_button, address_picker_has_kept (picker));
}

/* Shows @address in the rows; what they cannot show is kept as it is. Call it while
 * filling. */
static void
address_picker_show (ShelterPersonForm    *self,
                     ShelterAddressPicker *picker,
                     Address               address)
{
  g_autofree char *scheme = g_strdup (address.scheme);
  g_autofree char *province_code = g_strdup (address.province_code);
  g_autofree char *commune_code = g_strdup (address.commune_code);
  guint position = 0;

  g_assert (self->filling);

  address_picker_forget (picker);
  if (g_strcmp0 (scheme, SHELTER_ADDRESS_SCHEME) == 0 &&
      find_entry (self->provinces, province_code, &position))
    {
      gtk_drop_down_set_selected (picker->province_drop_down, position + 1);
      address_picker_load_communes (self, picker, province_code);
      select_entry (picker->commune_drop_down, picker->communes, commune_code);
    }
  else
    {
      gtk_drop_down_set_selected (picker->province_drop_down, 0);
      address_picker_load_communes (self, picker, NULL);
      if (province_code != NULL || commune_code != NULL)
        {
          picker->kept_scheme = g_steal_pointer (&scheme);
          picker->kept_province_code = g_steal_pointer (&province_code);
          picker->kept_commune_code = g_steal_pointer (&commune_code);
        }
    }
  address_picker_update_legacy_row (self, picker);
}

/* The address as get_person() gives it; the strings belong to the form. */
static Address
address_picker_get (ShelterPersonForm    *self,
                    ShelterAddressPicker *picker)
{
  ShelterReferenceEntry *province;
  ShelterReferenceEntry *commune;

  if (!picker->touched)
    return stored_address (self, picker);
  if (address_picker_has_kept (picker))
    return (Address) { picker->kept_scheme, picker->kept_province_code,
                       picker->kept_commune_code };

  province = get_selected_entry (gtk_drop_down_get_selected (picker->province_drop_down),
                                 self->provinces);
  commune = get_selected_entry (gtk_drop_down_get_selected (picker->commune_drop_down),
                                picker->communes);
  if (province == NULL)
    return (Address) { NULL, NULL, NULL };
  return (Address) { SHELTER_ADDRESS_SCHEME, province->code,
                     commune != NULL ? commune->code : NULL };
}

/* The user gave @picker a new @address (and said where it came from, or NULL). */
static void
address_picker_set_by_user (ShelterPersonForm    *self,
                            ShelterAddressPicker *picker,
                            Address               address,
                            const char           *converted_from)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  address_picker_show (self, picker, address);
  picker->converted_from = g_strdup (converted_from);
  address_picker_update_legacy_row (self, picker);
  self->filling = filling;

  picker->touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (picker->commune_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (picker->legacy_row), FALSE);
  /* The province of residence is one of the things a similar-person search compares. */
  shelter_person_form_edited (self, GTK_WIDGET (picker->province_row), picker == &self->home);
}

/* Entering an address from old papers: a small window with the 63 provinces, their
 * districts and communes, that converts the commune chosen to today's. */

typedef struct
{
  ShelterPersonForm       *form;
  ShelterAddressPicker    *picker;
  GtkWidget               *window;
  GtkWidget               *use_button;
  AdwActionRow            *province_row;
  GtkDropDown             *province_drop_down;
  GtkStringList           *province_list;
  AdwActionRow            *district_row;
  GtkDropDown             *district_drop_down;
  GtkStringList           *district_list;
  AdwActionRow            *commune_row;
  GtkDropDown             *commune_drop_down;
  GtkStringList           *commune_list;
  GPtrArray               *provinces;
  GPtrArray               *districts;
  GPtrArray               *communes;
  AdwPreferencesGroup     *result_group;
  GtkListBox              *result_list;
  /* CHOOSE: a radio button per candidate, then the one that keeps the old address. */
  GPtrArray               *choices;
  ShelterLegacyConversion *conversion;
  gboolean                 filling;
} LegacyDialog;

/* The window goes before the form, or with it: the form forgets it. */
static void
legacy_window_destroy_cb (LegacyDialog *dialog,
                          GtkWidget    *window)
{
  if (dialog->form != NULL && dialog->form->legacy_window == GTK_WINDOW (window))
    dialog->form->legacy_window = NULL;
  dialog->form = NULL;
}

static void
legacy_dialog_free (LegacyDialog *dialog)
{
  g_clear_pointer (&dialog->provinces, g_ptr_array_unref);
  g_clear_pointer (&dialog->districts, g_ptr_array_unref);
  g_clear_pointer (&dialog->communes, g_ptr_array_unref);
  g_clear_pointer (&dialog->choices, g_ptr_array_unref);
  g_clear_pointer (&dialog->conversion, shelter_legacy_conversion_free);
  g_free (dialog);
}

static ShelterDb *
legacy_dialog_db (LegacyDialog *dialog)
{
  return shelter_session_get_db (dialog->form->session);
}

static void
legacy_dialog_update_use (LegacyDialog *dialog)
{
  gboolean ready = dialog->conversion != NULL;

  if (ready && dialog->conversion->kind == SHELTER_LEGACY_CONVERSION_CHOOSE)
    {
      ready = FALSE;
      for (guint i = 0; i < dialog->choices->len; i++)
        ready = ready || gtk_check_button_get_active (g_ptr_array_index (dialog->choices, i));
    }
  gtk_widget_set_sensitive (dialog->use_button, ready);
}

static void
choice_toggled_cb (LegacyDialog   *dialog,
                   GParamSpec     *pspec,
                   GtkCheckButton *check)
{
  legacy_dialog_update_use (dialog);
}

static GtkWidget *
legacy_dialog_add_result (LegacyDialog *dialog,
                          const char   *title,
                          const char   *subtitle,
                          gboolean      choice)
{
  GtkWidget *row = _shelter_ui_new_text_row (title, subtitle);

  if (choice)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      if (dialog->choices->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    g_ptr_array_index (dialog->choices, 0));
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (choice_toggled_cb),
                                dialog);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_ptr_array_add (dialog->choices, check);
    }
  gtk_list_box_append (dialog->result_list, row);
  return row;
}

/* Converts the commune chosen and shows what it is today. */
static void
legacy_dialog_show_result (LegacyDialog *dialog)
{
  ShelterReferenceEntry *commune = get_selected_entry (
    gtk_drop_down_get_selected (dialog->commune_drop_down), dialog->communes);
  g_autoptr(GError) error = NULL;
  ShelterLegacyConversion *conversion = NULL;

  g_clear_pointer (&dialog->conversion, shelter_legacy_conversion_free);
  g_ptr_array_set_size (dialog->choices, 0);
  _shelter_ui_clear_list_box (dialog->result_list);

  if (commune == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (dialog->result_group), FALSE);
      legacy_dialog_update_use (dialog);
      return;
    }

  if (!shelter_reference_convert_legacy_commune (legacy_dialog_db (dialog), commune->code,
                                                 &conversion, &error))
    {
      /* Without the table the address can still be kept as written. */
      g_warning ("Cannot convert the commune %s: %s", commune->code, error->message);
      conversion = g_new0 (ShelterLegacyConversion, 1);
      conversion->kind = SHELTER_LEGACY_CONVERSION_NONE;
    }
  dialog->conversion = conversion;

  switch (conversion->kind)
    {
    case SHELTER_LEGACY_CONVERSION_FULL:
      adw_preferences_group_set_description (dialog->result_group,
                                             _("The whole commune is now part of:"));
      legacy_dialog_add_result (dialog, conversion->commune->full_name,
                                conversion->province->full_name, FALSE);
      break;

    case SHELTER_LEGACY_CONVERSION_CHOOSE:
      adw_preferences_group_set_description (dialog->result_group,
                                             _("The commune was split. Ask the person which "
                                               "part they lived in and choose it."));
      for (guint i = 0; conversion->candidates != NULL && i < conversion->candidates->len; i++)
        {
          ShelterReferenceMapping *candidate = g_ptr_array_index (conversion->candidates, i);

          legacy_dialog_add_result (dialog, candidate->commune->full_name,
                                    candidate->province->full_name, TRUE);
        }
      legacy_dialog_add_result (dialog, _("Keep the Address as Written"),
                                _("Not converted: today's commune is not known."), TRUE);
      break;

    case SHELTER_LEGACY_CONVERSION_NONE:
    default:
      adw_preferences_group_set_description (dialog->result_group,
                                             _("No commune of today is known for it: the "
                                               "address is kept as written on the papers."));
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (dialog->result_list),
                          gtk_widget_get_first_child (GTK_WIDGET (dialog->result_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (dialog->result_group), TRUE);
  legacy_dialog_update_use (dialog);
}

static void
legacy_dialog_load_communes (LegacyDialog *dialog,
                             const char   *district_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *communes = NULL;

  if (district_code != NULL)
    {
      communes = shelter_reference_legacy_communes (legacy_dialog_db (dialog), district_code,
                                                    &error);
      if (communes == NULL)
        g_warning ("Cannot list the communes of %s: %s", district_code, error->message);
    }
  fill_reference_list (dialog->commune_list, &dialog->communes, communes, NULL);
  gtk_drop_down_set_selected (dialog->commune_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->commune_row), district_code != NULL);
}

static void
legacy_dialog_load_districts (LegacyDialog *dialog,
                              const char   *province_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *districts = NULL;

  if (province_code != NULL)
    {
      districts = shelter_reference_legacy_districts (legacy_dialog_db (dialog), province_code,
                                                      &error);
      if (districts == NULL)
        g_warning ("Cannot list the districts of %s: %s", province_code, error->message);
    }
  fill_reference_list (dialog->district_list, &dialog->districts, districts, NULL);
  gtk_drop_down_set_selected (dialog->district_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog->district_row), province_code != NULL);
  legacy_dialog_load_communes (dialog, NULL);
}

static void
legacy_province_changed_cb (LegacyDialog *dialog,
                            GParamSpec   *pspec,
                            GtkDropDown  *drop_down)
{
  ShelterReferenceEntry *province;

  if (dialog->filling)
    return;
  province = get_selected_entry (gtk_drop_down_get_selected (drop_down), dialog->provinces);
  dialog->filling = TRUE;
  legacy_dialog_load_districts (dialog, province != NULL ? province->code : NULL);
  dialog->filling = FALSE;
  legacy_dialog_show_result (dialog);
}

static void
legacy_district_changed_cb (LegacyDialog *dialog,
                            GParamSpec   *pspec,
                            GtkDropDown  *drop_down)
{
  ShelterReferenceEntry *district;

  if (dialog->filling)
    return;
  district = get_selected_entry (gtk_drop_down_get_selected (drop_down), dialog->districts);
  dialog->filling = TRUE;
  legacy_dialog_load_communes (dialog, district != NULL ? district->code : NULL);
  dialog->filling = FALSE;
  legacy_dialog_show_result (dialog);
}

static void
legacy_commune_changed_cb (LegacyDialog *dialog,
                           GParamSpec   *pspec,
                           GtkDropDown  *drop_down)
{
  if (!dialog->filling)
    legacy_dialog_show_result (dialog);
}

static void
legacy_use_clicked_cb (LegacyDialog *dialog,
                       GtkButton    *button)
{
  ShelterLegacyConversion *conversion = dialog->conversion;
  ShelterReferenceEntry *province = NULL;
  ShelterReferenceEntry *commune = NULL;
  ShelterReferenceEntry *old_province;
  ShelterReferenceEntry *old_commune;
  g_autofree char *converted_from = NULL;

  if (conversion == NULL || dialog->form == NULL)
    return;

  if (conversion->kind == SHELTER_LEGACY_CONVERSION_FULL)
    {
      province = conversion->province;
      commune = conversion->commune;
    }
  else if (conversion->kind == SHELTER_LEGACY_CONVERSION_CHOOSE)
    {
      gboolean chosen = FALSE;

      /* The last choice keeps the old address. */
      for (guint i = 0; i < dialog->choices->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (dialog->choices, i)))
          {
            chosen = TRUE;
            if (i < conversion->candidates->len)
              {
                ShelterReferenceMapping *candidate = g_ptr_array_index (conversion->candidates,
                                                                        i);

                province = candidate->province;
                commune = candidate->commune;
              }
          }
      if (!chosen)
        return;
    }

  if (commune != NULL)
    {
      converted_from = describe_old_units (conversion);
      address_picker_set_by_user (dialog->form, dialog->picker,
                                  (Address) { SHELTER_ADDRESS_SCHEME, province->code,
                                              commune->code },
                                  converted_from);
    }
  else
    {
      /* As written: the province of the lists, the commune chosen. */
      old_province = get_selected_entry (gtk_drop_down_get_selected (dialog->province_drop_down),
                                         dialog->provinces);
      old_commune = get_selected_entry (gtk_drop_down_get_selected (dialog->commune_drop_down),
                                        dialog->communes);
      address_picker_set_by_user (dialog->form, dialog->picker,
                                  (Address) { SHELTER_LEGACY_ADDRESS_SCHEME,
                                              old_province != NULL ? old_province->code : NULL,
                                              old_commune != NULL ? old_commune->code : NULL },
                                  NULL);
    }

  gtk_widget_grab_focus (GTK_WIDGET (dialog->picker->legacy_row));
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static GtkWidget *
legacy_dialog_add_picker (LegacyDialog         *dialog,
                          AdwPreferencesGroup  *group,
                          const char           *title,
                          GtkStringList       **list,
                          GtkDropDown         **drop_down,
                          GCallback             changed)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *list = gtk_string_list_new (NULL);
  /* The drop-down takes the list. */
  *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (*list), NULL));
  gtk_drop_down_set_enable_search (*drop_down, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (*drop_down), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*drop_down));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*drop_down));
  setup_drop_down (*drop_down, ADW_ACTION_ROW (row), NULL);
  g_signal_connect_swapped (*drop_down, "notify::selected", changed, dialog);
  adw_preferences_group_add (group, row);
  return row;
}

/* Shows the old address @picker keeps (or NULL) in the lists, converted. */
static void
legacy_dialog_select (LegacyDialog *dialog,
                      const char   *province_code,
                      const char   *commune_code)
{
  g_autoptr(ShelterLegacyConversion) conversion = NULL;
  const char *district_code = NULL;

  if (commune_code != NULL &&
      shelter_reference_convert_legacy_commune (legacy_dialog_db (dialog), commune_code,
                                                &conversion, NULL))
    {
      if (conversion->old_district != NULL)
        district_code = conversion->old_district->code;
      if (conversion->old_province != NULL)
        province_code = conversion->old_province->code;
    }

  dialog->filling = TRUE;
  select_entry (dialog->province_drop_down, dialog->provinces, province_code);
  legacy_dialog_load_districts (dialog, find_entry (dialog->provinces, province_code, NULL)
                                        ? province_code : NULL);
  select_entry (dialog->district_drop_down, dialog->districts, district_code);
  legacy_dialog_load_communes (dialog, find_entry (dialog->districts, district_code, NULL)
                                       ? district_code : NULL);
  select_entry (dialog->commune_drop_down, dialog->communes, commune_code);
  dialog->filling = FALSE;
  legacy_dialog_show_result (dialog);
}

static void
shelter_person_form_open_legacy_dialog (ShelterPersonForm    *self,
                                        ShelterAddressPicker *picker)
{
  LegacyDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *header_bar;
  GtkWidget *window_title;
  GtkWidget *cancel_button;
  GtkWidget *label;
  GtkWidget *box;
  GtkWidget *content;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkEventController *shortcuts;
  AdwPreferencesGroup *group;
  g_autoptr(GError) error = NULL;
  GPtrArray *provinces;

  if (self->legacy_window != NULL)
    {
      gtk_window_present (self->legacy_window);
      return;
    }

  dialog = g_new0 (LegacyDialog, 1);
  dialog->form = self;
  dialog->picker = picker;
  dialog->choices = g_ptr_array_new ();
  dialog->window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (dialog->window), "shelter-legacy-dialog", dialog,
                          (GDestroyNotify) legacy_dialog_free);
  g_signal_connect_swapped (dialog->window, "destroy", G_CALLBACK (legacy_window_destroy_cb),
                            dialog);
  self->legacy_window = GTK_WINDOW (dialog->window);

  gtk_window_set_title (GTK_WINDOW (dialog->window), _("Address From Old Papers"));
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 520, 620);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog->window), GTK_WINDOW (root));

  /* Escape closes it, like every dialog of the application. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog->window, shortcuts);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (dialog->window), content);

  header_bar = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  window_title = adw_window_title_new (_("Address From Old Papers"),
                                       picker == &self->home ? _("Permanent Residence")
                                                             : _("Hometown"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), window_title);

  cancel_button = gtk_button_new ();
  label = g_object_new (GTK_TYPE_LABEL, "label", _("_Cancel"), "use-underline", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  gtk_button_set_child (GTK_BUTTON (cancel_button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), cancel_button);

  dialog->use_button = gtk_button_new ();
  label = g_object_new (GTK_TYPE_LABEL, "label", _("_Use Address"), "use-underline", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_button_set_child (GTK_BUTTON (dialog->use_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->use_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use Address"), -1);
  gtk_widget_add_css_class (dialog->use_button, "suggested-action");
  g_signal_connect_swapped (dialog->use_button, "clicked", G_CALLBACK (legacy_use_clicked_cb),
                            dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), dialog->use_button);
  gtk_box_append (GTK_BOX (content), header_bar);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("As Written on the Papers (63 Provinces)"));
  adw_preferences_group_set_description (group, _("Open a list and type to search it."));
  dialog->province_row = ADW_ACTION_ROW (
    legacy_dialog_add_picker (dialog, group, _("Province"), &dialog->province_list,
                              &dialog->province_drop_down,
                              G_CALLBACK (legacy_province_changed_cb)));
  dialog->district_row = ADW_ACTION_ROW (
    legacy_dialog_add_picker (dialog, group, _("District"), &dialog->district_list,
                              &dialog->district_drop_down,
                              G_CALLBACK (legacy_district_changed_cb)));
  dialog->commune_row = ADW_ACTION_ROW (
    legacy_dialog_add_picker (dialog, group, _("Commune"), &dialog->commune_list,
                              &dialog->commune_drop_down,
                              G_CALLBACK (legacy_commune_changed_cb)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));

  dialog->result_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (dialog->result_group, _("Address Today"));
  dialog->result_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (dialog->result_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->result_list), "boxed-list");
  adw_preferences_group_add (dialog->result_group, GTK_WIDGET (dialog->result_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->result_group));

  provinces = shelter_reference_provinces (legacy_dialog_db (dialog),
                                           SHELTER_LEGACY_ADDRESS_SCHEME, &error);
  if (provinces == NULL)
    g_warning ("Cannot list the provinces of the old papers: %s", error->message);
  dialog->filling = TRUE;
  fill_reference_list (dialog->province_list, &dialog->provinces, provinces, NULL);
  dialog->filling = FALSE;

  if (g_strcmp0 (picker->kept_scheme, SHELTER_LEGACY_ADDRESS_SCHEME) == 0)
    legacy_dialog_select (dialog, picker->kept_province_code, picker->kept_commune_code);
  else
    legacy_dialog_select (dialog, NULL, NULL);

  gtk_window_present (GTK_WINDOW (dialog->window));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->province_drop_down));
}

/* The rows */

static void
shelter_person_form_update_full_name (ShelterPersonForm *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_new ();
  g_autofree char *family = dup_text (self->family_name_row);
  g_autofree char *middle = dup_text (self->middle_name_row);
  g_autofree char *given = dup_text (self->given_name_row);
  g_autofree char *full_name = NULL;
  g_autofree char *description = NULL;

  shelter_person_set_family_name (person, family);
  shelter_person_set_middle_name (person, middle);
  shelter_person_set_given_name (person, given);
  full_name = shelter_person_dup_full_name (person);

  if (full_name != NULL && *full_name != '\0')
    /* Translators: the name as it will be written, family name first. */
    description = g_strdup_printf (_("Full name: %s"), full_name);
  adw_preferences_group_set_description (self->name_group, description);
}

static void
shelter_person_form_update_birth_row (ShelterPersonForm *self)
{
  const char *precision = get_enum_code (self->birth_precision_row,
                                         &shelter_enum_birth_precision, 0);
  const char *title;

  if (g_strcmp0 (precision, "year") == 0)
    title = _("Year of Birth (yyyy)");
  else if (g_strcmp0 (precision, "estimated") == 0)
    title = _("Estimated Age in Years");
  else
    title = _("Date of Birth (dd/mm/yyyy)");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birth_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_row), g_strcmp0 (precision, "unknown") != 0);
}

static void
shelter_person_form_update_country_row (ShelterPersonForm *self)
{
  const char *status = get_enum_code (self->nationality_row,
                                      &shelter_enum_nationality_status, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row),
                            g_strcmp0 (status, "foreigner") == 0);
}

static void
shelter_person_form_edited (ShelterPersonForm *self,
                            GtkWidget         *row,
                            gboolean           identity)
{
  if (self->filling)
    return;

  /* Changing a field marked wrong is correcting it. */
  if (row != NULL)
    _shelter_ui_set_error (row, FALSE);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  if (identity)
    g_signal_emit (self, signals[SIGNAL_IDENTITY_CHANGED], 0);
}

static void
identity_changed_cb (ShelterPersonForm *self,
                     GtkEditable       *editable)
{
  if (editable != GTK_EDITABLE (self->birth_row))
    shelter_person_form_update_full_name (self);
  shelter_person_form_edited (self, GTK_WIDGET (editable), TRUE);
}

static void
entry_changed_cb (ShelterPersonForm *self,
                  GtkEditable       *editable)
{
  shelter_person_form_edited (self, GTK_WIDGET (editable), FALSE);
}

static void
entry_activated_cb (ShelterPersonForm *self,
                    AdwEntryRow       *row)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
combo_changed_cb (ShelterPersonForm *self,
                  GParamSpec        *pspec,
                  AdwComboRow       *row)
{
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
birth_precision_changed_cb (ShelterPersonForm *self,
                            GParamSpec        *pspec,
                            AdwComboRow       *row)
{
  shelter_person_form_update_birth_row (self);
  _shelter_ui_set_error (GTK_WIDGET (self->birth_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (row), TRUE);
}

static void
ethnicity_changed_cb (ShelterPersonForm *self,
                      GParamSpec        *pspec,
                      GtkDropDown       *drop_down)
{
  if (!self->filling)
    self->ethnicity_touched = TRUE;
  shelter_person_form_edited (self, GTK_WIDGET (self->ethnicity_row), FALSE);
}

static void
nationality_changed_cb (ShelterPersonForm *self,
                        GParamSpec        *pspec,
                        AdwComboRow       *row)
{
  shelter_person_form_update_country_row (self);
  if (!self->filling)
    self->country_touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->country_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
country_changed_cb (ShelterPersonForm *self,
                    GParamSpec        *pspec,
                    GtkDropDown       *drop_down)
{
  if (!self->filling)
    self->country_touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->nationality_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (self->country_row), FALSE);
}

static void
province_changed_cb (ShelterPersonForm *self,
                     GParamSpec        *pspec,
                     GtkDropDown       *drop_down)
{
  ShelterAddressPicker *picker;
  ShelterReferenceEntry *province;

  if (self->filling)
    return;

  picker = picker_for_widget (self, GTK_WIDGET (drop_down));
  province = get_selected_entry (gtk_drop_down_get_selected (drop_down), self->provinces);
  picker->touched = TRUE;

  /* The communes of another province: the one chosen before is no longer one of them; and
   * an old address kept or converted is replaced. */
  self->filling = TRUE;
  address_picker_forget (picker);
  address_picker_load_communes (self, picker, province != NULL ? province->code : NULL);
  address_picker_update_legacy_row (self, picker);
  self->filling = FALSE;

  _shelter_ui_set_error (GTK_WIDGET (picker->commune_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (picker->legacy_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (picker->province_row), picker == &self->home);
}

static void
commune_changed_cb (ShelterPersonForm *self,
                    GParamSpec        *pspec,
                    GtkDropDown       *drop_down)
{
  ShelterAddressPicker *picker;

  if (self->filling)
    return;

  picker = picker_for_widget (self, GTK_WIDGET (drop_down));
  picker->touched = TRUE;
  if (picker->converted_from != NULL)
    {
      g_clear_pointer (&picker->converted_from, g_free);
      address_picker_update_legacy_row (self, picker);
    }
  _shelter_ui_set_error (GTK_WIDGET (picker->province_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (picker->commune_row), FALSE);
}

static void
legacy_row_activated_cb (ShelterPersonForm *self,
                         AdwActionRow      *row)
{
  shelter_person_form_open_legacy_dialog (self, picker_for_widget (self, GTK_WIDGET (row)));
}

static void
legacy_clear_clicked_cb (ShelterPersonForm *self,
                         GtkButton         *button)
{
  ShelterAddressPicker *picker = picker_for_widget (self, GTK_WIDGET (button));

  /* The focus goes to the row before the button hides. */
  gtk_widget_grab_focus (GTK_WIDGET (picker->province_row));
  address_picker_set_by_user (self, picker, (Address) { NULL, NULL, NULL }, NULL);
}

static void
same_as_home_clicked_cb (ShelterPersonForm *self,
                         GtkButton         *button)
{
  Address home = address_picker_get (self, &self->home);

  /* address_picker_show() copies the strings before it forgets the hometown's. */
  address_picker_set_by_user (self, &self->origin, home, self->home.converted_from);
  _shelter_ui_set_error (GTK_WIDGET (self->origin.province_row), FALSE);
}

static void
switch_changed_cb (ShelterPersonForm *self,
                   GParamSpec        *pspec,
                   GtkSwitch         *widget)
{
  shelter_person_form_edited (self, gtk_widget_get_ancestor (GTK_WIDGET (widget),
                                                             ADW_TYPE_ACTION_ROW), FALSE);
}

/* Filling and reading */

static void
shelter_person_form_load_lists (ShelterPersonForm *self)
{
  ShelterDb *db = shelter_session_get_db (self->session);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  fill_enum_list (self->sex_list, &shelter_enum_sex, C_("field value", "Not chosen"));
  fill_enum_list (self->birth_precision_list, &shelter_enum_birth_precision, NULL);
  fill_enum_list (self->person_type_list, &shelter_enum_person_type,
                  C_("field value", "Not chosen"));
  fill_enum_list (self->religion_list, &shelter_enum_religion,
                  C_("field value", "Not recorded"));
  fill_enum_list (self->nationality_list, &shelter_enum_nationality_status, NULL);
  fill_enum_list (self->id_paper_list, &shelter_enum_id_paper, NULL);

  /* Without a list the form still works: the person is saved without that field. */
  entries = shelter_reference_ethnic_groups (db, &error);
  if (entries == NULL)
    g_warning ("Cannot list the ethnic groups: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->ethnicity_list, &self->ethnic_groups, entries, NULL);

  entries = shelter_reference_countries (db, &error);
  if (entries == NULL)
    g_warning ("Cannot list the countries: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->country_list, &self->countries, entries, english_name);
  /* Vietnam is not a foreigner's country. */
  gtk_string_list_splice (self->country_list, 0, 1,
                          (const char * const[]) { C_("field value", "Not chosen"), NULL });

  entries = shelter_reference_provinces (db, SHELTER_ADDRESS_SCHEME, &error);
  if (entries == NULL)
    g_warning ("Cannot list the provinces: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->province_list, &self->provinces, entries, NULL);
}

static char *
format_birth (ShelterPersonForm *self,
              ShelterPerson     *person)
{
  const char *birth = shelter_person_get_birth_date (person);
  const char *precision = shelter_person_get_birth_precision (person);

  if (birth == NULL)
    return NULL;

  if (g_strcmp0 (precision, "estimated") == 0 && strlen (birth) == 4 && all_digits (birth))
    return g_strdup_printf ("%d", current_year (self) - atoi (birth));

  return shelter_text_format_date (birth);
}

void
shelter_person_form_set_person (ShelterPersonForm *self,
                                ShelterPerson     *person)
{
  g_autofree char *birth = NULL;
  const char *precision;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));
  g_return_if_fail (person == NULL || SHELTER_IS_PERSON (person));

  g_clear_object (&self->base);
  self->base = person != NULL ? g_object_ref (person) : shelter_person_new ();
  person = self->base;

  self->filling = TRUE;
  self->ethnicity_touched = FALSE;
  self->country_touched = FALSE;
  self->home.touched = FALSE;
  self->origin.touched = FALSE;

  set_text (self->family_name_row, shelter_person_get_family_name (person));
  set_text (self->middle_name_row, shelter_person_get_middle_name (person));
  set_text (self->given_name_row, shelter_person_get_given_name (person));
  set_text (self->other_names_row, shelter_person_get_other_names (person));
  set_enum_code (self->sex_row, &shelter_enum_sex, SEX_OFFSET,
                 shelter_person_get_sex (person), NULL);

  precision = shelter_person_get_birth_precision (person);
  if (precision == NULL && shelter_person_get_birth_date (person) != NULL)
    precision = strlen (shelter_person_get_birth_date (person)) == 4 ? "year" : "day";
  /* A new person: most come with a date of birth, from a paper or from themselves. */
  if (shelter_person_get_id (person) <= 0 && shelter_person_get_birth_date (person) == NULL)
    precision = "day";
  set_enum_code (self->birth_precision_row, &shelter_enum_birth_precision, 0, precision, "day");
  birth = format_birth (self, person);
  set_text (self->birth_row, birth);

  set_enum_code (self->person_type_row, &shelter_enum_person_type, PERSON_TYPE_OFFSET,
                 shelter_person_get_person_type (person), NULL);

  if (g_strcmp0 (shelter_person_get_ethnicity_scheme (person), SHELTER_ETHNICITY_SCHEME) == 0)
    select_entry (self->ethnicity_drop_down, self->ethnic_groups,
                  shelter_person_get_ethnicity_code (person));
  else
    gtk_drop_down_set_selected (self->ethnicity_drop_down, 0);
  set_enum_code (self->religion_row, &shelter_enum_religion, RELIGION_OFFSET,
                 shelter_person_get_religion (person), NULL);

  set_text (self->languages_row, shelter_person_get_languages (person));
  gtk_switch_set_active (self->interpreter_switch,
                         shelter_person_get_interpreter_needed (person));

  set_enum_code (self->nationality_row, &shelter_enum_nationality_status, 0,
                 shelter_person_get_nationality_status (person), "citizen");
  select_entry (self->country_drop_down, self->countries, shelter_person_get_nationality (person));

  set_enum_code (self->id_paper_row, &shelter_enum_id_paper, 0,
                 shelter_person_get_id_paper (person), "none");
  set_text (self->id_number_row, shelter_person_get_id_number (person));
  set_text (self->phone_row, shelter_person_get_phone (person));

  address_picker_show (self, &self->home, stored_address (self, &self->home));
  set_text (self->home_detail_row, shelter_person_get_home_detail (person));
  address_picker_show (self, &self->origin, stored_address (self, &self->origin));

  gtk_switch_set_active (self->high_protection_switch,
                         shelter_person_get_high_protection (person));

  shelter_person_form_update_full_name (self);
  shelter_person_form_update_birth_row (self);
  shelter_person_form_update_country_row (self);
  shelter_person_form_show_error (self, NULL);

  self->filling = FALSE;
}

static void
shelter_person_form_read_birth (ShelterPersonForm *self,
                                ShelterPerson     *person)
{
  const char *precision = get_enum_code (self->birth_precision_row,
                                         &shelter_enum_birth_precision, 0);
  g_autofree char *text = dup_text (self->birth_row);
  g_autofree char *birth = NULL;

  shelter_person_set_birth_precision (person, precision);

  if (g_strcmp0 (precision, "unknown") == 0 || text == NULL)
    return;

  if (g_strcmp0 (precision, "day") == 0)
    {
      GDate date;

      /* What is no date goes to app/ as typed, which names the field. */
      if (shelter_text_parse_date (text, &date))
        birth = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));
    }
  else if (g_strcmp0 (precision, "estimated") == 0 && all_digits (text) && strlen (text) <= 3)
    /* An age: the year it gives, stored as estimated. */
    birth = g_strdup_printf ("%04d", current_year (self) - atoi (text));

  shelter_person_set_birth_date (person, birth != NULL ? birth : text);
}

ShelterPerson *
shelter_person_form_get_person (ShelterPersonForm *self)
{
  ShelterPerson *person;
  ShelterPerson *base;
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autofree char *other_names = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *home_detail = NULL;
  const char *status;
  Address address;

  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), NULL);

  base = self->base;
  person = shelter_person_new ();
  shelter_person_set_id (person, shelter_person_get_id (base));
  shelter_person_set_version (person, shelter_person_get_version (base));
  shelter_person_set_case_code (person, shelter_person_get_case_code (base));

  family = dup_text (self->family_name_row);
  middle = dup_text (self->middle_name_row);
  given = dup_text (self->given_name_row);
  other_names = dup_text (self->other_names_row);
  shelter_person_set_family_name (person, family);
  shelter_person_set_middle_name (person, middle);
  shelter_person_set_given_name (person, given);
  shelter_person_set_other_names (person, other_names);
  shelter_person_set_sex (person, get_enum_code (self->sex_row, &shelter_enum_sex, SEX_OFFSET));
  shelter_person_form_read_birth (self, person);
  shelter_person_set_person_type (person, get_enum_code (self->person_type_row,
                                                         &shelter_enum_person_type,
                                                         PERSON_TYPE_OFFSET));

  if (self->ethnicity_touched)
    {
      ShelterReferenceEntry *group =
        get_selected_entry (gtk_drop_down_get_selected (self->ethnicity_drop_down),
                            self->ethnic_groups);

      shelter_person_set_ethnicity_scheme (person, group != NULL ? SHELTER_ETHNICITY_SCHEME : NULL);
      shelter_person_set_ethnicity_code (person, group != NULL ? group->code : NULL);
    }
  else
    {
      shelter_person_set_ethnicity_scheme (person, shelter_person_get_ethnicity_scheme (base));
      shelter_person_set_ethnicity_code (person, shelter_person_get_ethnicity_code (base));
    }
  shelter_person_set_religion (person, get_enum_code (self->religion_row, &shelter_enum_religion,
                                                      RELIGION_OFFSET));

  languages = dup_text (self->languages_row);
  shelter_person_set_languages (person, languages);
  shelter_person_set_interpreter_needed (person,
                                         gtk_switch_get_active (self->interpreter_switch));

  status = get_enum_code (self->nationality_row, &shelter_enum_nationality_status, 0);
  shelter_person_set_nationality_status (person, status);
  if (g_strcmp0 (status, "foreigner") == 0)
    {
      ShelterReferenceEntry *country =
        get_selected_entry (gtk_drop_down_get_selected (self->country_drop_down),
                            self->countries);

      if (self->country_touched || country != NULL)
        shelter_person_set_nationality (person, country != NULL ? country->code : NULL);
      else
        shelter_person_set_nationality (person, shelter_person_get_nationality (base));
    }
  else if (g_strcmp0 (status, "citizen") == 0)
    shelter_person_set_nationality (person, "VN");

  shelter_person_set_id_paper (person, get_enum_code (self->id_paper_row,
                                                      &shelter_enum_id_paper, 0));
  id_number = dup_text (self->id_number_row);
  shelter_person_set_id_number (person, id_number);
  phone = dup_text (self->phone_row);
  shelter_person_set_phone (person, phone);

  address = address_picker_get (self, &self->home);
  shelter_person_set_home_scheme (person, address.scheme);
  shelter_person_set_home_province_code (person, address.province_code);
  shelter_person_set_home_commune_code (person, address.commune_code);
  home_detail = dup_text (self->home_detail_row);
  shelter_person_set_home_detail (person, home_detail);

  address = address_picker_get (self, &self->origin);
  shelter_person_set_origin_scheme (person, address.scheme);
  shelter_person_set_origin_province_code (person, address.province_code);
  shelter_person_set_origin_commune_code (person, address.commune_code);

  /* Only those who may see it can change it; the others keep what is stored. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->protection_group)))
    shelter_person_set_high_protection (person,
                                        gtk_switch_get_active (self->high_protection_switch));
  else
    shelter_person_set_high_protection (person, shelter_person_get_high_protection (base));

  return person;
}

void
shelter_person_form_set_base_version (ShelterPersonForm *self,
                                      gint64             version)
{
  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  shelter_person_set_version (self->base, version);
}

/* Errors */

/* app/ names the codes of the residence and its street with the same field: the street is
 * at fault when the person is still refused for it without the codes. */
static GtkWidget *
home_address_row (ShelterPersonForm *self)
{
  g_autoptr(ShelterPerson) probe = shelter_person_form_get_person (self);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GError) error = NULL;

  shelter_person_set_home_scheme (probe, NULL);
  shelter_person_set_home_province_code (probe, NULL);
  shelter_person_set_home_commune_code (probe, NULL);
  if (!shelter_person_validate (probe, now, &error) &&
      g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOME_ADDRESS))
    return GTK_WIDGET (self->home_detail_row);
  return GTK_WIDGET (self->home.province_row);
}

static GtkWidget *
shelter_person_form_get_row (ShelterPersonForm *self,
                             int                field)
{
  switch (field)
    {
    case SHELTER_FIELD_FAMILY_NAME:
      return GTK_WIDGET (self->family_name_row);
    case SHELTER_FIELD_MIDDLE_NAME:
      return GTK_WIDGET (self->middle_name_row);
    case SHELTER_FIELD_GIVEN_NAME:
      return GTK_WIDGET (self->given_name_row);
    case SHELTER_FIELD_OTHER_NAMES:
      return GTK_WIDGET (self->other_names_row);
    case SHELTER_FIELD_SEX:
      return GTK_WIDGET (self->sex_row);
    case SHELTER_FIELD_BIRTH_DATE:
      return gtk_widget_get_visible (GTK_WIDGET (self->birth_row))
             ? GTK_WIDGET (self->birth_row) : GTK_WIDGET (self->birth_precision_row);
    case SHELTER_FIELD_ETHNICITY:
      return GTK_WIDGET (self->ethnicity_row);
    case SHELTER_FIELD_RELIGION:
      return GTK_WIDGET (self->religion_row);
    case SHELTER_FIELD_LANGUAGES:
      return GTK_WIDGET (self->languages_row);
    case SHELTER_FIELD_NATIONALITY:
      return gtk_widget_get_sensitive (GTK_WIDGET (self->country_row))
             ? GTK_WIDGET (self->country_row) : GTK_WIDGET (self->nationality_row);
    case SHELTER_FIELD_ID_PAPER:
      return GTK_WIDGET (self->id_paper_row);
    case SHELTER_FIELD_ID_NUMBER:
      return GTK_WIDGET (self->id_number_row);
    case SHELTER_FIELD_PHONE:
      return GTK_WIDGET (self->phone_row);
    case SHELTER_FIELD_HOME_ADDRESS:
      return home_address_row (self);
    case SHELTER_FIELD_ORIGIN_ADDRESS:
      return GTK_WIDGET (self->origin.province_row);
    case SHELTER_FIELD_PERSON_TYPE:
      return GTK_WIDGET (self->person_type_row);
    default:
      return NULL;
    }
}

gboolean
shelter_person_form_has_field (ShelterPersonForm *self,
                               int                field)
{
  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), FALSE);

  switch (field)
    {
    /* Without asking which row: that needs the person validated. */
    case SHELTER_FIELD_HOME_ADDRESS:
      return TRUE;
    default:
      return shelter_person_form_get_row (self, field) != NULL;
    }
}

void
shelter_person_form_show_error (ShelterPersonForm *self,
                                const GError      *error)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->family_name_row), GTK_WIDGET (self->middle_name_row),
    GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->other_names_row),
    GTK_WIDGET (self->sex_row), GTK_WIDGET (self->birth_precision_row),
    GTK_WIDGET (self->birth_row), GTK_WIDGET (self->person_type_row),
    GTK_WIDGET (self->ethnicity_row), GTK_WIDGET (self->religion_row),
    GTK_WIDGET (self->languages_row), GTK_WIDGET (self->interpreter_row),
    GTK_WIDGET (self->nationality_row), GTK_WIDGET (self->country_row),
    GTK_WIDGET (self->id_paper_row), GTK_WIDGET (self->id_number_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->home.province_row),
    GTK_WIDGET (self->home.commune_row), GTK_WIDGET (self->home_detail_row),
    GTK_WIDGET (self->home.legacy_row), GTK_WIDGET (self->origin.province_row),
    GTK_WIDGET (self->origin.commune_row), GTK_WIDGET (self->origin.legacy_row),
    GTK_WIDGET (self->high_protection_row),
  };
  GtkWidget *row = NULL;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);

  _shelter_ui_show_message (self->error_label, error != NULL ? error->message : NULL);
  if (error == NULL)
    return;

  if (error->domain == SHELTER_FIELD_ERROR)
    row = shelter_person_form_get_row (self, error->code);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_widget_grab_focus (row);
    }
}

/* Differences */

static char *
describe_reference (GPtrArray  *entries,
                    const char *code)
{
  ShelterReferenceEntry *entry = find_entry (entries, code, NULL);

  if (code == NULL)
    return NULL;
  return g_strdup (entry != NULL ? entry_label (entry) : code);
}

static char *
describe_address (ShelterPersonForm *self,
                  const char        *scheme,
                  const char        *province_code,
                  const char        *commune_code)
{
  return shelter_reference_describe_address (shelter_session_get_db (self->session), scheme,
                                             province_code, commune_code, NULL);
}

/* "vn-63 01 00016": an address as compared, whatever its scheme. */
static char *
address_key (const char *scheme,
             const char *province_code,
             const char *commune_code)
{
  if (province_code == NULL && commune_code == NULL)
    return NULL;
  return g_strdup_printf ("%s %s %s", scheme != NULL ? scheme : "",
                          province_code != NULL ? province_code : "",
                          commune_code != NULL ? commune_code : "");
}

static void
add_difference (GPtrArray  *differences,
                AdwEntryRow *title_row,
                const char *title,
                const char *mine,
                const char *theirs,
                const char *shown)
{
  if (g_strcmp0 (mine, theirs) == 0)
    return;

  if (title_row != NULL)
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row));
  g_ptr_array_add (differences, g_strdup (title));
  g_ptr_array_add (differences, g_strdup (shown != NULL ? shown : C_("field value",
                                                                    "Not recorded")));
}

GPtrArray *
shelter_person_form_describe_differences (ShelterPersonForm *self,
                                          ShelterPerson     *other)
{
  g_autoptr(ShelterPerson) mine = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *ethnicity = NULL;
  g_autofree char *country = NULL;
  g_autofree char *province = NULL;
  g_autofree char *commune = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *my_key = NULL;
  g_autofree char *their_key = NULL;
  GPtrArray *differences;
  const char *code;

  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (other), NULL);

  differences = g_ptr_array_new_with_free_func (g_free);
  mine = shelter_person_form_get_person (self);
  /* Compared as stored: the form's text cleaned as app/ would clean it. */
  now = shelter_session_now (self->session);
  shelter_person_validate (mine, now, NULL);

#define SAME_TEXT(getter, row) \
  add_difference (differences, row, NULL, getter (mine), getter (other), getter (other))

  SAME_TEXT (shelter_person_get_family_name, self->family_name_row);
  SAME_TEXT (shelter_person_get_middle_name, self->middle_name_row);
  SAME_TEXT (shelter_person_get_given_name, self->given_name_row);
  SAME_TEXT (shelter_person_get_other_names, self->other_names_row);
  code = shelter_person_get_sex (other);
  add_difference (differences, NULL, _("Sex"), shelter_person_get_sex (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_sex, code) : NULL);
  birth = shelter_text_format_date (shelter_person_get_birth_date (other));
  if (birth != NULL && g_strcmp0 (shelter_person_get_birth_precision (other), "estimated") == 0)
    {
      /* Translators: a year of birth that was estimated from the person's age. */
      char *estimated = g_strdup_printf (_("%s (estimated)"), birth);
      g_free (birth);
      birth = estimated;
    }
  add_difference (differences, NULL, _("Date of Birth"),
                  shelter_person_get_birth_date (mine), shelter_person_get_birth_date (other),
                  birth);
  code = shelter_person_get_person_type (other);
  add_difference (differences, NULL, _("Person Type"), shelter_person_get_person_type (mine),
                  code, code != NULL ? shelter_enum_label (&shelter_enum_person_type, code) : NULL);
  ethnicity = describe_reference (self->ethnic_groups, shelter_person_get_ethnicity_code (other));
  add_difference (differences, NULL, _("Ethnicity"), shelter_person_get_ethnicity_code (mine),
                  shelter_person_get_ethnicity_code (other), ethnicity);
  code = shelter_person_get_religion (other);
  add_difference (differences, NULL, _("Religion"), shelter_person_get_religion (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_religion, code) : NULL);
  SAME_TEXT (shelter_person_get_languages, self->languages_row);
  if (shelter_person_get_interpreter_needed (mine) !=
      shelter_person_get_interpreter_needed (other))
    add_difference (differences, NULL, _("Needs an Interpreter"), "mine", "theirs",
                    shelter_person_get_interpreter_needed (other) ? C_("field value", "Yes")
                                                                  : C_("field value", "No"));
  code = shelter_person_get_nationality_status (other);
  add_difference (differences, NULL, _("Nationality"),
                  shelter_person_get_nationality_status (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_nationality_status, code)
                               : NULL);
  country = describe_reference (self->countries, shelter_person_get_nationality (other));
  add_difference (differences, NULL, _("Country"), shelter_person_get_nationality (mine),
                  shelter_person_get_nationality (other), country);
  code = shelter_person_get_id_paper (other);
  add_difference (differences, NULL, _("ID Paper"), shelter_person_get_id_paper (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_id_paper, code) : NULL);
  SAME_TEXT (shelter_person_get_id_number, self->id_number_row);
  SAME_TEXT (shelter_person_get_phone, self->phone_row);

  /* Codes are compared with their scheme: 00004 is another ward in each. */
  my_key = address_key (shelter_person_get_home_scheme (mine),
                        shelter_person_get_home_province_code (mine), NULL);
  their_key = address_key (shelter_person_get_home_scheme (other),
                           shelter_person_get_home_province_code (other), NULL);
  province = describe_address (self, shelter_person_get_home_scheme (other),
                               shelter_person_get_home_province_code (other), NULL);
  add_difference (differences, NULL, _("Province"), my_key, their_key, province);
  g_free (my_key);
  g_free (their_key);
  my_key = address_key (shelter_person_get_home_scheme (mine), NULL,
                        shelter_person_get_home_commune_code (mine));
  their_key = address_key (shelter_person_get_home_scheme (other), NULL,
                           shelter_person_get_home_commune_code (other));
  commune = describe_address (self, shelter_person_get_home_scheme (other), NULL,
                              shelter_person_get_home_commune_code (other));
  add_difference (differences, NULL, _("Commune"), my_key, their_key, commune);
  SAME_TEXT (shelter_person_get_home_detail, self->home_detail_row);
  g_free (my_key);
  g_free (their_key);
  my_key = address_key (shelter_person_get_origin_scheme (mine),
                        shelter_person_get_origin_province_code (mine),
                        shelter_person_get_origin_commune_code (mine));
  their_key = address_key (shelter_person_get_origin_scheme (other),
                           shelter_person_get_origin_province_code (other),
                           shelter_person_get_origin_commune_code (other));
  origin = describe_address (self, shelter_person_get_origin_scheme (other),
                             shelter_person_get_origin_province_code (other),
                             shelter_person_get_origin_commune_code (other));
  add_difference (differences, NULL, _("Hometown"), my_key, their_key, origin);

  if (gtk_widget_get_visible (GTK_WIDGET (self->protection_group)) &&
      shelter_person_get_high_protection (mine) != shelter_person_get_high_protection (other))
    add_difference (differences, NULL, _("High Protection"), "mine", "theirs",
                    shelter_person_get_high_protection (other) ? _("On") : _("Off"));

#undef SAME_TEXT

  return differences;
}

void
shelter_person_form_focus (ShelterPersonForm *self)
{
  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

void
shelter_person_form_set_editable (ShelterPersonForm *self,
                                  gboolean           editable)
{
  GtkWidget *child;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  /* The groups, not the form: the message at the top stays readable. */
  for (child = gtk_widget_get_next_sibling (GTK_WIDGET (self->error_label)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_sensitive (child, editable);
}

/* The object */

static void
shelter_person_form_dispose (GObject *object)
{
  ShelterPersonForm *self = SHELTER_PERSON_FORM (object);

  if (self->legacy_window != NULL)
    gtk_window_destroy (g_steal_pointer (&self->legacy_window));

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_PERSON_FORM);

  g_clear_object (&self->session);
  g_clear_object (&self->base);
  g_clear_pointer (&self->ethnic_groups, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->home.communes, g_ptr_array_unref);
  g_clear_pointer (&self->origin.communes, g_ptr_array_unref);
  address_picker_forget (&self->home);
  address_picker_forget (&self->origin);

  G_OBJECT_CLASS (shelter_person_form_parent_class)->dispose (object);
}

static void
shelter_person_form_class_init (ShelterPersonFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_person_form_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_IDENTITY_CHANGED] =
    g_signal_new ("identity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-person-form.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterPersonForm, name)
#define BIND_PICKER(picker, name) \
  gtk_widget_class_bind_template_child_full (widget_class, #picker "_" #name, FALSE, \
                                             G_STRUCT_OFFSET (ShelterPersonForm, picker.name))
  BIND (error_label);
  BIND (name_group);
  BIND (family_name_row);
  BIND (middle_name_row);
  BIND (given_name_row);
  BIND (other_names_row);
  BIND (sex_row);
  BIND (sex_list);
  BIND (birth_precision_row);
  BIND (birth_precision_list);
  BIND (birth_row);
  BIND (person_type_row);
  BIND (person_type_list);
  BIND (ethnicity_row);
  BIND (ethnicity_drop_down);
  BIND (ethnicity_list);
  BIND (religion_row);
  BIND (religion_list);
  BIND (languages_row);
  BIND (interpreter_row);
  BIND (interpreter_switch);
  BIND (nationality_row);
  BIND (nationality_list);
  BIND (country_row);
  BIND (country_drop_down);
  BIND (country_list);
  BIND (id_paper_row);
  BIND (id_paper_list);
  BIND (id_number_row);
  BIND (phone_row);
  BIND (province_list);
  BIND (home_detail_row);
  BIND_PICKER (home, province_row);
  BIND_PICKER (home, province_drop_down);
  BIND_PICKER (home, commune_row);
  BIND_PICKER (home, commune_drop_down);
  BIND_PICKER (home, commune_list);
  BIND_PICKER (home, legacy_row);
  BIND_PICKER (home, legacy_clear_button);
  BIND_PICKER (origin, province_row);
  BIND_PICKER (origin, province_drop_down);
  BIND_PICKER (origin, commune_row);
  BIND_PICKER (origin, commune_drop_down);
  BIND_PICKER (origin, commune_list);
  BIND_PICKER (origin, legacy_row);
  BIND_PICKER (origin, legacy_clear_button);
  BIND (protection_group);
  BIND (high_protection_row);
  BIND (high_protection_switch);
#undef BIND_PICKER
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, identity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, birth_precision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ethnicity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, nationality_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, province_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, commune_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, legacy_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, legacy_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, same_as_home_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
}

static void
shelter_person_form_init (ShelterPersonForm *self)
{
  const char *home = _("Permanent Residence");
  const char *origin = _("Hometown");

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  /* Typing in an open list searches the names, with or without accents. The lists of both
   * addresses have the same titles: their buttons say which address they belong to. */
  setup_drop_down (self->ethnicity_drop_down, self->ethnicity_row, NULL);
  setup_drop_down (self->country_drop_down, self->country_row, NULL);
  setup_drop_down (self->home.province_drop_down, self->home.province_row, home);
  setup_drop_down (self->home.commune_drop_down, self->home.commune_row, home);
  setup_drop_down (self->origin.province_drop_down, self->origin.province_row, origin);
  setup_drop_down (self->origin.commune_drop_down, self->origin.commune_row, origin);
  self->filling = FALSE;
}

ShelterPersonForm *
shelter_person_form_new (ShelterSession *session)
{
  ShelterPersonForm *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_PERSON_FORM, NULL);
  self->session = g_object_ref (session);

  self->filling = TRUE;
  shelter_person_form_load_lists (self);
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->protection_group),
                          shelter_session_may (session,
                                               SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY));
  shelter_person_form_set_person (self, NULL);

  return self;
}
