#!/usr/bin/env bash
# Throughput of `atelier batch` and `atelier spark` on one folder of 512 px photos, back to back, alternating,
# RUNS times each; prints a Markdown table (images/s over the job, and over the whole command) and the start-up
# time of each (a run where every output exists: launch, listing, and for Spark the context).
#   bash bench/batch_throughput.sh [PHOTOS_DIR] [NETWORK_FOLDER] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
photos="${1:-$here/../shared/photos}"
network="${2:-$here/../shared/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer/wave}"
runs="${3:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
configs=("batch --parallel 1 --forwards 1" "batch --parallel 2 --forwards 1" "batch --parallel 2 --forwards 2"
         "spark --master local[1]" "spark --master local[2]" "spark --master local[2] --forwards 2")
"$here/atelier" batch --help >/dev/null   # build first
"$here/atelier" spark --help >/dev/null
declare -A job wall
for run in $(seq 1 "$runs"); do
  for c in "${configs[@]}"; do
    out="$work/out"; rm -rf "$out"
    t0=$(date +%s.%N)
    quiet=(); [[ $c == batch* ]] && quiet=(--quiet)
    "$here/atelier" $c --input "$photos" --output "$out" --weights "$network" "${quiet[@]}" 2>"$work/err" || true
    t1=$(date +%s.%N)
    line=$(grep -E "^atelier: [0-9]+ done" "$work/err" | tail -1 || true)
    if [ -z "$line" ]; then echo "run $run: $c failed: $(tail -3 "$work/err")" >&2; exit 1; fi
    done_n=$(sed -E 's/^atelier: ([0-9]+) done.*/\1/' <<<"$line")
    secs=$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$line")
    job[$c]+="$(python3 -c "print(f'{$done_n/$secs:.3f}')") "
    wall[$c]+="$(python3 -c "print(f'{$done_n/($t1-$t0):.3f}')") "
    echo "run $run: $c: $line; wall $(python3 -c "print(f'{$t1-$t0:.1f}')") s; load $(cut -d' ' -f1 /proc/loadavg)" >&2
  done
done
declare -A start
for run in $(seq 1 "$runs"); do
  for c in "batch --parallel 2 --forwards 1" "spark --master local[2]"; do
    t0=$(date +%s.%N)
    "$here/atelier" $c --input "$photos" --output "$work/out" --weights "$network" 2>/dev/null || true
    t1=$(date +%s.%N)
    start[$c]+="$(python3 -c "print(f'{$t1-$t0:.2f}')") "
  done
done
med() { python3 -c "import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(v):.3f} ({min(v):.3f}–{max(v):.3f})')" $1; }
echo "| command | images/s over the job (median; range) | images/s launch to exit | start-up, all outputs present (s) |"
echo "| --- | --- | --- | --- |"
for c in "${configs[@]}"; do
  s="${start[$c]:-}"
  echo "| \`$c\` | $(med "${job[$c]}") | $(med "${wall[$c]}") | ${s:+$(med "$s")} |"
done
echo "load: $(cat /proc/loadavg)"
