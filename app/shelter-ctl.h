/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* shelterctl: the core without a display. Prints plain lines on stdout; on error prints one
 * line on stderr and returns non-zero. */
int shelter_ctl_run (int    argc,
                     char **argv);

int shelter_ctl_kitchen (int argc, char **argv); /* shelter-ctl-kitchen.c */
int shelter_ctl_follow_ups (int argc, char **argv); /* shelter-ctl-follow-up.c */
int shelter_ctl_discharge_papers (int argc, char **argv); /* shelter-ctl-discharge.c */
int shelter_ctl_reminders (int argc, char **argv); /* shelter-ctl-reminders.c */
int shelter_ctl_report (int argc, char **argv); /* shelter-ctl-report.c */
int shelter_ctl_import (int argc, char **argv); /* shelter-ctl-import.c */
int shelter_ctl_bench (int argc, char **argv); /* shelter-ctl-bench.c */

G_END_DECLS
