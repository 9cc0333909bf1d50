#!/usr/bin/env bash
# Extraction must stay linear in the input (issue #3): times `pledgedb extract` on texts of 2 MB
# and 8 MB of several shapes and prints the ratio of processor times (about 4 when linear).
#   bench/linearity.sh [BUILD_DIR]      (default build)
# Shapes: one sentence repeated (French, Arabic); a round-up of thousands of distinct companies
# each pledging (French, English: the party, dedup and agreement code); one sentence without
# commas or full stops (the run-on sentence cut).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build}/pledgedb
[[ -x $bin ]] || { echo "no $bin: build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(1)
def name():
    return "".join(random.choice("BCDFGKLMNPRSTVZ") + random.choice("aeiou") for _ in range(3)).capitalize()
cities = ["Kénitra", "Tanger", "Agadir", "Oujda", "Fès", "Casablanca", "Rabat", "Dakhla"]
shapes = {
    "fr-repeated": lambda k: "Le groupe Valdor Industries créera 1 200 emplois à Kénitra d'ici 2027, avec un "
                             "investissement de 300 millions de dirhams signé mardi à Rabat. ",
    "ar-repeated": lambda k: "وقعت شركة ميراكو اتفاقية مع وزارة الصناعة لإحداث 1200 منصب شغل بطنجة في أفق 2027 "
                             "باستثمار 300 مليون درهم. ",
    "fr-many-companies": lambda k: f"La société {name()} Industries créera {100 + k % 900} emplois à {cities[k % 8]} "
                                   f"d'ici {2026 + k % 5}, pour {k % 50 + 1} millions de dirhams. ",
    "en-many-companies": lambda k: f"{name()} {name()} Group will invest ${k % 90 + 1} million and hire "
                                   f"{100 + k % 900} workers in Ohio by {2026 + k % 5}, the governor said. ",
    "fr-no-punctuation": lambda k: "le ministre a signé à Rabat la convention avec Atlas Agro qui créera 500 emplois "
                                   "d'ici 2027 dans la région de Fès-Meknès et ",
}
for shape, make in shapes.items():
    for mb in (2, 8):
        out, size, k = [], 0, 0
        while size < mb * 1000 * 1000:
            s = make(k)
            out.append(s)
            size += len(s.encode())
            k += 1
        open(f"{work}/{shape}-{mb}.txt", "w").write("".join(out))
PY
printf "%-20s %10s %10s %7s\n" shape "2 MB (s)" "8 MB (s)" ratio
for f in "$work"/*-2.txt; do
  shape=$(basename "$f" -2.txt)
  t() {  # processor seconds (user + system) of one extraction
    local TIMEFORMAT='%U %S'
    { time "$bin" extract --published 2025-01-01 --max-bytes 20000000 "$1" >/dev/null 2>&1; } 2>&1 | awk '{print $1 + $2}'
  }
  a=$(t "$f"); b=$(t "$work/$shape-8.txt")
  awk -v s="$shape" -v a="$a" -v b="$b" 'BEGIN { printf "%-20s %10.2f %10.2f %7.1f\n", s, a, b, (a > 0 ? b / a : 0) }'
done
