/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The typed stores of db/: one per aggregate. app/ calls them inside its use cases; no SQL
 * goes up, no GTK comes down. */

#include "shelter-db.h"
#include "shelter-audit-store.h"
#include "shelter-bench-store.h"
#include "shelter-case-list-store.h"
#include "shelter-centre-store.h"
#include "shelter-discharge-store.h"
#include "shelter-family-store.h"
#include "shelter-follow-up-store.h"
#include "shelter-holiday-store.h"
#include "shelter-import-store.h"
#include "shelter-intake-store.h"
#include "shelter-meal-store.h"
#include "shelter-notice-store.h"
#include "shelter-person-store.h"
#include "shelter-placement-store.h"
#include "shelter-plan-store.h"
#include "shelter-referral-store.h"
#include "shelter-reference-store.h"
#include "shelter-resident-list-store.h"
#include "shelter-room-store.h"
#include "shelter-service-store.h"
#include "shelter-setting-store.h"
#include "shelter-statistics-store.h"
#include "shelter-stay-store.h"
#include "shelter-stay-limit-store.h"
#include "shelter-today-store.h"
#include "shelter-user-store.h"
