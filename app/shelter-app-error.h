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
  SHELTER_APP_ERROR_FAILED,
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
} ShelterField;

GQuark shelter_app_error_quark   (void);
GQuark shelter_field_error_quark (void);

G_END_DECLS
