/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-centre.h"
#include "shelter-intake.h"
#include "shelter-person.h"
#include "shelter-resident-summary.h"
#include "shelter-room.h"
#include "shelter-stay.h"
#include "shelter-user.h"
