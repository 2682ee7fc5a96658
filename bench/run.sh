#!/usr/bin/env bash
# Atelier vs the PyTorch reference on this machine, back to back; prints a markdown table.
#   bash bench/run.sh            # quick: seconds per evaluation and peak memory (about 10 minutes on 2 cores)
#   bash bench/run.sh --quality  # also time to quality at 512² (the reference's 10x20 schedule; about an hour)
# Needs Debian's python3-torch python3-scipy python3-h5py python3-pil for the reference, and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ATELIER_SHARED:-../shared}
weights="$shared/weights/vgg16-random-seed0-keras-layout.h5"
ref="/usr/bin/python3 $shared/reference/reference_nst.py"
threads=${THREADS:-2}
runs=${RUNS:-3}
peak_gflops=${PEAK_GFLOPS:-205}
quality=0; [ "${1:-}" = "--quality" ] && quality=1
mvn -q -B -Dmaven.test.skip=true package
jemalloc=$(ls /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 2>/dev/null || true)
out=$(mktemp -d)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
spread() { sort -g | awk 'NR==1{min=$1} {max=$1} END {printf "%.3f–%.3f", min, max}'; }
peak_mb() { awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.0f", $2/1024}' "$1"; }
# One evaluation of the seed preset: forward through VGG16 to block5_conv3 and back, ~80 GFLOP at 256².
gflop() { awk -v s="$1" 'BEGIN {printf "%.0f", 80 * (s/256)^2}'; }

echo "| measure | size | Atelier | reference | reference + jemalloc | Atelier / reference |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in 256 512; do
  : > "$out/a"; : > "$out/r"; : > "$out/rj"
  for i in $(seq "$runs"); do
    /usr/bin/time -v -o "$out/a.time" ./atelier bench --weights "$weights" --size "$size" --threads "$threads" --json \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds_per_evaluation"])' >> "$out/a"
    /usr/bin/time -v -o "$out/r.time" $ref evals --random 0 --size "$size" --threads "$threads" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_s"])' >> "$out/r"
    if [ -n "$jemalloc" ]; then
      LD_PRELOAD=$jemalloc MALLOC_CONF=dirty_decay_ms:-1,muzzy_decay_ms:-1 $ref evals --random 0 --size "$size" \
        --threads "$threads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_s"])' >> "$out/rj"
    else echo nan >> "$out/rj"; fi
  done
  a=$(median < "$out/a"); r=$(median < "$out/r"); rj=$(median < "$out/rj")
  echo "| s / evaluation (median; spread of $runs runs) | ${size}² | $a ($(spread < "$out/a")) | $r ($(spread < "$out/r")) | $rj ($(spread < "$out/rj")) | $(awk -v a="$a" -v r="$r" 'BEGIN{printf "%.2f", a/r}') |"
  echo "| fraction of ${peak_gflops} GFLOP/s peak | ${size}² | $(awk -v g="$(gflop "$size")" -v t="$a" -v p="$peak_gflops" 'BEGIN{printf "%.0f%%", 100*g/t/p}') | $(awk -v g="$(gflop "$size")" -v t="$r" -v p="$peak_gflops" 'BEGIN{printf "%.0f%%", 100*g/t/p}') | | |"
  echo "| peak resident memory (bench run) | ${size}² | $(peak_mb "$out/a.time") MB | $(peak_mb "$out/r.time") MB | | |"
done

if [ "$quality" = 1 ]; then
  content="$shared/images/tubingen.jpg"; style="$shared/images/starry_night.jpg"
  /usr/bin/time -v -o "$out/rq.time" $ref run --weights "$weights" --content "$content" --style "$style" \
    --height 384 --width 512 --threads "$threads" --json --out "$out/ref.png" > "$out/ref.json"
  target=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["final_loss"])' "$out/ref.json")
  ref_s=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total_s"])' "$out/ref.json")
  /usr/bin/time -v -o "$out/aq.time" ./atelier stylize --content "$content" --style "$style" --weights "$weights" \
    --size 512 --threads "$threads" --restart never --multiscale --quiet --report "$out/a.json" --output "$out/a.png"
  reach=$(python3 - "$out/a.json" "$target" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t = float(sys.argv[2])
# Coarse passes' losses are at smaller sizes and do not compare: only the last pass's 10 iterations count.
hit = [h["seconds"] for h in r["history"][-10:] if h["loss"] <= t]
print(f"{hit[0]:.0f}" if hit else "not reached")
PY
)
  echo "| time to the reference's final loss (${target}) | 512×384 | ${reach} s | ${ref_s%.*} s | | |"
  echo "| peak resident memory (stylize) | 512×384 | $(peak_mb "$out/aq.time") MB | $(peak_mb "$out/rq.time") MB | | |"
fi
rm -rf "$out"
