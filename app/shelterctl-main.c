/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include "shelter-ctl.h"

int
main (int    argc,
      char **argv)
{
  return shelter_ctl_run (argc, argv);
}
