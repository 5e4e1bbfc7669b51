/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-services"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-services.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define TEXT_MAX 200
#define DESCRIPTION_MAX 2000
#define NOTE_MAX 4000
#define REASON_MAX 500
#define DETAIL_MAX 500
/* The most a single service may cost: a hundred billion đồng is a typing error. */
#define COST_MAX G_GINT64_CONSTANT (100000000000)
#define PERIODIC_CHECK_MONTHS 6

/* ---- Kinds, subkinds and their fields ----------------------------------------------------- */

#define ENUM_OF(name, values) \
  static const ShelterEnum name = { values, G_N_ELEMENTS (values) }

static const ShelterEnumValue format_values[] = {
  { "individual", N_("Individual") },
  { "group", N_("Group") },
};
ENUM_OF (format_enum, format_values);

static const ShelterEnumValue paper_values[] = {
  { "birth_certificate", N_("Birth certificate") },
  { "identity_card", N_("Identity card (CCCD)") },
  { "passport", N_("Passport") },
  { "residence", N_("Residence registration") },
  { "other", N_("Other paper") },
};
ENUM_OF (paper_enum, paper_values);

static const ShelterEnumValue paper_status_values[] = {
  { "requested", N_("Requested") },
  { "in_progress", N_("In progress") },
  { "recovered", N_("Recovered") },
  { "not_possible", N_("Not possible") },
};
ENUM_OF (paper_status_enum, paper_status_values);

static const ShelterEnumValue authority_values[] = {
  { "police", N_("Police") },
  { "procuracy", N_("Procuracy") },
  { "court", N_("Court") },
};
ENUM_OF (authority_enum, authority_values);

static const ShelterEnumValue hiv_values[] = {
  { "not_tested", N_("Not tested") },
  { "negative", N_("Negative") },
  { "positive", N_("Positive") },
  { "declined", N_("Declined to say") },
};
ENUM_OF (hiv_enum, hiv_values);

static const ShelterEnumValue pregnancy_values[] = {
  { "not_pregnant", N_("Not pregnant") },
  { "pregnant", N_("Pregnant") },
  { "unknown", N_("Unknown") },
};
ENUM_OF (pregnancy_enum, pregnancy_values);

#define END_FIELDS { NULL, NULL, 0, FALSE, NULL }
static const ShelterServiceField no_fields[] = { END_FIELDS };
static const ShelterServiceField treatment_fields[] = {
  { "diagnosis", N_("Diagnosis"), SHELTER_SERVICE_FIELD_TEXT, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField hospital_fields[] = {
  { "hospital", N_("Hospital"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  END_FIELDS
};
static const ShelterServiceField vaccination_fields[] = {
  { "vaccine", N_("Vaccine"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  { "dose", N_("Dose"), SHELTER_SERVICE_FIELD_TEXT, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField insurance_fields[] = {
  { "card_number", N_("Card number"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  { "valid_to", N_("Valid until"), SHELTER_SERVICE_FIELD_DATE, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField counselling_fields[] = {
  { "format", N_("Individual or group"), SHELTER_SERVICE_FIELD_CHOICE, TRUE, &format_enum },
  END_FIELDS
};
static const ShelterServiceField papers_fields[] = {
  { "paper", N_("Paper"), SHELTER_SERVICE_FIELD_CHOICE, TRUE, &paper_enum },
  { "paper_status", N_("Where it stands"), SHELTER_SERVICE_FIELD_CHOICE, TRUE, &paper_status_enum },
  END_FIELDS
};
static const ShelterServiceField accompanying_fields[] = {
  { "authority", N_("Police or court"), SHELTER_SERVICE_FIELD_CHOICE, TRUE, &authority_enum },
  { "case_reference", N_("Case reference"), SHELTER_SERVICE_FIELD_TEXT, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField schooling_fields[] = {
  { "school", N_("School"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  { "grade", N_("Grade"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  { "from_on", N_("From"), SHELTER_SERVICE_FIELD_DATE, TRUE, NULL },
  { "to_on", N_("To"), SHELTER_SERVICE_FIELD_DATE, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField course_fields[] = {
  { "trade", N_("Trade"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  { "from_on", N_("From"), SHELTER_SERVICE_FIELD_DATE, TRUE, NULL },
  { "to_on", N_("To"), SHELTER_SERVICE_FIELD_DATE, FALSE, NULL },
  END_FIELDS
};
static const ShelterServiceField placement_fields[] = {
  { "employer", N_("Employer"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  END_FIELDS
};
static const ShelterServiceField loan_fields[] = {
  { "amount", N_("Amount borrowed"), SHELTER_SERVICE_FIELD_MONEY, TRUE, NULL },
  { "purpose", N_("Purpose of the loan"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  END_FIELDS
};
static const ShelterServiceField interpretation_fields[] = {
  { "language", N_("Language"), SHELTER_SERVICE_FIELD_TEXT, TRUE, NULL },
  END_FIELDS
};
static const ShelterServiceField travel_fields[] = {
  { "destination", N_("Destination"), SHELTER_SERVICE_FIELD_TEXT, FALSE, NULL },
  END_FIELDS
};

#define END_SUBKINDS { NULL, NULL, NULL, NULL }
static const ShelterServiceSubkind medical_subkinds[] = {
  { "arrival_check", N_("Health check at arrival"), "b", no_fields },
  { "examination", N_("Examination"), "b", no_fields },
  { "treatment", N_("Treatment"), "b", treatment_fields },
  { "hospital_referral", N_("Hospital referral"), "b", hospital_fields },
  { "hospital_return", N_("Return from hospital"), "b", hospital_fields },
  { "vaccination", N_("Vaccination"), "b", vaccination_fields },
  { "insurance_card", N_("Health-insurance card"), "b", insurance_fields },
  { "periodic_check", N_("Periodic health check"), "b", no_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind psychological_subkinds[] = {
  { "counselling", N_("Counselling session"), "g", counselling_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind legal_subkinds[] = {
  { "legal_counselling", N_("Legal counselling"), "d", no_fields },
  { "legal_aid", N_("Legal aid"), "dd", no_fields },
  { "papers_recovery", N_("Recovery of papers"), "dd", papers_fields },
  { "accompanying", N_("Accompanying to police or court"), "dd", accompanying_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind schooling_subkinds[] = {
  { "schooling", N_("Schooling"), "h", schooling_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind vocational_subkinds[] = {
  { "vocational_counselling", N_("Vocational counselling"), "i", no_fields },
  { "training_course", N_("Vocational training course"), "i", course_fields },
  { "job_counselling", N_("Job counselling"), "i", no_fields },
  { "job_placement", N_("Job placement"), "i", placement_fields },
  { "loan", N_("Loan (social policy bank)"), "k", loan_fields },
  { "hardship_allowance", N_("Initial hardship allowance"), "k", no_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind interpretation_subkinds[] = {
  { "interpretation", N_("Interpretation"), "c", interpretation_fields },
  END_SUBKINDS
};
static const ShelterServiceSubkind travel_subkinds[] = {
  { "travel_costs", N_("Travel costs home"), "e", travel_fields },
  END_SUBKINDS
};

static const ShelterServiceKind kinds[] = {
  { "medical", N_("Medical care"), "emblem-favorite-symbolic", medical_subkinds },
  { "psychological", N_("Psychological counselling"), "chat-message-new-symbolic",
    psychological_subkinds },
  { "legal", N_("Legal"), "accessories-text-editor-symbolic", legal_subkinds },
  { "schooling", N_("Schooling"), "accessories-dictionary-symbolic", schooling_subkinds },
  { "vocational", N_("Vocational and work"), "applications-engineering-symbolic",
    vocational_subkinds },
  { "interpretation", N_("Interpretation"), "preferences-desktop-locale-symbolic",
    interpretation_subkinds },
  { "travel", N_("Travel costs"), "emoji-travel-symbolic", travel_subkinds },
  { NULL, NULL, NULL, NULL },
};

/* Support types in the law's order, with their names. */
static const struct
{
  const char *code;
  const char *letter;
  const char *label;
} support_types[] = {
  { "a", "a", N_("Essential needs") },
  { "b", "b", N_("Medical care") },
  { "c", "c", N_("Interpretation") },
  { "d", "d", N_("Legal counselling") },
  { "dd", "đ", N_("Legal aid") },
  { "e", "e", N_("Travel costs") },
  { "g", "g", N_("Psychological counselling") },
  { "h", "h", N_("Schooling") },
  { "i", "i", N_("Vocational training and job counselling") },
  { "k", "k", N_("Initial hardship allowance and loans") },
};

const ShelterServiceKind *
shelter_service_kinds (void)
{
  return kinds;
}

const ShelterServiceKind *
shelter_service_kind_find (const char *kind)
{
  for (guint i = 0; kind != NULL && kinds[i].code != NULL; i++)
    if (g_str_equal (kinds[i].code, kind))
      return &kinds[i];
  return NULL;
}

const ShelterServiceSubkind *
shelter_service_subkind_find (const char *kind,
                              const char *subkind)
{
  const ShelterServiceKind *k = shelter_service_kind_find (kind);

  for (guint i = 0; k != NULL && subkind != NULL && k->subkinds[i].code != NULL; i++)
    if (g_str_equal (k->subkinds[i].code, subkind))
      return &k->subkinds[i];
  return NULL;
}

const char *
shelter_service_kind_label (const char *kind)
{
  const ShelterServiceKind *k = shelter_service_kind_find (kind);

  return k != NULL ? _(k->label) : kind;
}

const char *
shelter_service_subkind_label (const char *kind,
                               const char *subkind)
{
  const ShelterServiceSubkind *s = shelter_service_subkind_find (kind, subkind);

  return s != NULL ? _(s->label) : subkind;
}

static int
support_type_index (const char *support_type)
{
  for (guint i = 0; support_type != NULL && i < G_N_ELEMENTS (support_types); i++)
    if (g_str_equal (support_types[i].code, support_type))
      return (int) i;
  return -1;
}

const char *
shelter_support_type_letter (const char *support_type)
{
  int i = support_type_index (support_type);

  return i >= 0 ? support_types[i].letter : support_type;
}

const char *
shelter_support_type_label (const char *support_type)
{
  int i = support_type_index (support_type);

  return i >= 0 ? _(support_types[i].label) : support_type;
}

static ShelterPermission
kind_permission (const char *kind)
{
  if (g_strcmp0 (kind, "medical") == 0)
    return SHELTER_PERMISSION_RECORD_MEDICAL;
  if (g_strcmp0 (kind, "psychological") == 0)
    return SHELTER_PERMISSION_RECORD_PSYCHOLOGICAL;
  return SHELTER_PERMISSION_RECORD_SOCIAL_SERVICE;
}

gboolean
shelter_services_role_may_record (const char *role,
                                  const char *kind)
{
  return shelter_service_kind_find (kind) != NULL &&
         shelter_permission_role_may (role, kind_permission (kind));
}

gboolean
shelter_services_may_record (ShelterSession *session,
                             const char     *kind)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  return shelter_service_kind_find (kind) != NULL &&
         shelter_session_may (session, kind_permission (kind));
}

static gboolean
refuse_kind (GError     **error,
             const char  *kind)
{
  const char *who = g_strcmp0 (kind, "medical") == 0 ? _("medical staff")
                    : g_strcmp0 (kind, "psychological") == 0 ? _("counsellors")
                    : _("caseworkers and managers");

  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
               _("Your account may not record this kind of service (%s): only %s may."),
               shelter_service_kind_label (kind), who);
  return FALSE;
}

/* ---- Entitlements -------------------------------------------------------------------------- */

/* "a victim of trafficking", "a person being identified abroad", ... */
static char *
describe_person (const char *person_type,
                 const char *nationality_status,
                 const char *scope)
{
  gboolean foreign = g_strcmp0 (nationality_status, "foreigner") == 0;
  gboolean stateless = g_strcmp0 (nationality_status, "stateless") == 0;

  if (g_strcmp0 (person_type, "victim") == 0)
    return g_strdup (foreign ? _("a foreign victim of trafficking")
                     : stateless ? _("a stateless victim of trafficking")
                     : _("a victim of trafficking"));
  if (g_strcmp0 (person_type, "accompanying_minor") == 0)
    return g_strdup (foreign ? _("a foreign child accompanying a victim")
                     : _("a child accompanying a victim"));
  if (g_strcmp0 (person_type, "being_identified") == 0)
    {
      if (g_strcmp0 (scope, "abroad") == 0)
        return g_strdup (foreign ? _("a foreigner being identified as a victim, trafficked abroad")
                         : _("a person being identified abroad"));
      if (g_strcmp0 (scope, "domestic") == 0)
        return g_strdup (foreign ? _("a foreigner being identified as a victim in Vietnam")
                         : _("a person being identified in Vietnam"));
      return g_strdup (_("a person being identified as a victim whose intake does not say "
                         "whether the trafficking was in Vietnam or abroad"));
    }
  return g_strdup (foreign ? _("a foreigner under the centre’s protection")
                   : _("a person under the centre’s protection"));
}

/* "a to d", "a, b, c, d, đ, g", "none": runs of the law's order joined by "to". */
static char *
describe_letters (GStrv allowed)
{
  GString *text = g_string_new (NULL);
  gboolean in[G_N_ELEMENTS (support_types)] = { FALSE };
  guint i = 0;

  for (guint j = 0; allowed != NULL && allowed[j] != NULL; j++)
    if (support_type_index (allowed[j]) >= 0)
      in[support_type_index (allowed[j])] = TRUE;
  while (i < G_N_ELEMENTS (support_types))
    {
      guint end = i;

      if (!in[i])
        {
          i++;
          continue;
        }
      while (end + 1 < G_N_ELEMENTS (support_types) && in[end + 1])
        end++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (end >= i + 2)
        /* Translators: a run of support types, "a to g". */
        g_string_append_printf (text, _("%s to %s"), support_types[i].letter,
                                support_types[end].letter);
      else
        for (guint k = i; k <= end; k++)
          g_string_append_printf (text, k > i ? ", %s" : "%s", support_types[k].letter);
      i = end + 1;
    }
  if (text->len == 0)
    g_string_append (text, _("none"));
  return g_string_free (text, FALSE);
}

/* The entitlements of @stay on @on. */
static GStrv
stay_entitlements (ShelterDb    *db,
                   ShelterStay  *stay,
                   const char   *on,
                   char        **who,
                   GError      **error)
{
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterIntake) intake = NULL;
  g_auto (GStrv) in_country = NULL;
  g_auto (GStrv) abroad = NULL;
  g_autoptr (GStrvBuilder) both = NULL;
  const char *scope = NULL;
  const char *type, *status;

  person = shelter_person_store_get (db, shelter_stay_get_person_id (stay), error);
  if (person == NULL)
    return NULL;
  intake = shelter_intake_store_get (db, shelter_stay_get_id (stay), NULL);
  if (intake != NULL)
    scope = shelter_intake_get_trafficking_scope (intake);
  type = shelter_person_get_person_type (person);
  status = shelter_person_get_nationality_status (person);
  if (who != NULL)
    *who = describe_person (type, status, scope);

  if (g_strcmp0 (scope, "abroad") == 0)
    return shelter_entitlement_store_allowed (db, type, status, "abroad", on, error);
  in_country = shelter_entitlement_store_allowed (db, type, status, "in_country", on, error);
  if (in_country == NULL || g_strcmp0 (scope, "domestic") == 0)
    return g_steal_pointer (&in_country);
  /* Scope unknown: only what both allow. */
  abroad = shelter_entitlement_store_allowed (db, type, status, "abroad", on, error);
  if (abroad == NULL)
    return NULL;
  both = g_strv_builder_new ();
  for (guint i = 0; in_country[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) abroad, in_country[i]))
      g_strv_builder_add (both, in_country[i]);
  return g_strv_builder_end (both);
}

GStrv
shelter_services_entitlements (ShelterSession  *session,
                               gint64           stay_id,
                               const char      *on,
                               char           **who,
                               GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  stay = shelter_stay_store_get (db, stay_id, error);
  if (stay == NULL)
    return NULL;
  return stay_entitlements (db, stay, on, who, error);
}

/* ---- Recording ----------------------------------------------------------------------------- */

static char *
today_of (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Checks and cleans the subkind's fields into a new table; unknown names are refused. */
static GHashTable *
clean_details (const ShelterServiceSubkind  *subkind,
               GHashTable                   *details,
               GError                      **error)
{
  g_autoptr (GHashTable) clean = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *from_on = NULL, *to_on = NULL;

  if (details != NULL)
    {
      GHashTableIter iter;
      gpointer name;
      gboolean known;

      g_hash_table_iter_init (&iter, details);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        {
          known = FALSE;
          for (guint i = 0; subkind->fields[i].name != NULL; i++)
            known = known || g_str_equal (subkind->fields[i].name, name);
          if (!known)
            {
              shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                                   _("%s has no field “%s”."), _(subkind->label),
                                   (const char *) name);
              return NULL;
            }
        }
    }

  for (guint i = 0; subkind->fields[i].name != NULL; i++)
    {
      const ShelterServiceField *field = &subkind->fields[i];
      const char *raw = details != NULL ? g_hash_table_lookup (details, field->name) : NULL;
      g_autofree char *value = NULL;

      if (!shelter_field_clean_text (raw, FALSE, DETAIL_MAX, SHELTER_FIELD_SERVICE_DETAIL,
                                     _(field->label), &value, error))
        return NULL;
      if (value == NULL)
        {
          if (field->required)
            {
              shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                                   _("%s: fill this in for %s."), _(field->label),
                                   _(subkind->label));
              return NULL;
            }
          continue;
        }
      switch (field->type)
        {
        case SHELTER_SERVICE_FIELD_DATE:
          if (!shelter_text_is_iso_date (value))
            {
              shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                                   _("%s: enter a date such as 05/09/2026."), _(field->label));
              return NULL;
            }
          break;
        case SHELTER_SERVICE_FIELD_MONEY:
          {
            guint64 amount;

            if (!g_ascii_string_to_unsigned (value, 10, 1, (guint64) COST_MAX, &amount, NULL))
              {
                shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                                     _("%s: enter a whole number of đồng greater than 0."),
                                     _(field->label));
                return NULL;
              }
          }
          break;
        case SHELTER_SERVICE_FIELD_CHOICE:
          if (!shelter_enum_is_valid (field->choices, value))
            {
              shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                                   _("%s: choose one of the options."), _(field->label));
              return NULL;
            }
          break;
        case SHELTER_SERVICE_FIELD_TEXT:
        default:
          break;
        }
      if (g_str_equal (field->name, "from_on"))
        from_on = value;
      else if (g_str_equal (field->name, "to_on"))
        to_on = value;
      g_hash_table_insert (clean, (gpointer) field->name, g_steal_pointer (&value));
    }
  if (from_on != NULL && to_on != NULL && strcmp (to_on, from_on) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_SERVICE_DETAIL,
                           _("To: the end is before the start. Check the dates."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
shelter_services_record (ShelterSession              *session,
                         const ShelterServiceRecord  *record,
                         GError                     **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterUser) staff = NULL;
  g_autoptr (GHashTable) details = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) allowed = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *description = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *note = NULL;
  g_autofree char *staff_user = NULL;
  g_autofree char *today = NULL;
  g_autofree char *at = NULL;
  g_autofree char *admitted_on = NULL;
  g_autofree char *who = NULL;
  g_autoptr (GString) audit = NULL;
  const ShelterServiceSubkind *subkind;
  ShelterServiceInsert insert = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (record != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return 0;
  if (shelter_service_kind_find (record->kind) == NULL)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_KIND,
                                _("Kind of service: choose one.")), 0;
  if (!shelter_services_may_record (session, record->kind))
    return refuse_kind (error, record->kind), 0;
  subkind = shelter_service_subkind_find (record->kind, record->subkind);
  if (subkind == NULL)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_SUBKIND,
                                _("Service: choose what kind of %s it was."),
                                shelter_service_kind_label (record->kind)), 0;

  today = today_of (session);
  if (record->done_on == NULL || !shelter_text_is_iso_date (record->done_on))
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DATE,
                                _("Date: enter the day of the service, such as 22/11/2026.")), 0;
  if (strcmp (record->done_on, today) > 0)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DATE,
                                _("Date: the day is in the future. Record a service once it "
                                  "has been given; put a planned one in “Next date”.")), 0;
  if (record->next_on != NULL && *record->next_on != '\0')
    {
      if (!shelter_text_is_iso_date (record->next_on))
        return shelter_field_error (error, SHELTER_FIELD_SERVICE_NEXT_DATE,
                                    _("Next date: enter a date such as 22/12/2026, or leave "
                                      "it empty.")), 0;
      if (strcmp (record->next_on, record->done_on) < 0)
        return shelter_field_error (error, SHELTER_FIELD_SERVICE_NEXT_DATE,
                                    _("Next date: it is before the service itself. Check the "
                                      "dates.")), 0;
    }
  if (record->cost_dong < -1)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_COST,
                                _("Cost: it cannot be negative. Enter the amount in đồng, or "
                                  "leave it empty when there was no cost.")), 0;
  if (record->cost_dong > COST_MAX)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_COST,
                                _("Cost: the amount is too large. Check the number of "
                                  "zeros.")), 0;
  if (!shelter_field_clean_text (record->staff_user, FALSE, 64, SHELTER_FIELD_SERVICE_STAFF,
                                 _("Staff member"), &staff_user, error) ||
      !shelter_field_clean_text (record->provider, FALSE, TEXT_MAX,
                                 SHELTER_FIELD_SERVICE_PROVIDER, _("Outside provider"),
                                 &provider, error) ||
      !shelter_field_clean_text (record->description, TRUE, DESCRIPTION_MAX,
                                 SHELTER_FIELD_SERVICE_DESCRIPTION, _("What was done"),
                                 &description, error) ||
      !shelter_field_clean_text (record->outcome, TRUE, DESCRIPTION_MAX,
                                 SHELTER_FIELD_SERVICE_OUTCOME, _("Outcome"), &outcome, error) ||
      !shelter_field_clean_text (record->confidential_note, TRUE, NOTE_MAX,
                                 SHELTER_FIELD_SERVICE_NOTE, _("Confidential note"), &note,
                                 error))
    return 0;
  if (staff_user == NULL && provider == NULL)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_STAFF,
                                _("Staff member: choose who gave the service, or name the "
                                  "outside provider.")), 0;
  if (description == NULL)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DESCRIPTION,
                                _("What was done: describe the service in a few words.")), 0;
  if (note != NULL && !g_str_equal (record->kind, "psychological"))
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_NOTE,
                                _("Confidential note: only psychological counselling keeps "
                                  "one. Put the rest in “Outcome”.")), 0;
  details = clean_details (subkind, record->details, error);
  if (details == NULL)
    return 0;

  db = shelter_session_get_db (session);
  if (staff_user != NULL)
    {
      staff = shelter_user_store_get_by_username (db, staff_user, NULL);
      if (staff == NULL || !shelter_user_get_active (staff))
        return shelter_field_error (error, SHELTER_FIELD_SERVICE_STAFF,
                                    _("Staff member: there is no active account “%s”."),
                                    staff_user), 0;
      if (!shelter_services_role_may_record (shelter_user_get_role (staff), record->kind))
        return shelter_field_error (error, SHELTER_FIELD_SERVICE_STAFF,
                                    _("Staff member: %s is %s and may not give %s. Choose "
                                      "someone whose role does, or name the outside provider."),
                                    shelter_user_get_full_name (staff),
                                    shelter_enum_label (&shelter_enum_role,
                                                        shelter_user_get_role (staff)),
                                    shelter_service_kind_label (record->kind)), 0;
    }

  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.at = at;
  stamp.actor = shelter_session_get_actor (session);

  if (!shelter_db_begin (db, error))
    return 0;
  stay = shelter_stay_store_get (db, record->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  admitted_on = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  if (strcmp (record->done_on, admitted_on) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (admitted_on);

      shelter_field_error (&local_error, SHELTER_FIELD_SERVICE_DATE,
                           _("Date: the resident was admitted on %s, after this day. Check "
                             "the date."), shown);
      goto failed;
    }
  if (shelter_stay_get_discharged_at (stay) != NULL &&
      strncmp (record->done_on, shelter_stay_get_discharged_at (stay), 10) > 0)
    {
      g_autofree char *shown = shelter_text_format_date (shelter_stay_get_discharged_at (stay));

      shelter_field_error (&local_error, SHELTER_FIELD_SERVICE_DATE,
                           _("Date: the stay ended on %s, before this day. Services after "
                             "discharge belong to the follow-up."), shown);
      goto failed;
    }

  allowed = stay_entitlements (db, stay, record->done_on, &who, &local_error);
  if (allowed == NULL)
    goto failed;
  if (!g_strv_contains ((const char * const *) allowed, subkind->support_type))
    {
      insert.exception_id = shelter_entitlement_store_find_exception (db, record->stay_id,
                                                                      subkind->support_type,
                                                                      &local_error);
      if (local_error != NULL)
        goto failed;
      if (insert.exception_id == 0)
        {
          g_autofree char *letters = describe_letters (allowed);

          g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED,
                       /* Translators: "Legal aid (đ) is not among the supports a person
                        * being identified abroad is entitled to (a to d). ..." */
                       _("%s (%s) is not among the supports %s is entitled to (%s). A manager "
                         "may record an exception."),
                       shelter_support_type_label (subkind->support_type),
                       shelter_support_type_letter (subkind->support_type), who, letters);
          goto failed;
        }
    }

  insert.stay_id = record->stay_id;
  insert.kind = record->kind;
  insert.subkind = subkind->code;
  insert.support_type = subkind->support_type;
  insert.done_on = record->done_on;
  insert.staff_user = staff_user;
  insert.provider = provider;
  insert.description = description;
  insert.outcome = outcome;
  insert.cost_dong = record->cost_dong;
  insert.next_on = record->next_on != NULL && *record->next_on != '\0' ? record->next_on : NULL;
  insert.confidential_note = note;
  id = shelter_service_store_insert (db, &insert, details, &stamp, &local_error);
  if (id == 0)
    goto failed;

  /* The trail says what was given, not what the counsellor wrote. */
  audit = g_string_new (NULL);
  g_string_append_printf (audit, "kind: %s/%s\nsupport_type: %s\ndone_on: %s\nby: %s\n",
                          record->kind, subkind->code,
                          shelter_support_type_letter (subkind->support_type), record->done_on,
                          staff_user != NULL ? staff_user : provider);
  if (record->cost_dong >= 0)
    g_string_append_printf (audit, "cost_dong: %" G_GINT64_FORMAT "\n", record->cost_dong);
  if (note != NULL)
    g_string_append (audit, "confidential_note: (hidden)\n");
  if (insert.exception_id > 0)
    g_string_append_printf (audit, "entitlement_exception: %" G_GINT64_FORMAT "\n",
                            insert.exception_id);
  if (!shelter_audit_record (session, at, "record_service", "service", id, audit->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
shelter_services_void (ShelterSession  *session,
                       gint64           service_id,
                       const char      *reason,
                       GError         **error)
{
  g_autoptr (ShelterServiceRow) row = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_field_clean_text (reason, FALSE, REASON_MAX, SHELTER_FIELD_SERVICE_VOID_REASON,
                                 _("Reason"), &clean, error))
    return FALSE;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_VOID_REASON,
                                _("Reason: say why the record is voided (for example, "
                                  "“recorded for the wrong resident”)."));
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.at = at;
  stamp.actor = shelter_session_get_actor (session);

  if (!shelter_db_begin (db, error))
    return FALSE;
  row = shelter_service_store_get (db, service_id, &local_error);
  if (row == NULL)
    goto failed;
  if (!shelter_services_may_record (session, row->kind))
    {
      refuse_kind (&local_error, row->kind);
      goto failed;
    }
  if (row->voided_at != NULL)
    {
      g_set_error_literal (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("This service was already voided."));
      goto failed;
    }
  details = g_strdup_printf ("kind: %s/%s\ndone_on: %s\nreason: %s", row->kind, row->subkind,
                             row->done_on, clean);
  if (!shelter_service_store_void (db, service_id, row->version, clean, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "void", "service", service_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gint64
shelter_services_add_exception (ShelterSession  *session,
                                gint64           stay_id,
                                const char      *support_type,
                                const char      *reason,
                                GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_may (session, SHELTER_PERMISSION_ENTITLEMENT_EXCEPTION))
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
                           _("Only a manager may record an exception to the entitlements."));
      return 0;
    }
  if (support_type_index (support_type) < 0)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_SUBKIND,
                                _("Support: choose a support type from a to k.")), 0;
  if (!shelter_field_clean_text (reason, TRUE, REASON_MAX, SHELTER_FIELD_EXCEPTION_REASON,
                                 _("Reason for the exception"), &clean, error))
    return 0;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_EXCEPTION_REASON,
                                _("Reason for the exception: write why this resident receives "
                                  "a support outside their entitlements.")), 0;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.at = at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = shelter_stay_store_get (db, stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  id = shelter_entitlement_store_add_exception (db, stay_id, support_type, clean, &stamp,
                                                &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("support_type: %s\nreason: %s",
                             shelter_support_type_letter (support_type), clean);
  if (!shelter_audit_record (session, at, "add_exception", "stay", stay_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- Reading ------------------------------------------------------------------------------- */

struct _ShelterServiceEntry
{
  GObject            parent_instance;
  ShelterServiceRow *row;
  gboolean           masked;
};

G_DEFINE_FINAL_TYPE (ShelterServiceEntry, shelter_service_entry, G_TYPE_OBJECT)

static void
shelter_service_entry_finalize (GObject *object)
{
  ShelterServiceEntry *self = SHELTER_SERVICE_ENTRY (object);

  g_clear_pointer (&self->row, shelter_service_row_free);
  G_OBJECT_CLASS (shelter_service_entry_parent_class)->finalize (object);
}

static void
shelter_service_entry_class_init (ShelterServiceEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_service_entry_finalize;
}

static void
shelter_service_entry_init (ShelterServiceEntry *self)
{
}

/* Takes @row; drops what the session may not read. */
static ShelterServiceEntry *
entry_new (ShelterServiceRow *row,
           gboolean           may_see_identity,
           gboolean           may_read_notes)
{
  ShelterServiceEntry *self = g_object_new (SHELTER_TYPE_SERVICE_ENTRY, NULL);

  self->row = row;
  self->masked = row->high_protection && !may_see_identity;
  if (self->masked)
    g_clear_pointer (&row->full_name, g_free);
  if (!may_read_notes)
    g_clear_pointer (&row->confidential_note, g_free);
  return self;
}

#define ENTRY_GETTER(type, name, expr) \
  type shelter_service_entry_get_##name (ShelterServiceEntry *self) \
  { \
    g_return_val_if_fail (SHELTER_IS_SERVICE_ENTRY (self), (type) 0); \
    return (expr); \
  }

ENTRY_GETTER (gint64, id, self->row->id)
ENTRY_GETTER (gint64, stay_id, self->row->stay_id)
ENTRY_GETTER (gint64, person_id, self->row->person_id)
ENTRY_GETTER (const char *, case_code, self->row->case_code)
ENTRY_GETTER (const char *, resident_name, self->row->full_name)
ENTRY_GETTER (const char *, kind, self->row->kind)
ENTRY_GETTER (const char *, subkind, self->row->subkind)
ENTRY_GETTER (const char *, support_type, self->row->support_type)
ENTRY_GETTER (const char *, done_on, self->row->done_on)
ENTRY_GETTER (const char *, staff_user, self->row->staff_user)
ENTRY_GETTER (const char *, staff_name,
              self->row->staff_name != NULL ? self->row->staff_name : self->row->staff_user)
ENTRY_GETTER (const char *, provider, self->row->provider)
ENTRY_GETTER (const char *, description, self->row->description)
ENTRY_GETTER (const char *, outcome, self->row->outcome)
ENTRY_GETTER (gint64, cost_dong, self->row->cost_dong)
ENTRY_GETTER (const char *, next_on, self->row->next_on)
ENTRY_GETTER (const char *, confidential_note, self->row->confidential_note)
ENTRY_GETTER (gboolean, has_exception, self->row->exception_id > 0)
ENTRY_GETTER (gboolean, voided, self->row->voided_at != NULL)
ENTRY_GETTER (const char *, void_reason, self->row->void_reason)

const char *
shelter_service_entry_get_detail (ShelterServiceEntry *self,
                                  const char          *name)
{
  g_return_val_if_fail (SHELTER_IS_SERVICE_ENTRY (self), NULL);

  return g_hash_table_lookup (self->row->details, name);
}

char *
shelter_service_entry_dup_who (ShelterServiceEntry *self)
{
  const char *staff;

  g_return_val_if_fail (SHELTER_IS_SERVICE_ENTRY (self), NULL);

  staff = shelter_service_entry_get_staff_name (self);
  if (staff != NULL && self->row->provider != NULL)
    return g_strdup_printf ("%s · %s", staff, self->row->provider);
  return g_strdup (staff != NULL ? staff : self->row->provider);
}

char *
shelter_service_entry_dup_details_text (ShelterServiceEntry *self)
{
  const ShelterServiceSubkind *subkind;
  GString *text;

  g_return_val_if_fail (SHELTER_IS_SERVICE_ENTRY (self), NULL);

  subkind = shelter_service_subkind_find (self->row->kind, self->row->subkind);
  if (subkind == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; subkind->fields[i].name != NULL; i++)
    {
      const ShelterServiceField *field = &subkind->fields[i];
      const char *value = g_hash_table_lookup (self->row->details, field->name);
      g_autofree char *shown = NULL;

      if (value == NULL)
        continue;
      switch (field->type)
        {
        case SHELTER_SERVICE_FIELD_DATE:
          shown = shelter_text_format_date (value);
          break;
        case SHELTER_SERVICE_FIELD_MONEY:
          shown = shelter_text_format_money (g_ascii_strtoll (value, NULL, 10));
          break;
        case SHELTER_SERVICE_FIELD_CHOICE:
          shown = g_strdup (shelter_enum_label (field->choices, value));
          break;
        case SHELTER_SERVICE_FIELD_TEXT:
        default:
          shown = g_strdup (value);
          break;
        }
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a field of a service and its value, "School: Trường THCS Tân Phong". */
      g_string_append_printf (text, _("%s: %s"), _(field->label), shown);
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* One audit entry for a read of restricted data, in its own transaction. */
static void
audit_view (ShelterSession *session,
            const char     *entity,
            gint64          entity_id,
            const char     *details)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autoptr (GError) error = NULL;
  ShelterDb *db = shelter_session_get_db (session);

  if (!shelter_db_begin (db, &error))
    goto failed;
  if (!shelter_audit_record (session, at, "view_restricted", entity, entity_id, details,
                             &error))
    {
      shelter_db_rollback (db);
      goto failed;
    }
  if (shelter_db_commit (db, &error))
    return;

failed:
  g_warning ("A view of restricted information could not be recorded: %s", error->message);
}

static GPtrArray *
entries_from_rows (ShelterSession *session,
                   GPtrArray      *rows,
                   const char     *where)
{
  gboolean may_see = shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  gboolean may_read = shelter_session_may (session, SHELTER_PERMISSION_READ_PSYCHOLOGICAL_NOTES);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) protected_seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint notes = 0;
  gint64 notes_person = 0;

  /* The entries take the rows over. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterServiceRow *row = g_ptr_array_index (rows, i);

      if (row->confidential_note != NULL && may_read)
        {
          notes++;
          notes_person = row->person_id;
        }
      if (row->high_protection && may_see &&
          !g_hash_table_contains (protected_seen, &row->person_id))
        {
          g_autofree char *details = g_strdup_printf ("case_code: %s\nshown: name (%s)",
                                                      row->case_code, where);

          g_hash_table_add (protected_seen, &row->person_id);
          audit_view (session, "person", row->person_id, details);
        }
      g_ptr_array_add (entries, entry_new (row, may_see, may_read));
    }
  if (notes > 0)
    {
      g_autofree char *details = g_strdup_printf ("shown: %u confidential psychological "
                                                  "note(s) (%s)", notes, where);

      audit_view (session, "person", notes_person, details);
    }
  return entries;
}

GPtrArray *
shelter_services_list_person (ShelterSession  *session,
                              gint64           person_id,
                              GError         **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  rows = shelter_service_store_list_person (shelter_session_get_db (session), person_id, error);
  if (rows == NULL)
    return NULL;
  return entries_from_rows (session, rows, "services of the resident");
}

GPtrArray *
shelter_services_list (ShelterSession              *session,
                       const ShelterServiceFilter  *filter,
                       guint                        offset,
                       guint                        limit,
                       GError                     **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *match = NULL;
  ShelterServiceQuery query = { 0 };

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  if (filter->from != NULL && *filter->from != '\0' && !shelter_text_is_iso_date (filter->from))
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DATE,
                                _("From: enter a date such as 01/11/2026.")), NULL;
  if (filter->to != NULL && *filter->to != '\0' && !shelter_text_is_iso_date (filter->to))
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DATE,
                                _("To: enter a date such as 30/11/2026.")), NULL;
  if (filter->resident != NULL && *filter->resident != '\0')
    {
      match = shelter_text_search_query (filter->resident);
      if (match == NULL)
        return g_ptr_array_new_with_free_func (g_object_unref);
    }
  query.kind = filter->kind != NULL && *filter->kind != '\0' ? filter->kind : NULL;
  query.staff_user = filter->staff_user != NULL && *filter->staff_user != '\0'
                     ? filter->staff_user : NULL;
  query.from = filter->from != NULL && *filter->from != '\0' ? filter->from : NULL;
  query.to = filter->to != NULL && *filter->to != '\0' ? filter->to : NULL;
  query.stay_id = filter->stay_id;
  query.match = match;
  query.match_protected = shelter_session_may (session,
                                               SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  rows = shelter_service_store_list (shelter_session_get_db (session), &query, offset,
                                     MIN (limit, 1000), error);
  if (rows == NULL)
    return NULL;
  return entries_from_rows (session, rows, "services list");
}

/* ---- Health-check flags -------------------------------------------------------------------- */

static void
append_flags (GArray                     *flags,
              GArray                     *rows,
              ShelterHealthCheckFlagKind  kind)
{
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterHealthCheckDueRow *row = &g_array_index (rows, ShelterHealthCheckDueRow, i);
      ShelterHealthCheckFlag flag = { kind, row->stay_id, row->person_id, { 0 } };

      g_strlcpy (flag.since, row->since, sizeof flag.since);
      g_array_append_val (flags, flag);
    }
}

static GArray *
health_check_flags (ShelterSession  *session,
                    gint64           stay_id,
                    GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) cutoff = NULL;
  g_autoptr (GArray) arrival = NULL;
  g_autoptr (GArray) periodic = NULL;
  g_autoptr (GArray) flags = NULL;
  g_autofree char *cutoff_iso = NULL;
  char cutoff_day[11];
  ShelterDb *db;
  GDate day;
  int hours;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  hours = shelter_settings_get_int (db, SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS, 24);
  if (hours < 1 || hours > 168)
    hours = 24;
  now = shelter_session_now (session);
  cutoff = g_date_time_add_hours (now, -hours);
  cutoff_iso = shelter_session_format_time (cutoff);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_months (&day, PERIODIC_CHECK_MONTHS);
  g_date_strftime (cutoff_day, sizeof cutoff_day, "%Y-%m-%d", &day);

  arrival = shelter_service_store_arrival_check_missing (db, cutoff_iso, stay_id, error);
  if (arrival == NULL)
    return NULL;
  periodic = shelter_service_store_periodic_check_due (db, cutoff_day, stay_id, error);
  if (periodic == NULL)
    return NULL;
  flags = g_array_new (FALSE, TRUE, sizeof (ShelterHealthCheckFlag));
  append_flags (flags, arrival, SHELTER_HEALTH_CHECK_ARRIVAL);
  append_flags (flags, periodic, SHELTER_HEALTH_CHECK_PERIODIC);
  return g_steal_pointer (&flags);
}

GArray *
shelter_services_health_check_flags (ShelterSession  *session,
                                     GError         **error)
{
  return health_check_flags (session, 0, error);
}

GArray *
shelter_services_health_check_flags_for_stay (ShelterSession  *session,
                                              gint64           stay_id,
                                              GError         **error)
{
  g_return_val_if_fail (stay_id > 0, NULL);

  return health_check_flags (session, stay_id, error);
}

/* ---- Restricted medical facts -------------------------------------------------------------- */

const ShelterEnum *
shelter_services_restricted_values (const char *field)
{
  if (g_strcmp0 (field, SHELTER_RESTRICTED_HIV_STATUS) == 0)
    return &hiv_enum;
  if (g_strcmp0 (field, SHELTER_RESTRICTED_PREGNANCY) == 0)
    return &pregnancy_enum;
  return NULL;
}

static gboolean
check_restricted_access (ShelterSession  *session,
                         const char      *field,
                         GError         **error)
{
  if (!shelter_session_may (session, SHELTER_PERMISSION_READ_MEDICAL_RESTRICTED))
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
                           _("Only medical staff may see or record HIV status and "
                             "pregnancy."));
      return FALSE;
    }
  if (shelter_services_restricted_values (field) == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   "There is no restricted field “%s”.", field);
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_services_set_restricted (ShelterSession  *session,
                                 gint64           person_id,
                                 const char      *field,
                                 const char      *value,
                                 const char      *recorded_on,
                                 GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autofree char *at = NULL;
  g_autofree char *today = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!check_restricted_access (session, field, error))
    return FALSE;
  if (!shelter_enum_is_valid (shelter_services_restricted_values (field), value))
    return shelter_field_error (error, SHELTER_FIELD_RESTRICTED_VALUE,
                                _("Value: choose one of the options."));
  today = today_of (session);
  if (recorded_on == NULL || !shelter_text_is_iso_date (recorded_on) ||
      strcmp (recorded_on, today) > 0)
    return shelter_field_error (error, SHELTER_FIELD_SERVICE_DATE,
                                _("Date: enter the day it was found, today or earlier."));

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.at = at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return FALSE;
  person = shelter_person_store_get (db, person_id, &local_error);
  if (person == NULL)
    goto failed;
  /* The trail names the field, never its value. */
  details = g_strdup_printf ("case_code: %s\nfield: %s\nvalue: (hidden)",
                             shelter_person_get_case_code (person), field);
  if (shelter_medical_restricted_store_add (db, person_id, field, value, recorded_on, NULL,
                                            &stamp, &local_error) == 0 ||
      !shelter_audit_record (session, at, "record_restricted", "person", person_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
shelter_services_get_restricted_dated (ShelterSession  *session,
                                       gint64           person_id,
                                       const char      *field,
                                       char           **recorded_on,
                                       GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *day = NULL;
  char *value;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (recorded_on != NULL)
    *recorded_on = NULL;
  if (!check_restricted_access (session, field, error))
    return NULL;
  value = shelter_medical_restricted_store_get (shelter_session_get_db (session), person_id,
                                                field, &day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  details = g_strdup_printf ("shown: %s", field);
  audit_view (session, "person", person_id, details);
  if (recorded_on != NULL && value != NULL)
    *recorded_on = g_steal_pointer (&day);
  return value;
}

char *
shelter_services_get_restricted (ShelterSession  *session,
                                 gint64           person_id,
                                 const char      *field,
                                 GError         **error)
{
  return shelter_services_get_restricted_dated (session, person_id, field, NULL, error);
}
