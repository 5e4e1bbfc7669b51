#!/bin/sh
# Fails unless po/vi.po is valid, translates every message the sources mark today (the
# catalogue is merged with a fresh template first, so a new string cannot slip through as
# "not in the .po"), and has nothing fuzzy.
# usage: check-po.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from=po/POTFILES.in --output="$tmp/shelter.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/vi.po" po/vi.po "$tmp/shelter.pot"
stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/vi.po" 2>&1) || { echo "$stats"; exit 1; }
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    LC_ALL=C msgattrib --untranslated --only-fuzzy "$tmp/vi.po" 2>/dev/null | head -40
    LC_ALL=C msgattrib --untranslated "$tmp/vi.po" | grep '^msgid' | head -40
    exit 1;;
esac
