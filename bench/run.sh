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
/usr/bin/python3 -c 'import torch, scipy, h5py, PIL' 2>/dev/null || {
  echo "bench: the reference needs Debian's python3-torch python3-scipy python3-h5py python3-pil (apt-get install -y ...)" >&2
  exit 1; }
mvn -q -B -Dmaven.test.skip=true package
jemalloc=$(ls /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 2>/dev/null || true)
# The reference gets the allocator settings the launcher gives Atelier: like for like.
malloc_conf=dirty_decay_ms:-1,muzzy_decay_ms:-1,oversize_threshold:0
out=$(mktemp -d)

median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
spread() { sort -g | awk 'NR==1{min=$1} {max=$1} END {printf "%.3f–%.3f", min, max}'; }
peak_mb() { awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.0f", $2/1024}' "$1"; }
# One evaluation of the seed preset: forward through VGG16 to block5_conv3 and back, ~80 GFLOP at 256².
gflop() { awk -v s="$1" 'BEGIN {printf "%.0f", 80 * (s/256)^2}'; }

echo "| measure | size | Atelier | reference | reference + jemalloc | Atelier / reference (plain; with jemalloc) |"
echo "| --- | --- | --- | --- | --- | --- |"
for size in 256 512; do
  : > "$out/a"; : > "$out/r"; : > "$out/rj"
  for i in $(seq "$runs"); do
    /usr/bin/time -v -o "$out/a.time" ./atelier bench --weights "$weights" --size "$size" --threads "$threads" --json \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["seconds_per_evaluation"])' >> "$out/a"
    /usr/bin/time -v -o "$out/r.time" $ref evals --random 0 --size "$size" --threads "$threads" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_s"])' >> "$out/r"
    if [ -n "$jemalloc" ]; then
      LD_PRELOAD=$jemalloc MALLOC_CONF=$malloc_conf $ref evals --random 0 --size "$size" \
        --threads "$threads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_s"])' >> "$out/rj"
    else echo nan >> "$out/rj"; fi
  done
  a=$(median < "$out/a"); r=$(median < "$out/r"); rj=$(median < "$out/rj")
  echo "| s / evaluation (median; spread of $runs runs) | ${size}² | $a ($(spread < "$out/a")) | $r ($(spread < "$out/r")) | $rj ($(spread < "$out/rj")) | $(awk -v a="$a" -v r="$r" -v j="$rj" 'BEGIN{printf "%.2f; %.2f", a/r, a/j}') |"
  echo "| fraction of ${peak_gflops} GFLOP/s peak | ${size}² | $(awk -v g="$(gflop "$size")" -v t="$a" -v p="$peak_gflops" 'BEGIN{printf "%.0f%%", 100*g/t/p}') | $(awk -v g="$(gflop "$size")" -v t="$r" -v p="$peak_gflops" 'BEGIN{printf "%.0f%%", 100*g/t/p}') | | |"
  echo "| peak resident memory (bench run) | ${size}² | $(peak_mb "$out/a.time") MiB | $(peak_mb "$out/r.time") MiB | | |"
done

# Start-up: from launching the command to the first evaluation of a 512² seed run (JVM, engine, weights, images,
# targets), as the run's report measures it.
: > "$out/s"
for i in $(seq "$runs"); do
  ./atelier stylize --content "$shared/images/tubingen.jpg" --style "$shared/images/starry_night.jpg" \
    --weights "$weights" --size 512 --threads "$threads" --iterations 1 --evaluations-per-iteration 2 --quiet \
    --report "$out/s.json" --output "$out/s.png"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["launch_to_optimisation_seconds"])' "$out/s.json" >> "$out/s"
done
echo "| launch to first evaluation (median; spread of $runs runs) | 512×384 | $(median < "$out/s" | xargs printf '%.2f') s ($(spread < "$out/s")) | | | |"

# Peak memory of a whole 512² stylize: square crops, 30 evaluations without restarts (the optimiser's history is
# full by then), everything a user's run holds: weights, targets, the optimiser's float64 vectors, the JVM.
/usr/bin/python3 - "$shared/images" "$out" <<'PY'
import sys
from PIL import Image
for name, role in (("tubingen.jpg", "content-sq"), ("starry_night.jpg", "style-sq")):
    im = Image.open(f"{sys.argv[1]}/{name}").convert("RGB"); w, h = im.size; s = min(w, h)
    im.crop(((w - s) // 2, (h - s) // 2, (w - s) // 2 + s, (h - s) // 2 + s)).save(f"{sys.argv[2]}/{role}.png")
PY
/usr/bin/time -v -o "$out/sq.time" ./atelier stylize --content "$out/content-sq.png" --style "$out/style-sq.png" \
  --weights "$weights" --size 512 --threads "$threads" --restart never --iterations 1 \
  --evaluations-per-iteration 30 --quiet --output "$out/sq.png"
echo "| peak resident memory (stylize, 30 evaluations) | 512² | $(peak_mb "$out/sq.time") MiB | | | |"

if [ "$quality" = 1 ]; then
  # Both sides get the same 512×384 PNGs, resized once with PIL (the reference's resizer), and the same allocator.
  /usr/bin/python3 - "$shared/images" "$out" <<'PY'
import sys
from PIL import Image
for name, role in (("tubingen.jpg", "content"), ("starry_night.jpg", "style")):
    Image.open(f"{sys.argv[1]}/{name}").convert("RGB").resize((512, 384), Image.BICUBIC).save(f"{sys.argv[2]}/{role}.png")
PY
  jem=(); [ -n "$jemalloc" ] && jem=(env LD_PRELOAD="$jemalloc" MALLOC_CONF=$malloc_conf)
  /usr/bin/time -v -o "$out/rq.time" "${jem[@]}" $ref run --weights "$weights" --content "$out/content.png" \
    --style "$out/style.png" --height 384 --width 512 --threads "$threads" --json --out "$out/ref.png" > "$out/ref.json"
  /usr/bin/time -v -o "$out/aq.time" ./atelier stylize --content "$out/content.png" --style "$out/style.png" \
    --weights "$weights" --size 512 --threads "$threads" --multiscale --restart never --iterations 3 --quiet \
    --report "$out/a.json" --output "$out/a.png"
  python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
def wall(path):
    t = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", open(path).read()).groups()
    return int(t[0] or 0) * 3600 + int(t[1]) * 60 + float(t[2])
ref, a = json.load(open(f"{out}/ref.json")), json.load(open(f"{out}/a.json"))
target = ref["final_loss"]
# Only the full-size pass counts (coarse passes' losses are at other sizes). Atelier's time runs from the
# command's launch: start-up, weights, targets and every coarse pass included.
hits = [s for s in a["steps"] if s["width"] == 512 and s["loss"] <= target]
ref_wall = wall(f"{out}/rq.time")
if hits:
    reach = wall(f"{out}/aq.time") - (a["seconds"] - hits[0]["seconds"])
    cell, ratio = f"{reach:.0f} s (evaluation {hits[0]['evaluations']})", f"{ref_wall / reach:.1f}× sooner"
else:
    cell, ratio = "not reached", ""
print(f"| time to the reference's final loss ({target:.4e}), launch to that step | 512×384 | {cell} | "
      f"{ref_wall:.0f} s ({ref['evals']} evaluations) | | {ratio} |")
PY
  echo "| peak resident memory (stylize / run) | 512×384 | $(peak_mb "$out/aq.time") MiB | $(peak_mb "$out/rq.time") MiB | | |"
fi
rm -rf "$out"
