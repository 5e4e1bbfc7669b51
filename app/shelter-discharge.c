/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-discharge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-follow-up.h"
#include "shelter-meals.h"
#include "shelter-reception.h"
#include "shelter-reference.h"
#include "shelter-services.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define ENUM_OF(name, values) \
  const ShelterEnum name = { values, G_N_ELEMENTS (values) }

static const ShelterEnumValue item_values[] = {
  { "family", N_("Family contacted and judged safe") },
  { "commune", N_("Commune People’s Committee informed") },
  { "police", N_("Police informed of the discharge") },
  { "travel", N_("Travel costs and meals on the journey paid") },
  { "belongings", N_("Papers and belongings given back") },
  { "reintegration", N_("Reintegration plan agreed") },
  { "guardian", N_("Child handed to a parent or guardian") },
  { "plan", N_("Support plan closed") },
};
ENUM_OF (shelter_discharge_item, item_values);
G_STATIC_ASSERT (G_N_ELEMENTS (item_values) == SHELTER_N_DISCHARGE_ITEMS);

static const ShelterEnumValue item_state_values[] = {
  { "done", N_("Done") },
  { "open", N_("To do") },
  { "not_needed", N_("Not needed") },
  { "not_applicable", N_("Does not apply") },
};
ENUM_OF (shelter_discharge_item_state, item_state_values);

#define TEXT_MAX 200
#define REASON_MAX 1000
#define PLAN_MAX 4000
#define DEATH_CAUSE_MAX 500
#define FARE_MAX G_GINT64_CONSTANT (1000000000)
#define TRAVEL_DAYS_MAX 30
#define ADULT_AGE 18

ShelterDischargeDestination
shelter_discharge_destination_for (const char *reason)
{
  if (g_strcmp0 (reason, "transfer") == 0 || g_strcmp0 (reason, "long_term_protection") == 0)
    return SHELTER_DISCHARGE_TO_FACILITY;
  if (g_strcmp0 (reason, "repatriation") == 0)
    return SHELTER_DISCHARGE_TO_COUNTRY;
  if (g_strcmp0 (reason, "death") == 0 || g_strcmp0 (reason, "no_contact") == 0)
    return SHELTER_DISCHARGE_TO_NOWHERE;
  return SHELTER_DISCHARGE_TO_ADDRESS;
}

/* The reasons that send the person back into life outside: to their family or community,
 * or wherever they chose. The checklist of a return applies to them in full. */
static gboolean
is_return (const char *reason)
{
  return g_strcmp0 (reason, "goals_reached") == 0 ||
         g_strcmp0 (reason, "community_reintegration") == 0 ||
         g_strcmp0 (reason, "own_request") == 0 ||
         g_strcmp0 (reason, "other") == 0;
}

void
shelter_discharge_item_free (ShelterDischargeItem *item)
{
  if (item == NULL)
    return;
  g_free (item->label);
  g_free (item->detail);
  g_free (item);
}

/* ---- What the checklist is read from ------------------------------------------------------ */

/* The input cleaned and checked, with the records of the stay it is judged against. */
typedef struct
{
  ShelterSession      *session;
  ShelterDb           *db;
  const ShelterDischargeInput *input;
  ShelterStay         *stay;
  ShelterPerson       *person;
  GDateTime           *now;
  char                *today;
  char                *discharged_iso;
  char                *discharged_on;
  ShelterDischargeDestination destination;
  int                  age;             /* at the discharge; -1 unknown */
  gboolean             trafficking;     /* a victim, or someone being identified */
  gboolean             travel_entitled; /* support type e on the day */

  /* Cleaned input. */
  char                *province_code;
  char                *commune_code;
  char                *address_detail;
  gint64               facility_partner_id;
  char                *facility_name;
  char                *country_code;
  ShelterRelativeRow  *receiver;        /* the recorded relative who receives the person */
  char                *received_by_name;
  char                *family_not_needed;
  char                *commune_informed_on;
  char                *commune_informed_whom;
  char                *police_informed_on;
  char                *police_informed_whom;
  gint64               travel_fare;     /* 0: not given */
  guint                travel_days;
  gint64               travel_meal_rate;  /* -1: none in force */
  char                *travel_not_needed;
  char                *reintegration_plan;
  char                *override_reason;
  char                *death_cause;
  char                *death_informed;

  /* From the records. */
  char               **belongings;      /* the intake's list */
  GArray              *returned;        /* ShelterBelongingReturned of the input, by position */
  char                *last_reached_on; /* the newest reached family contact of the stay */
  gint64               travel_service_id;
  char                *travel_service_on;
  gint64               travel_service_cost;
  ShelterPlanRow      *plan;            /* the open plan, NULL when none */
  guint                open_goals;
} Facts;

static void
facts_clear (Facts *facts)
{
  g_clear_object (&facts->stay);
  g_clear_object (&facts->person);
  g_clear_pointer (&facts->now, g_date_time_unref);
  g_clear_pointer (&facts->today, g_free);
  g_clear_pointer (&facts->discharged_iso, g_free);
  g_clear_pointer (&facts->discharged_on, g_free);
  g_clear_pointer (&facts->province_code, g_free);
  g_clear_pointer (&facts->commune_code, g_free);
  g_clear_pointer (&facts->address_detail, g_free);
  g_clear_pointer (&facts->facility_name, g_free);
  g_clear_pointer (&facts->country_code, g_free);
  g_clear_pointer (&facts->receiver, shelter_relative_row_free);
  g_clear_pointer (&facts->received_by_name, g_free);
  g_clear_pointer (&facts->family_not_needed, g_free);
  g_clear_pointer (&facts->commune_informed_on, g_free);
  g_clear_pointer (&facts->commune_informed_whom, g_free);
  g_clear_pointer (&facts->police_informed_on, g_free);
  g_clear_pointer (&facts->police_informed_whom, g_free);
  g_clear_pointer (&facts->travel_not_needed, g_free);
  g_clear_pointer (&facts->reintegration_plan, g_free);
  g_clear_pointer (&facts->override_reason, g_free);
  g_clear_pointer (&facts->death_cause, g_free);
  g_clear_pointer (&facts->death_informed, g_free);
  g_clear_pointer (&facts->belongings, g_strfreev);
  g_clear_pointer (&facts->returned, g_array_unref);
  g_clear_pointer (&facts->last_reached_on, g_free);
  g_clear_pointer (&facts->travel_service_on, g_free);
  g_clear_pointer (&facts->plan, shelter_plan_row_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* A day the centre informed someone: a real day, not in the future, not before the
 * admission. */
static gboolean
check_informed_on (Facts         *facts,
                   const char    *day,
                   ShelterField   field,
                   const char    *label,
                   char         **clean,
                   GError       **error)
{
  g_autofree char *admitted = g_strndup (shelter_stay_get_admitted_at (facts->stay), 10);

  if (is_empty (day))
    return TRUE;
  if (!shelter_text_is_iso_date (day))
    return shelter_field_error (error, field, _("%s: enter a date such as 22/11/2026."), label);
  if (strcmp (day, facts->today) > 0)
    return shelter_field_error (error, field, _("%s: the day is in the future."), label);
  if (strcmp (day, admitted) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (admitted);

      return shelter_field_error (error, field,
                                  _("%s: the resident was admitted on %s, after this day."),
                                  label, shown);
    }
  *clean = g_strdup (day);
  return TRUE;
}

static gboolean
check_date (Facts   *facts,
            GError **error)
{
  const ShelterDischargeInput *input = facts->input;
  g_autoptr (GDateTime) discharged = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (is_empty (input->discharged_at))
    {
      /* A death is recorded with the day it happened, never "now" by default. */
      if (g_strcmp0 (input->reason, "death") == 0)
        return shelter_field_error (error, SHELTER_FIELD_DISCHARGED_AT,
                                    _("Date of death: enter the day and time of the death."));
      discharged = g_date_time_ref (facts->now);
    }
  else
    {
      discharged = g_date_time_new_from_iso8601 (input->discharged_at, NULL);
      if (discharged == NULL)
        return shelter_field_error (error, SHELTER_FIELD_DISCHARGED_AT,
                                    _("End date: enter a date and time such as 22/11/2026 "
                                      "09:30."));
    }
  if (g_date_time_compare (discharged, facts->now) > 0)
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGED_AT,
                                _("End date: it is in the future. Discharge the person on the "
                                  "day they leave."));
  admitted = g_date_time_new_from_iso8601 (shelter_stay_get_admitted_at (facts->stay), NULL);
  if (admitted != NULL && g_date_time_compare (discharged, admitted) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (shelter_stay_get_admitted_at (facts->stay));

      return shelter_field_error (error, SHELTER_FIELD_DISCHARGED_AT,
                                  _("End date: it is before the admission on %s. Check the "
                                    "date."), shown);
    }
  facts->discharged_iso = shelter_session_format_time (discharged);
  /* The day as the centre lives it: the offset of the time written. */
  facts->discharged_on = g_strndup (facts->discharged_iso, 10);
  return TRUE;
}

static gboolean
check_destination (Facts   *facts,
                   GError **error)
{
  const ShelterDischargeInput *input = facts->input;

  facts->destination = shelter_discharge_destination_for (input->reason);
  switch (facts->destination)
    {
    case SHELTER_DISCHARGE_TO_ADDRESS:
    case SHELTER_DISCHARGE_TO_NOWHERE:
      if (is_empty (input->province_code))
        {
          if (facts->destination == SHELTER_DISCHARGE_TO_ADDRESS)
            return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_PROVINCE,
                                        _("Province: choose where the person is going to live."));
          if (!is_empty (input->commune_code))
            return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_PROVINCE,
                                        _("Province: choose the province before the commune."));
        }
      else if (g_strcmp0 (input->reason, "death") != 0)
        {
          g_autoptr (GPtrArray) provinces = NULL;

          provinces = shelter_reference_provinces (facts->db, SHELTER_ADDRESS_SCHEME, error);
          if (provinces == NULL)
            return FALSE;
          if (!shelter_reference_has_code (provinces, input->province_code))
            return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_PROVINCE,
                                        _("Province: choose the province from the list."));
          facts->province_code = g_strdup (input->province_code);
          if (!is_empty (input->commune_code))
            {
              g_autoptr (GPtrArray) communes = NULL;

              communes = shelter_reference_communes (facts->db, SHELTER_ADDRESS_SCHEME,
                                                     input->province_code, error);
              if (communes == NULL)
                return FALSE;
              if (!shelter_reference_has_code (communes, input->commune_code))
                return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_COMMUNE,
                                            _("Commune: choose a commune of the province from "
                                              "the list."));
              facts->commune_code = g_strdup (input->commune_code);
            }
          if (!shelter_field_clean_text (input->address_detail, FALSE, TEXT_MAX,
                                         SHELTER_FIELD_DISCHARGE_ADDRESS, _("Village or street"),
                                         &facts->address_detail, error))
            return FALSE;
        }
      break;

    case SHELTER_DISCHARGE_TO_FACILITY:
      if (input->facility_partner_id > 0)
        {
          g_autoptr (ShelterPartnerRow) partner = NULL;
          g_autoptr (GError) local_error = NULL;

          partner = shelter_partner_store_get (facts->db, input->facility_partner_id, &local_error);
          if (partner == NULL)
            return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_FACILITY,
                                        _("Receiving facility: choose one from the list of "
                                          "partners, or type its name."));
          facts->facility_partner_id = input->facility_partner_id;
        }
      else
        {
          if (!shelter_field_clean_text (input->facility_name, FALSE, TEXT_MAX,
                                         SHELTER_FIELD_DISCHARGE_FACILITY,
                                         _("Receiving facility"), &facts->facility_name, error))
            return FALSE;
          if (facts->facility_name == NULL)
            return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_FACILITY,
                                        _("Receiving facility: choose the facility that takes "
                                          "the person in, or type its name."));
        }
      break;

    case SHELTER_DISCHARGE_TO_COUNTRY:
      {
        g_autoptr (GPtrArray) countries = shelter_reference_countries (facts->db, error);

        if (countries == NULL)
          return FALSE;
        if (is_empty (input->country_code) ||
            !shelter_reference_has_code (countries, input->country_code))
          return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_COUNTRY,
                                      _("Country: choose the country the person returns to."));
        facts->country_code = g_strdup (input->country_code);
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Who receives the person. A relative judged unsafe never does, whatever the checklist. */
static gboolean
check_receiver (Facts   *facts,
                GError **error)
{
  const ShelterDischargeInput *input = facts->input;

  if (input->received_by_relative_id > 0)
    {
      g_autoptr (GError) local_error = NULL;

      facts->receiver = shelter_relative_store_get (facts->db, input->received_by_relative_id,
                                                    &local_error);
      if (facts->receiver == NULL ||
          facts->receiver->person_id != shelter_stay_get_person_id (facts->stay))
        return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_RECEIVER,
                                    _("Received by: choose one of the resident’s relatives from "
                                      "the list."));
      if (g_str_equal (facts->receiver->safety, "unsafe") || facts->receiver->involved)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_UNSAFE_FAMILY,
                       _("%s (%s) has been judged unsafe for the resident (%s). The person "
                         "cannot be handed to them: choose another relative or another way "
                         "out."),
                       facts->receiver->full_name,
                       shelter_enum_label (&shelter_family_relation, facts->receiver->relation),
                       facts->receiver->safety_reason != NULL ? facts->receiver->safety_reason : "");
          return FALSE;
        }
    }
  else if (!shelter_field_clean_text (input->received_by_name, FALSE, TEXT_MAX,
                                      SHELTER_FIELD_DISCHARGE_RECEIVER, _("Received by"),
                                      &facts->received_by_name, error))
    return FALSE;
  return TRUE;
}

static gboolean
check_travel (Facts   *facts,
              GError **error)
{
  const ShelterDischargeInput *input = facts->input;

  facts->travel_fare = input->travel_fare_dong;
  facts->travel_days = input->travel_days;
  facts->travel_meal_rate = -1;
  if (facts->travel_fare < 0)
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_TRAVEL_FARE,
                                _("Fare: it cannot be negative. Enter the amount in đồng."));
  if (facts->travel_fare > FARE_MAX)
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_TRAVEL_FARE,
                                _("Fare: the amount is too large. Check the number of zeros."));
  if (facts->travel_days > TRAVEL_DAYS_MAX)
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_TRAVEL_DAYS,
                                _("Days of the journey: at most %d."), TRAVEL_DAYS_MAX);
  if (!shelter_field_clean_text (input->travel_not_needed, TRUE, REASON_MAX,
                                 SHELTER_FIELD_DISCHARGE_TRAVEL_NOT_NEEDED,
                                 _("Why no travel money"), &facts->travel_not_needed, error))
    return FALSE;

  if (facts->travel_days > 0)
    {
      g_autofree char *province = shelter_rates_centre_province (facts->db);
      g_autoptr (GPtrArray) rates = NULL;

      if (province != NULL)
        {
          const ShelterRateRow *rate;

          rates = shelter_rate_store_list (facts->db, "travel_meal_per_day", province, error);
          if (rates == NULL)
            return FALSE;
          rate = shelter_rates_find (rates, "travel_meal_per_day", province, facts->discharged_on);
          if (rate != NULL)
            facts->travel_meal_rate = rate->amount_dong;
        }
    }
  return TRUE;
}

static void
belonging_clear (gpointer data)
{
  ShelterBelongingReturned *belonging = data;

  g_free (belonging->description);
  g_free (belonging->note);
}

static gboolean
check_belongings (Facts   *facts,
                  GError **error)
{
  const ShelterDischargeInput *input = facts->input;
  guint n_listed = facts->belongings != NULL ? g_strv_length (facts->belongings) : 0;

  facts->returned = g_array_new (FALSE, TRUE, sizeof (ShelterBelongingReturned));
  g_array_set_clear_func (facts->returned, belonging_clear);
  for (guint i = 0; i < input->n_belongings; i++)
    {
      const ShelterBelongingReturn *given = &input->belongings[i];
      ShelterBelongingReturned clean = { 0 };
      g_autofree char *note = NULL;

      if (given->position < 1 || given->position > n_listed)
        return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_BELONGINGS,
                                    _("Belongings: item %u is not on the intake list."),
                                    given->position);
      for (guint j = 0; j < facts->returned->len; j++)
        if (g_array_index (facts->returned, ShelterBelongingReturned, j).position == given->position)
          return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_BELONGINGS,
                                      _("Belongings: item %u is given twice."), given->position);
      if (!shelter_field_clean_text (given->note, FALSE, TEXT_MAX,
                                     SHELTER_FIELD_DISCHARGE_BELONGINGS, _("Belongings"), &note,
                                     error))
        return FALSE;
      clean.position = given->position;
      clean.returned = given->returned;
      clean.description = g_strdup (facts->belongings[given->position - 1]);
      clean.note = g_steal_pointer (&note);
      g_array_append_val (facts->returned, clean);
    }
  return TRUE;
}

/* Reads the stay, the person and their records, and checks and cleans the input. */
static gboolean
gather (Facts                        *facts,
        ShelterSession               *session,
        const ShelterDischargeInput  *input,
        GError                      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ShelterIntake) intake = NULL;
  g_autoptr (GPtrArray) contacts = NULL;
  g_autoptr (GPtrArray) travels = NULL;
  g_auto (GStrv) entitled = NULL;
  ShelterServiceQuery query = { 0 };
  const char *person_type;

  facts->session = session;
  facts->db = shelter_session_get_db (session);
  facts->input = input;
  facts->now = shelter_session_now (session);
  facts->today = g_date_time_format (facts->now, "%Y-%m-%d");

  if (!shelter_enum_is_valid (&shelter_enum_discharge_reason, input->reason))
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_REASON,
                                _("Reason: choose why the support ends."));
  facts->stay = shelter_stay_store_get (facts->db, input->stay_id, error);
  if (facts->stay == NULL)
    return FALSE;
  if (shelter_stay_get_discharged_at (facts->stay) != NULL)
    {
      g_autofree char *shown = shelter_text_format_date (shelter_stay_get_discharged_at (facts->stay));

      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_DISCHARGED,
                   _("This stay ended on %s: the person has been discharged already. To "
                     "receive them again, start a new intake."), shown);
      return FALSE;
    }
  /* The person as the session may see them: a protected resident's page is for those who
   * may know who they are. */
  facts->person = shelter_person_open (session, shelter_stay_get_person_id (facts->stay), error);
  if (facts->person == NULL)
    return FALSE;
  person_type = shelter_person_get_person_type (facts->person);
  facts->trafficking = g_strcmp0 (person_type, "victim") == 0 ||
                       g_strcmp0 (person_type, "being_identified") == 0;

  if (!check_date (facts, error) || !check_destination (facts, error) ||
      !check_receiver (facts, error))
    return FALSE;

  {
    GDate on;

    g_date_clear (&on, 1);
    g_date_set_parse (&on, facts->discharged_on);
    facts->age = shelter_text_age_on (shelter_person_get_birth_date (facts->person), &on);
    if (facts->age < 0 && g_strcmp0 (person_type, "accompanying_minor") == 0)
      facts->age = 0;
  }

  if (!shelter_field_clean_text (input->family_not_needed, TRUE, REASON_MAX,
                                 SHELTER_FIELD_DISCHARGE_FAMILY_NOT_NEEDED,
                                 _("Why no family contact"), &facts->family_not_needed, error) ||
      !check_informed_on (facts, input->commune_informed_on, SHELTER_FIELD_DISCHARGE_COMMUNE_DATE,
                          _("Commune informed on"), &facts->commune_informed_on, error) ||
      !shelter_field_clean_text (input->commune_informed_whom, FALSE, TEXT_MAX,
                                 SHELTER_FIELD_DISCHARGE_COMMUNE_WHOM, _("Commune officer"),
                                 &facts->commune_informed_whom, error) ||
      !check_informed_on (facts, input->police_informed_on, SHELTER_FIELD_DISCHARGE_POLICE_DATE,
                          _("Police informed on"), &facts->police_informed_on, error) ||
      !shelter_field_clean_text (input->police_informed_whom, FALSE, TEXT_MAX,
                                 SHELTER_FIELD_DISCHARGE_POLICE_WHOM, _("Police unit or officer"),
                                 &facts->police_informed_whom, error) ||
      !shelter_field_clean_text (input->reintegration_plan, TRUE, PLAN_MAX,
                                 SHELTER_FIELD_DISCHARGE_REINTEGRATION, _("Reintegration plan"),
                                 &facts->reintegration_plan, error) ||
      !shelter_field_clean_text (input->override_reason, TRUE, REASON_MAX,
                                 SHELTER_FIELD_DISCHARGE_OVERRIDE, _("Reason for going on"),
                                 &facts->override_reason, error) ||
      !check_travel (facts, error))
    return FALSE;

  if (g_strcmp0 (input->reason, "death") == 0)
    {
      if (!shelter_field_clean_text (input->death_cause, TRUE, DEATH_CAUSE_MAX,
                                     SHELTER_FIELD_DEATH_CAUSE, _("Cause of death"),
                                     &facts->death_cause, error) ||
          !shelter_field_clean_text (input->death_informed, TRUE, REASON_MAX,
                                     SHELTER_FIELD_DEATH_INFORMED, _("Who was informed"),
                                     &facts->death_informed, error))
        return FALSE;
      if (facts->death_informed == NULL)
        return shelter_field_error (error, SHELTER_FIELD_DEATH_INFORMED,
                                    _("Who was informed: name the family, the police and the "
                                      "authorities informed of the death."));
    }

  intake = shelter_intake_store_get (facts->db, input->stay_id, &local_error);
  if (intake == NULL && local_error != NULL &&
      !g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);
  if (intake != NULL && shelter_intake_get_belongings (intake) != NULL)
    facts->belongings = g_strdupv ((char **) shelter_intake_get_belongings (intake));
  if (!check_belongings (facts, error))
    return FALSE;

  contacts = shelter_contact_store_list (facts->db, shelter_stay_get_person_id (facts->stay),
                                         error);
  if (contacts == NULL)
    return FALSE;
  for (guint i = 0; i < contacts->len; i++)
    {
      ShelterContactRow *contact = g_ptr_array_index (contacts, i);

      if (contact->stay_id == input->stay_id && g_str_equal (contact->result, "reached") &&
          g_strcmp0 (contact->contacted_on, facts->last_reached_on) > 0)
        {
          g_free (facts->last_reached_on);
          facts->last_reached_on = g_strdup (contact->contacted_on);
        }
    }

  query.kind = "travel";
  query.stay_id = input->stay_id;
  travels = shelter_service_store_list (facts->db, &query, 0, 1, error);
  if (travels == NULL)
    return FALSE;
  if (travels->len > 0)
    {
      ShelterServiceRow *travel = g_ptr_array_index (travels, 0);

      facts->travel_service_id = travel->id;
      facts->travel_service_on = g_strdup (travel->done_on);
      facts->travel_service_cost = travel->cost_dong;
    }

  entitled = shelter_services_entitlements (session, input->stay_id, facts->discharged_on, NULL,
                                            error);
  if (entitled == NULL)
    return FALSE;
  facts->travel_entitled = g_strv_contains ((const char * const *) entitled, "e");

  facts->plan = shelter_plan_store_latest (facts->db, input->stay_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (facts->plan != NULL &&
      (g_str_equal (facts->plan->status, "completed") || g_str_equal (facts->plan->status, "cancelled")))
    g_clear_pointer (&facts->plan, shelter_plan_row_free);
  if (facts->plan != NULL && !g_str_equal (facts->plan->status, "draft"))
    {
      g_autoptr (GPtrArray) goals = shelter_goal_store_list (facts->db, facts->plan->id, error);

      if (goals == NULL)
        return FALSE;
      for (guint i = 0; i < goals->len; i++)
        if (g_str_equal (((ShelterGoalRow *) g_ptr_array_index (goals, i))->status, "open"))
          facts->open_goals++;
    }
  return TRUE;
}

/* ---- The checklist ------------------------------------------------------------------------ */

static void
set_item (GPtrArray                 *items,
          ShelterDischargeItemKind   kind,
          ShelterDischargeItemState  state,
          char                      *detail)
{
  ShelterDischargeItem *item = g_ptr_array_index (items, kind);

  item->state = state;
  g_free (item->detail);
  item->detail = detail;
}

static gint64
travel_total (Facts *facts)
{
  gint64 total = facts->travel_fare;

  if (facts->travel_days > 0 && facts->travel_meal_rate > 0)
    total += facts->travel_meal_rate * facts->travel_days;
  return total;
}

static void
judge_family (Facts     *facts,
              GPtrArray *items)
{
  const char *reason = facts->input->reason;
  ShelterRelativeRow *receiver = facts->receiver;

  if (!is_return (reason))
    return;
  if (receiver != NULL)
    {
      const char *relation = shelter_enum_label (&shelter_family_relation, receiver->relation);

      if (!g_str_equal (receiver->safety, "safe"))
        set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_OPEN,
                  g_strdup_printf (_("The safety of %s (%s) has not been judged: judge it on the "
                                     "Family tab."), receiver->full_name, relation));
      else if (facts->last_reached_on == NULL)
        set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_OPEN,
                  g_strdup (_("No contact with the family was reached during this stay: record "
                              "it on the Family tab.")));
      else
        {
          g_autofree char *shown = shelter_text_format_date (facts->last_reached_on);

          set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_DONE,
                    g_strdup_printf (_("%s (%s) is judged safe; the family was last reached on "
                                       "%s."), receiver->full_name, relation, shown));
        }
      return;
    }
  if (g_str_equal (reason, "goals_reached"))
    set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_OPEN,
              g_strdup (_("Returning to the family: choose the relative who receives the "
                          "person.")));
  else if (facts->family_not_needed != NULL)
    set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_NOT_NEEDED,
              g_strdup (facts->family_not_needed));
  else
    set_item (items, SHELTER_DISCHARGE_ITEM_FAMILY, SHELTER_DISCHARGE_ITEM_OPEN,
              g_strdup (_("Choose the relative who receives the person, or say why no family "
                          "contact is needed.")));
}

static void
judge_informed (GPtrArray                *items,
                ShelterDischargeItemKind  kind,
                const char               *on,
                const char               *whom,
                const char               *missing)
{
  g_autofree char *shown = NULL;

  if (on == NULL)
    {
      set_item (items, kind, SHELTER_DISCHARGE_ITEM_OPEN, g_strdup (missing));
      return;
    }
  shown = shelter_text_format_date (on);
  set_item (items, kind, SHELTER_DISCHARGE_ITEM_DONE,
            whom != NULL ? g_strdup_printf (_("Informed on %s: %s."), shown, whom)
                         : g_strdup_printf (_("Informed on %s."), shown));
}

static void
judge_travel (Facts     *facts,
              GPtrArray *items)
{
  if (facts->travel_fare > 0 || facts->travel_days > 0)
    {
      g_autofree char *total = shelter_text_format_money (travel_total (facts));

      if (facts->travel_days > 0 && facts->travel_meal_rate < 0)
        {
          g_autofree char *shown = shelter_text_format_date (facts->discharged_on);

          set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_OPEN,
                    g_strdup_printf (_("No rate for meals on the journey is in force on %s: an "
                                       "administrator adds it under Administration › Rates."),
                                     shown));
        }
      else if (facts->travel_days > 0)
        {
          g_autofree char *rate = shelter_text_format_money (facts->travel_meal_rate);

          set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_DONE,
                    g_strdup_printf (ngettext ("%s will be paid: the fare and %u day of meals "
                                               "at %s.",
                                               "%s will be paid: the fare and %u days of meals "
                                               "at %s.", facts->travel_days),
                                     total, facts->travel_days, rate));
        }
      else
        set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_DONE,
                  g_strdup_printf (_("%s will be paid for the fare."), total));
    }
  else if (facts->travel_service_id > 0)
    {
      g_autofree char *shown = shelter_text_format_date (facts->travel_service_on);

      if (facts->travel_service_cost >= 0)
        {
          g_autofree char *cost = shelter_text_format_money (facts->travel_service_cost);

          set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_DONE,
                    g_strdup_printf (_("Paid on %s: %s."), shown, cost));
        }
      else
        set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_DONE,
                  g_strdup_printf (_("Recorded on %s."), shown));
    }
  else if (facts->travel_not_needed != NULL)
    set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_NOT_NEEDED,
              g_strdup (facts->travel_not_needed));
  else
    set_item (items, SHELTER_DISCHARGE_ITEM_TRAVEL, SHELTER_DISCHARGE_ITEM_OPEN,
              g_strdup (_("Enter the fare and the days of the journey, or say why no travel "
                          "money is needed.")));
}

static void
judge_belongings (Facts     *facts,
                  GPtrArray *items)
{
  guint n_listed = facts->belongings != NULL ? g_strv_length (facts->belongings) : 0;
  guint n_returned = 0;

  if (n_listed == 0)
    {
      set_item (items, SHELTER_DISCHARGE_ITEM_BELONGINGS, SHELTER_DISCHARGE_ITEM_DONE,
                g_strdup (_("Nothing was listed at intake.")));
      return;
    }
  for (guint i = 0; i < facts->returned->len; i++)
    if (g_array_index (facts->returned, ShelterBelongingReturned, i).returned)
      n_returned++;
  if (facts->returned->len < n_listed)
    {
      guint missing = n_listed - facts->returned->len;

      set_item (items, SHELTER_DISCHARGE_ITEM_BELONGINGS, SHELTER_DISCHARGE_ITEM_OPEN,
                g_strdup_printf (ngettext ("%u of the %u things listed at intake is not marked: "
                                           "tick what was given back and say why for the rest.",
                                           "%u of the %u things listed at intake are not marked: "
                                           "tick what was given back and say why for the rest.",
                                           missing), missing, n_listed));
      return;
    }
  for (guint i = 0; i < facts->returned->len; i++)
    {
      ShelterBelongingReturned *returned = &g_array_index (facts->returned,
                                                           ShelterBelongingReturned, i);

      if (!returned->returned && returned->note == NULL)
        {
          set_item (items, SHELTER_DISCHARGE_ITEM_BELONGINGS, SHELTER_DISCHARGE_ITEM_OPEN,
                    g_strdup_printf (_("“%s” is not given back: say why (kept by the police as "
                                       "evidence, lost…)."), returned->description));
          return;
        }
    }
  if (n_returned == n_listed)
    set_item (items, SHELTER_DISCHARGE_ITEM_BELONGINGS, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup_printf (ngettext ("The %u thing listed at intake is given back.",
                                         "All %u things listed at intake are given back.",
                                         n_listed), n_listed));
  else
    set_item (items, SHELTER_DISCHARGE_ITEM_BELONGINGS, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup_printf (_("%u of %u given back; the reasons for the rest are noted."),
                               n_returned, n_listed));
}

static void
judge_guardian (Facts     *facts,
                GPtrArray *items)
{
  ShelterRelativeRow *receiver = facts->receiver;

  if (receiver != NULL &&
      (g_str_equal (receiver->relation, "mother") || g_str_equal (receiver->relation, "father") ||
       g_str_equal (receiver->relation, "guardian")))
    set_item (items, SHELTER_DISCHARGE_ITEM_GUARDIAN, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup_printf (_("Handed to %s (%s)."), receiver->full_name,
                               shelter_enum_label (&shelter_family_relation, receiver->relation)));
  else
    set_item (items, SHELTER_DISCHARGE_ITEM_GUARDIAN, SHELTER_DISCHARGE_ITEM_OPEN,
              g_strdup_printf (_("The resident is %d: a child goes only to a parent or legal "
                                 "guardian. Choose them as who receives the child."),
                               facts->age));
}

static void
judge_plan (Facts     *facts,
            GPtrArray *items)
{
  if (facts->plan == NULL)
    set_item (items, SHELTER_DISCHARGE_ITEM_PLAN, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup (_("No support plan is open.")));
  else if (g_str_equal (facts->plan->status, "draft"))
    set_item (items, SHELTER_DISCHARGE_ITEM_PLAN, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup (_("The draft plan, never approved, will be cancelled.")));
  else if (facts->open_goals > 0)
    set_item (items, SHELTER_DISCHARGE_ITEM_PLAN, SHELTER_DISCHARGE_ITEM_OPEN,
              g_strdup_printf (ngettext ("%u goal is still open: mark it achieved or dropped on "
                                         "the Support Plan tab.",
                                         "%u goals are still open: mark each achieved or dropped "
                                         "on the Support Plan tab.", facts->open_goals),
                               facts->open_goals));
  else
    set_item (items, SHELTER_DISCHARGE_ITEM_PLAN, SHELTER_DISCHARGE_ITEM_DONE,
              g_strdup (_("Every goal is closed: the plan will be completed.")));
}

static GPtrArray *
judge (Facts *facts)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_discharge_item_free);
  const char *reason = facts->input->reason;
  gboolean death = g_str_equal (reason, "death");
  gboolean returning = is_return (reason);

  for (guint kind = 0; kind < SHELTER_N_DISCHARGE_ITEMS; kind++)
    {
      ShelterDischargeItem *item = g_new0 (ShelterDischargeItem, 1);

      item->kind = kind;
      item->state = SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE;
      item->label = g_strdup (_(item_values[kind].label));
      g_ptr_array_add (items, item);
    }
  /* After a death nothing is handed over and no one is followed up. */
  if (death)
    return g_steal_pointer (&items);

  judge_family (facts, items);
  if (returning || g_str_equal (reason, "adoption") || g_str_equal (reason, "no_contact"))
    judge_informed (items, SHELTER_DISCHARGE_ITEM_COMMUNE, facts->commune_informed_on,
                    facts->commune_informed_whom,
                    _("Inform the commune People’s Committee where the person goes, and enter "
                      "the day."));
  if (facts->trafficking)
    judge_informed (items, SHELTER_DISCHARGE_ITEM_POLICE, facts->police_informed_on,
                    facts->police_informed_whom,
                    _("A trafficking case: inform the police of the discharge, and enter the "
                      "day."));
  if (returning && facts->travel_entitled)
    judge_travel (facts, items);
  judge_belongings (facts, items);
  if (returning)
    {
      if (facts->reintegration_plan != NULL)
        set_item (items, SHELTER_DISCHARGE_ITEM_REINTEGRATION, SHELTER_DISCHARGE_ITEM_DONE,
                  g_strdup (_("Agreed; it goes on the handover record.")));
      else
        set_item (items, SHELTER_DISCHARGE_ITEM_REINTEGRATION, SHELTER_DISCHARGE_ITEM_OPEN,
                  g_strdup (_("Write what was agreed with the person for life after the centre "
                              "(where to live, work or school, support).")));
    }
  if (returning && facts->age >= 0 && facts->age < ADULT_AGE)
    judge_guardian (facts, items);
  judge_plan (facts, items);
  return g_steal_pointer (&items);
}

GPtrArray *
shelter_discharge_check (ShelterSession               *session,
                         const ShelterDischargeInput  *input,
                         GError                      **error)
{
  g_auto (Facts) facts = { 0 };

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (input != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error) ||
      !gather (&facts, session, input, error))
    return NULL;
  return judge (&facts);
}

/* ---- The discharge ------------------------------------------------------------------------ */

static char *
checklist_text (GPtrArray *items,
                GString   *open_labels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ShelterDischargeItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%s=%s", i > 0 ? "\n" : "", item_values[item->kind].code,
                              item_state_values[item->state].code);
      if (item->state == SHELTER_DISCHARGE_ITEM_OPEN)
        g_string_append_printf (open_labels, "%s%s", open_labels->len > 0 ? "; " : "",
                                item->label);
    }
  return g_string_free (text, FALSE);
}

/* The travel home as a service of the stay, through the services' own use case so that it
 * is checked and counted like any other. */
static gint64
record_travel (Facts   *facts,
               GError **error)
{
  g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) description = g_string_new (NULL);
  g_autofree char *fare = NULL;
  ShelterServiceRecord record = { 0 };

  if (facts->travel_fare > 0)
    {
      fare = shelter_text_format_money (facts->travel_fare);
      g_string_append_printf (description, _("Fare: %s."), fare);
    }
  if (facts->travel_days > 0)
    {
      g_autofree char *rate = shelter_text_format_money (facts->travel_meal_rate);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              ngettext ("Meals on the journey: %u day at %s.",
                                        "Meals on the journey: %u days at %s.", facts->travel_days),
                              facts->travel_days, rate);
    }
  record.stay_id = facts->input->stay_id;
  record.kind = "travel";
  record.subkind = "travel_costs";
  record.done_on = facts->discharged_on;
  record.staff_user = shelter_session_get_actor (facts->session);
  record.description = description->str;
  record.cost_dong = travel_total (facts);
  record.details = details;
  return shelter_services_record (facts->session, &record, error);
}

/* Closes the open plan with the stay: completed when it went on, cancelled when it was a
 * draft never approved. */
static gboolean
close_plan (Facts               *facts,
            const ShelterStamp  *stamp,
            GError             **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *on = NULL;
  const char *status;

  if (facts->plan == NULL)
    return TRUE;
  on = shelter_text_format_date (facts->discharged_on);
  reason = g_strdup_printf (_("Closed with the discharge on %s: %s."), on,
                            shelter_enum_label (&shelter_enum_discharge_reason, facts->input->reason));
  status = g_str_equal (facts->plan->status, "draft") ? "cancelled" : "completed";
  g_free (facts->plan->status);
  facts->plan->status = g_strdup (status);
  if (g_str_equal (facts->plan->status, "completed") && facts->plan->started_at == NULL)
    {
      facts->plan->started_at = g_strdup (stamp->at);
      facts->plan->started_by = g_strdup (stamp->actor);
    }
  facts->plan->closed_at = g_strdup (stamp->at);
  facts->plan->closed_by = g_strdup (stamp->actor);
  facts->plan->close_reason = g_steal_pointer (&reason);
  return shelter_plan_store_update (facts->db, facts->plan, stamp, error);
}

gboolean
shelter_discharge (ShelterSession               *session,
                   const ShelterDischargeInput  *input,
                   GError                      **error)
{
  g_auto (Facts) facts = { 0 };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GString) open_labels = g_string_new (NULL);
  g_autoptr (GString) details = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *at = NULL;
  ShelterDischargeRow row = { 0 };
  ShelterStamp stamp;
  g_autofree char *absence_kind = NULL;
  g_autofree char *absence_started = NULL;
  g_autofree char *absence_return = NULL;
  gint64 absence_id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DISCHARGE, error) ||
      !gather (&facts, session, input, error))
    return FALSE;
  items = judge (&facts);
  row.checklist = checklist_text (items, open_labels);
  if (open_labels->len > 0)
    {
      if (facts.override_reason == NULL)
        {
          g_free (row.checklist);
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CHECKLIST_OPEN,
                       _("Not finished before discharge: %s. Finish them, or a manager may "
                         "go on with a written reason."), open_labels->str);
          return FALSE;
        }
      if (!shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_DISCHARGE, error))
        {
          g_free (row.checklist);
          return FALSE;
        }
    }
  else
    g_clear_pointer (&facts.override_reason, g_free);

  at = shelter_session_format_time (facts.now);
  stamp.at = at;
  stamp.actor = shelter_session_get_actor (session);

  row.stay_id = input->stay_id;
  row.reason = (char *) input->reason;
  row.discharged_on = facts.discharged_on;
  row.address_scheme = facts.province_code != NULL ? (char *) SHELTER_ADDRESS_SCHEME : NULL;
  row.province_code = facts.province_code;
  row.commune_code = facts.commune_code;
  row.address_detail = facts.address_detail;
  row.facility_partner_id = facts.facility_partner_id;
  row.facility_name = facts.facility_name;
  row.country_code = facts.country_code;
  row.received_by_relative_id = facts.receiver != NULL ? facts.receiver->id : 0;
  row.received_by = facts.received_by_name;
  row.family_not_needed = facts.family_not_needed;
  row.commune_informed_on = facts.commune_informed_on;
  row.commune_informed_whom = facts.commune_informed_whom;
  row.police_informed_on = facts.police_informed_on;
  row.police_informed_whom = facts.police_informed_whom;
  row.travel_not_needed = facts.travel_not_needed;
  row.reintegration_plan = facts.reintegration_plan;
  row.override_reason = facts.override_reason;
  row.override_by = facts.override_reason != NULL ? (char *) stamp.actor : NULL;
  row.death_cause = facts.death_cause;
  row.death_informed = facts.death_informed;
  row.belongings = facts.returned;

  if (!shelter_db_begin (facts.db, error))
    {
      g_free (row.checklist);
      return FALSE;
    }

  /* The travel money is paid on the way out, when the checklist counted it. */
  if (((ShelterDischargeItem *) g_ptr_array_index (items, SHELTER_DISCHARGE_ITEM_TRAVEL))->state ==
        SHELTER_DISCHARGE_ITEM_DONE &&
      (facts.travel_fare > 0 || facts.travel_days > 0))
    {
      row.travel_service_id = record_travel (&facts, &local_error);
      if (row.travel_service_id == 0)
        goto failed;
    }

  absence_id = shelter_absence_store_get_open (facts.db, input->stay_id, &absence_kind,
                                               &absence_started, &absence_return, &local_error);
  if (local_error != NULL)
    goto failed;
  /* Someone who dies in hospital, or is discharged while away, is no longer away. */
  if (absence_id > 0 &&
      !shelter_absence_store_end (facts.db, absence_id, facts.discharged_iso, &stamp, &local_error) &&
      local_error != NULL)
    goto failed;

  shelter_stay_set_discharged_at (facts.stay, facts.discharged_iso);
  shelter_stay_set_discharge_reason (facts.stay, input->reason);
  if (!shelter_stay_store_discharge (facts.db, facts.stay, &stamp, &local_error) ||
      !shelter_stay_store_end_placements (facts.db, input->stay_id, facts.discharged_iso, &stamp,
                                          &local_error) ||
      !close_plan (&facts, &stamp, &local_error) ||
      !shelter_discharge_store_insert (facts.db, &row, &stamp, &local_error))
    goto failed;
  if (!g_str_equal (input->reason, "death") &&
      !_shelter_follow_up_schedule (session, input->stay_id, facts.discharged_on, stamp.actor,
                                    &local_error))
    goto failed;

  g_string_append_printf (details, "discharged_at: -> %s\ndischarge_reason: -> %s",
                          facts.discharged_iso, input->reason);
  if (facts.province_code != NULL)
    g_string_append_printf (details, "\ndestination: -> %s %s", facts.province_code,
                            facts.commune_code != NULL ? facts.commune_code : "");
  if (facts.facility_partner_id > 0)
    g_string_append_printf (details, "\nfacility_partner: -> %" G_GINT64_FORMAT,
                            facts.facility_partner_id);
  if (facts.country_code != NULL)
    g_string_append_printf (details, "\ncountry: -> %s", facts.country_code);
  if (row.received_by_relative_id > 0)
    g_string_append_printf (details, "\nreceived_by_relative: -> %" G_GINT64_FORMAT,
                            row.received_by_relative_id);
  if (facts.plan != NULL)
    g_string_append_printf (details, "\nsupport_plan %" G_GINT64_FORMAT ": -> %s",
                            facts.plan->id, facts.plan->status);
  if (facts.override_reason != NULL)
    g_string_append_printf (details, "\noverride: %s\nopen items: %s", facts.override_reason,
                            open_labels->str);
  if (!shelter_audit_record (session, stamp.at, "discharge", "stay", input->stay_id, details->str,
                             &local_error))
    goto failed;
  g_free (row.checklist);
  return shelter_db_commit (facts.db, error);

failed:
  shelter_db_rollback (facts.db);
  g_free (row.checklist);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ---- Reading it back ---------------------------------------------------------------------- */

ShelterDischargeRow *
shelter_discharge_get (ShelterSession  *session,
                       gint64           stay_id,
                       GError         **error)
{
  g_autoptr (ShelterDischargeRow) row = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterDb *db;
  gboolean may_know;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  row = shelter_discharge_store_get (db, stay_id, &local_error);
  if (row == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  person = shelter_person_store_get (db, row->person_id, error);
  if (person == NULL)
    return NULL;
  /* Where a protected resident went is as secret as who they are. */
  may_know = !shelter_person_get_high_protection (person) ||
             shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);

  if (row->province_code != NULL)
    {
      g_autofree char *place = NULL;

      place = shelter_reference_describe_address (db, row->address_scheme, row->province_code,
                                                  row->commune_code, NULL);
      if (row->address_detail != NULL && place != NULL)
        row->destination = g_strdup_printf ("%s, %s", row->address_detail, place);
      else
        row->destination = g_steal_pointer (&place);
    }
  else if (row->facility_name != NULL)
    row->destination = g_strdup (row->facility_name);
  else if (row->country_code != NULL)
    {
      g_autoptr (GPtrArray) countries = shelter_reference_countries (db, NULL);

      for (guint i = 0; countries != NULL && i < countries->len; i++)
        {
          ShelterReferenceEntry *country = g_ptr_array_index (countries, i);

          if (g_strcmp0 (country->code, row->country_code) == 0)
            row->destination = g_strdup (country->name);
        }
      if (row->destination == NULL)
        row->destination = g_strdup (row->country_code);
    }

  if (row->received_by_relative_id > 0)
    {
      g_autoptr (ShelterRelativeRow) relative = NULL;

      relative = shelter_relative_store_get (db, row->received_by_relative_id, NULL);
      if (relative != NULL)
        {
          g_free (row->received_by);
          row->received_by = g_strdup_printf ("%s (%s)", relative->full_name,
                                              shelter_enum_label (&shelter_family_relation,
                                                                  relative->relation));
        }
    }

  if (!may_know && row->destination != NULL && row->province_code != NULL)
    {
      g_clear_pointer (&row->destination, g_free);
      g_clear_pointer (&row->address_detail, g_free);
      g_clear_pointer (&row->commune_code, g_free);
      g_clear_pointer (&row->province_code, g_free);
      g_clear_pointer (&row->address_scheme, g_free);
      g_clear_pointer (&row->received_by, g_free);
      row->received_by_relative_id = 0;
    }
  return g_steal_pointer (&row);
}
