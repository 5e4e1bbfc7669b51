#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints "N passed, N failed" for a meson test log: every GTest case of a TAP test counts
once; a test without TAP output (a validator) counts as one."""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        entry = json.loads(line)
        out = entry.get('stdout') or ''
        oks = len(re.findall(r'^ok \d+', out, re.M))
        not_oks = len(re.findall(r'^not ok \d+', out, re.M))
        skipped = len(re.findall(r'^ok \d+ .*# SKIP', out, re.M))
        if entry.get('protocol') == 'tap' or oks or not_oks:
            passed += oks - skipped
            failed += not_oks
            # A crash or timeout before any TAP line still fails.
            if entry['result'] not in ('OK', 'SKIP', 'EXPECTEDFAIL') and not not_oks:
                failed += 1
        elif entry['result'] in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif entry['result'] != 'SKIP':
            failed += 1
print('%d passed, %d failed' % (passed, failed))
