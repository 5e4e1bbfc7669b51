#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the spreadsheet fuzz target with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer, seeds it with a few small files and runs it for a bounded
# time. Fails on a crash, a leak or a sanitizer report; exits 77 (skipped) without clang.
#   run-fuzz.sh SOURCE_ROOT [SECONDS]
set -eu

top=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
seconds=${2:-40}
clang=$(command -v clang || command -v clang-14 || true)
if [ -z "$clang" ]; then
  echo "clang is not installed: skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# libFuzzer comes with libclang-rt: without it, linking fails and the test is skipped.
printf 'int LLVMFuzzerTestOneInput (const unsigned char *d, unsigned long s) { (void) d; (void) s; return 0; }\n' > "$work/probe.c"
if ! "$clang" -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" 2>/dev/null; then
  echo "libFuzzer (libclang-rt-14-dev) is not installed: skipped"
  exit 77
fi

printf '#pragma once\n#define GETTEXT_PACKAGE "shelter"\n' > "$work/config.h"
"$clang" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$work" -I"$top/app" \
  "$top/tests/fuzz/fuzz-sheet.c" "$top/tests/fuzz/fuzz-stubs.c" \
  "$top/app/shelter-sheet.c" "$top/app/shelter-legacy-text.c" \
  $(pkg-config --cflags --libs glib-2.0 gio-2.0 libzip libxml-2.0) -lm \
  -o "$work/fuzz-sheet"

# Seeds: CSV in each shape, legacy text, and a minimal XLSX.
mkdir "$work/corpus"
printf 'H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,Ng\xc3\xa0y sinh\r\n"Nguy\xe1\xbb\x85n ""A""\r\nB",01/02/1990\r\n' > "$work/corpus/comma.csv"
printf '\xef\xbb\xbfa;b;c\n1;2;3\n' > "$work/corpus/bom.csv"
printf '\xff\xfea\x00\t\x00b\x00\r\x00\n\x00' > "$work/corpus/utf16.csv"
printf 'Nguy\xd4n Th\xde H\xad\xeang,L\xb5o Cai\n' > "$work/corpus/tcvn3.csv"
printf 'Nguye\xe3n Th\xf2 H\xf6\xf4\xf8ng;Ha\xf8 Giang\n' > "$work/corpus/vni.csv"
if command -v python3 >/dev/null; then
  python3 - "$work/corpus/min.xlsx" <<'PY'
import sys, zipfile
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", f'<workbook {ns}><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/sharedStrings.xml", f'<sst {ns}><si><t>T\u00ean</t></si><si><r><t>L\u00f2</t></r><r><t> A</t></r></si></sst>')
    z.writestr("xl/styles.xml", f'<styleSheet {ns}><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    z.writestr("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="1"><v>32874</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c r="D3" t="inlineStr"><is><t>x</t></is></c><c r="E3" t="b"><v>1</v></c></row></sheetData></worksheet>')
PY
fi

cd "$work"
# Leaks count as failures (libFuzzer's -detect_leaks is on with ASan).
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./fuzz-sheet -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 "$work/corpus"
