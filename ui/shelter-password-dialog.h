/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Which secrets the dialog asks for. */
typedef enum
{
  SHELTER_PASSWORD_DIALOG_CHANGE,         /* the current password, a new one twice */
  SHELTER_PASSWORD_DIALOG_RESET,          /* a new password twice */
  SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE, /* an optional passphrase twice (a new backup) */
  SHELTER_PASSWORD_DIALOG_PASSPHRASE,     /* a passphrase once (an existing backup) */
} ShelterPasswordDialogMode;

#define SHELTER_TYPE_PASSWORD_DIALOG (shelter_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPasswordDialog, shelter_password_dialog,
                      SHELTER, PASSWORD_DIALOG, AdwWindow)

/* Called with what was typed when the user accepts: @current is NULL but in the CHANGE
 * mode, @secret is NULL for an empty optional passphrase. Returns FALSE with @error to keep
 * the dialog open and show why (a SHELTER_FIELD_ERROR marks its field); TRUE closes it. */
typedef gboolean (*ShelterPasswordDialogFunc) (ShelterPasswordDialog  *dialog,
                                               const char             *current,
                                               const char             *secret,
                                               gpointer                user_data,
                                               GError                **error);

/* A modal dialog, not yet shown. @accept_label has a mnemonic ("_Change"). */
ShelterPasswordDialog *shelter_password_dialog_new (ShelterPasswordDialogMode  mode,
                                                    const char                *title,
                                                    const char                *description,
                                                    const char                *accept_label,
                                                    ShelterPasswordDialogFunc  func,
                                                    gpointer                   user_data,
                                                    GDestroyNotify             destroy);

G_END_DECLS
