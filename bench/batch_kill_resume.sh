#!/usr/bin/env bash
# The kill-and-resume check of `atelier batch`: a run killed with SIGKILL half-way, then the same command again.
# Prints what the kill left (temporary files, outputs) and whether the resumed run completed every picture with the
# bytes of an uninterrupted run, then times a third run where everything is done.
#   bash bench/batch_kill_resume.sh [PHOTOS_DIR] [NETWORK_FOLDER]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
photos="${1:-$here/../shared/photos}"
network="${2:-$here/../shared/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer/wave}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
in="$work/in"; mkdir -p "$in"
cp "$photos"/*.jpg "$in/"
head -c 3000 "$in/$(ls "$in" | head -1)" > "$in/corrupt.jpg"     # a truncated JPEG
echo "not a picture" > "$in/notes.txt"
total=$(ls "$in"/*.jpg | grep -vc corrupt.jpg)
"$here/atelier" batch --input "$in" --output "$work/full" --weights "$network" --quiet 2>/dev/null || true

"$here/atelier" batch --input "$in" --output "$work/out" --weights "$network" --quiet 2>/dev/null &
pid=$!
while [ "$(find "$work/out" -name '*.png' 2>/dev/null | wc -l)" -lt $((total / 2)) ]; do sleep 0.2; done
sleep 0.7   # land inside a write, if one is under way
pkill -KILL -P "$pid" java 2>/dev/null || kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
echo "killed after $(find "$work/out" -name '*.png' | wc -l) of $total outputs; temporary files left: $(find "$work/out" -name '.*.tmp' | wc -l)"

set +e
"$here/atelier" batch --input "$in" --output "$work/out" --weights "$network" --quiet 2>"$work/err"
echo "resumed: exit $?, $(tail -1 "$work/err")"
echo "temporary files after the resumed run: $(find "$work/out" -name '.*.tmp' | wc -l)"
differ=0
for f in "$work/full"/*.png; do cmp -s "$f" "$work/out/$(basename "$f")" || differ=$((differ + 1)); done
echo "outputs: $(ls "$work/out"/*.png | wc -l) of $total, $differ differing from the uninterrupted run's"
t0=$(date +%s.%N)
"$here/atelier" batch --input "$in" --output "$work/out" --weights "$network" --quiet 2>"$work/err"
code=$?
t1=$(date +%s.%N)
echo "third run: exit $code, $(tail -1 "$work/err"), $(python3 -c "print(f'{$t1-$t0:.2f}')") s launch to exit; load $(cut -d' ' -f1 /proc/loadavg)"
