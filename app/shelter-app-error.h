/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Refusals of the centre's rules. Validation errors are in SHELTER_FIELD_ERROR, whose code
 * names the field at fault so that a form can point at it; the message names it too. */
#define SHELTER_APP_ERROR (shelter_app_error_quark ())
#define SHELTER_FIELD_ERROR (shelter_field_error_quark ())

typedef enum
{
  SHELTER_APP_ERROR_PERMISSION_DENIED,
  SHELTER_APP_ERROR_ROOM_UNSUITABLE,
  SHELTER_APP_ERROR_ROOM_FULL,
  SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE,
  SHELTER_APP_ERROR_FILE_EXISTS,
  SHELTER_APP_ERROR_SIGN_IN_FAILED,     /* wrong user name or password: never says which */
  SHELTER_APP_ERROR_LOCKED_OUT,         /* too many failed sign-ins: wait */
  SHELTER_APP_ERROR_ALREADY_SET_UP,     /* the centre already has accounts */
  SHELTER_APP_ERROR_LAST_ADMINISTRATOR, /* the last active administrator must remain */
  SHELTER_APP_ERROR_BACKUP_INVALID,     /* not a backup, truncated or changed */
  SHELTER_APP_ERROR_BACKUP_PASSPHRASE,  /* encrypted with another passphrase, or none given */
  SHELTER_APP_ERROR_BACKUP_TOO_NEW,     /* made by a newer version of Mái Ấm */
  SHELTER_APP_ERROR_DRAFT_UNREADABLE,   /* written by another version, or damaged: discarded */
  SHELTER_APP_ERROR_NOT_LINKED,         /* an accompanying child without the adult they came with */
  SHELTER_APP_ERROR_FAILED,
  SHELTER_APP_ERROR_NOT_ENTITLED,       /* a service outside the person's entitlements */
  SHELTER_APP_ERROR_PLAN_STATUS,        /* a support plan step its status does not allow */
} ShelterAppError;

typedef enum
{
  SHELTER_FIELD_FAMILY_NAME,
  SHELTER_FIELD_MIDDLE_NAME,
  SHELTER_FIELD_GIVEN_NAME,
  SHELTER_FIELD_SEX,
  SHELTER_FIELD_BIRTH_DATE,
  SHELTER_FIELD_ETHNICITY,
  SHELTER_FIELD_NATIONALITY,
  SHELTER_FIELD_ID_PAPER,
  SHELTER_FIELD_ID_NUMBER,
  SHELTER_FIELD_PHONE,
  SHELTER_FIELD_HOME_ADDRESS,
  SHELTER_FIELD_PERSON_TYPE,
  SHELTER_FIELD_ADMITTED_AT,
  SHELTER_FIELD_ROOM,
  SHELTER_FIELD_DISCHARGED_AT,
  SHELTER_FIELD_DISCHARGE_REASON,
  SHELTER_FIELD_ROOM_CODE,
  SHELTER_FIELD_ROOM_NAME,
  SHELTER_FIELD_ROOM_BEDS,
  SHELTER_FIELD_ROOM_AREA,
  SHELTER_FIELD_USERNAME,
  SHELTER_FIELD_FULL_NAME,
  SHELTER_FIELD_ROLE,
  SHELTER_FIELD_CENTRE_NAME,
  SHELTER_FIELD_PASSWORD,
  SHELTER_FIELD_NEW_PASSWORD,
  SHELTER_FIELD_PASSPHRASE,
  SHELTER_FIELD_SETTING,
  SHELTER_FIELD_OTHER_NAMES,
  SHELTER_FIELD_RELIGION,
  SHELTER_FIELD_LANGUAGES,
  SHELTER_FIELD_ORIGIN_ADDRESS,
  SHELTER_FIELD_HANDED_OVER_BY,
  SHELTER_FIELD_OFFICER_NAME,
  SHELTER_FIELD_OFFICER_UNIT,
  SHELTER_FIELD_RECEIVED_PLACE,
  SHELTER_FIELD_LINKED_PERSON,
  SHELTER_FIELD_TRAFFICKING_PURPOSES,
  SHELTER_FIELD_TRAFFICKING_SCOPE,
  SHELTER_FIELD_DESTINATION_COUNTRY,
  SHELTER_FIELD_RETURN_MODE,
  SHELTER_FIELD_IDENTIFICATION,
  SHELTER_FIELD_CONSENT,
  SHELTER_FIELD_CONSENT_AGENCIES,
  SHELTER_FIELD_GUARDIAN_NAME,
  SHELTER_FIELD_CONSENT_REASON,
  SHELTER_FIELD_CONSENT_ASK_AGAIN,
  SHELTER_FIELD_BELONGINGS,
  SHELTER_FIELD_HEALTH_AT_ARRIVAL,
  SHELTER_FIELD_URGENT_NEEDS,
  SHELTER_FIELD_SAFETY_NOTE,
  SHELTER_FIELD_NOT_SIGNED_REASON,
  SHELTER_FIELD_DOCUMENT_DATE,
  SHELTER_FIELD_HOLIDAY_DATE,
  SHELTER_FIELD_HOLIDAY_NAME,
  SHELTER_FIELD_AGE_BANDS,
  SHELTER_FIELD_STAY_LIMIT_DAYS, SHELTER_FIELD_STAY_LIMIT_BASIS, SHELTER_FIELD_STAY_LIMIT_FROM,
  SHELTER_FIELD_MOVED_AT,
  SHELTER_FIELD_MOVE_REASON,
  SHELTER_FIELD_OVERRIDE_REASON,
  SHELTER_FIELD_ABSENCE_KIND,
  SHELTER_FIELD_ABSENCE_START,
  SHELTER_FIELD_ABSENCE_RETURN,
  SHELTER_FIELD_ABSENCE_NOTE,
  SHELTER_FIELD_ROOM_CLOSED_ON,
  SHELTER_FIELD_ROOM_BUILDING,
  SHELTER_FIELD_ROOM_USE,
  SHELTER_FIELD_ROOM_AGE_GROUP,
  SHELTER_FIELD_DIET_KIND, SHELTER_FIELD_DIET_NOTE, SHELTER_FIELD_DIET_ALLERGIES, SHELTER_FIELD_DIET_FROM, SHELTER_FIELD_RATE_KIND, SHELTER_FIELD_RATE_PROVINCE, SHELTER_FIELD_RATE_AMOUNT, SHELTER_FIELD_RATE_BASIS, SHELTER_FIELD_RATE_FROM, SHELTER_FIELD_RATE_TO, SHELTER_FIELD_KIT_ITEMS, SHELTER_FIELD_KIT_DATE,
  /* Services (app/shelter-services.c) */
  SHELTER_FIELD_SERVICE_KIND,
  SHELTER_FIELD_SERVICE_SUBKIND,
  SHELTER_FIELD_SERVICE_DATE,
  SHELTER_FIELD_SERVICE_STAFF,
  SHELTER_FIELD_SERVICE_PROVIDER,
  SHELTER_FIELD_SERVICE_DESCRIPTION,
  SHELTER_FIELD_SERVICE_OUTCOME,
  SHELTER_FIELD_SERVICE_COST,
  SHELTER_FIELD_SERVICE_NEXT_DATE,
  SHELTER_FIELD_SERVICE_NOTE,
  SHELTER_FIELD_SERVICE_DETAIL,
  SHELTER_FIELD_SERVICE_VOID_REASON,
  SHELTER_FIELD_EXCEPTION_REASON,
  SHELTER_FIELD_RESTRICTED_VALUE,
  /* Support plans (app/shelter-support-plan.c) */
  SHELTER_FIELD_ASSESSMENT_DATE,
  SHELTER_FIELD_ASSESSMENT_AREAS,     /* the message names the area when one is at fault */
  SHELTER_FIELD_PLAN_GOALS,           /* the message starts "Goal N:" when one is at fault */
  /* A field of goal N, the message starting "Goal N:" (N is its only number before the colon). */
  SHELTER_FIELD_PLAN_GOAL_AREA,
  SHELTER_FIELD_PLAN_GOAL_TEXT,
  SHELTER_FIELD_PLAN_GOAL_SERVICES,
  SHELTER_FIELD_PLAN_GOAL_SUPPORT_TYPE,
  SHELTER_FIELD_PLAN_GOAL_RESPONSIBLE,
  SHELTER_FIELD_PLAN_GOAL_TARGET,
  SHELTER_FIELD_PLAN_REVIEW_DATE,
  SHELTER_FIELD_PLAN_NOTE,
  SHELTER_FIELD_PLAN_NOTE_DATE,
  SHELTER_FIELD_PLAN_REASON,
} ShelterField;

GQuark shelter_app_error_quark   (void);
GQuark shelter_field_error_quark (void);

/* Sets @error in SHELTER_FIELD_ERROR with @field as its code and returns FALSE, so that a
 * check reads "return shelter_field_error (error, FIELD, _("…"));". */
gboolean shelter_field_error       (GError       **error,
                                    ShelterField   field,
                                    const char    *format,
                                    ...) G_GNUC_PRINTF (3, 4);

/* Cleans @text as shelter_text_clean() does (shelter_text_clean_note() when @note) into
 * *@clean (NULL when nothing is left), refusing control characters and more than
 * @max_chars characters with a message that starts with @label. */
gboolean shelter_field_clean_text  (const char    *text,
                                    gboolean       note,
                                    int            max_chars,
                                    ShelterField   field,
                                    const char    *label,
                                    char         **clean,
                                    GError       **error);

G_END_DECLS
