/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-ui"

#include "config.h"

#include "shelter-ui-private.h"
#include "shelter-ui-resources.h"

void
_shelter_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      shelter_ui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
