#!/bin/sh
# Seconds per training step, Atelier against reference_fast.py train-step, back to back and alternating (issue 14):
# the same starting network, photos (the first BATCH of ../shared/photos), Starry Night, size, batch and threads;
# the median of steps 2..STEPS of each run. Prints one line per run, with the load.
# With REF_JEMALLOC=1 each run also times the reference with jemalloc preloaded as Atelier's launcher preloads it
# (the reference's allocations cost it 10-25% a step with glibc's malloc), and gives both ratios.
# Run from the project root (the folder above atelier-core/):  sh bench/train_speed.sh [SIZE] [vgg16|darknet] [STEPS] [RUNS] [THREADS]
set -e
SIZE=${1:-128}; NET=${2:-darknet}; STEPS=${3:-20}; RUNS=${4:-3}; THREADS=${5:-2}
S=${ATELIER_SHARED:-../shared}
PY=/usr/bin/python3
T=${TMPDIR:-/tmp}/atelier-train-speed
rm -rf "$T"; mkdir -p "$T/photos"
P=$S/photos
i=0; LIST=""
for f in astronaut autumn-leaf beach-waves building-facade; do
  cp "$P/$f.jpg" "$T/photos/$i.jpg"; LIST="$LIST${LIST:+,}$P/$f.jpg"; i=$((i+1))
done
$PY atelier-core/src/test/resources/train/make_train_init.py "$T/init.safetensors" 0
if [ "$NET" = vgg16 ]; then
  REF_NET=vgg16:$S/weights/vgg16-random-seed0-keras-layout.h5; OUR_NET=$S/weights/vgg16-random-seed0-keras-layout.h5
  LAYERS=""
else
  D=$S/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/darknetclassifier/darknettiny
  REF_NET=darknet-tiny:$D; OUR_NET=$D
  LAYERS="--content-layers leaky_re_lu_4 --style-layers leaky_re_lu_1,leaky_re_lu_2,leaky_re_lu_4,leaky_re_lu_8,leaky_re_lu_12"
fi
./atelier --version >/dev/null
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
reference() {
  $PY $S/reference/reference_fast.py train-step --init "$T/init.safetensors" --images "$LIST" \
      --style $S/images/starry_night.jpg --size "$SIZE" --batch 4 --steps "$STEPS" --threads "$THREADS" \
      --loss-network "$REF_NET" $LAYERS | $PY -c "import json,sys; print(json.load(sys.stdin)['seconds_per_step'])"
}
for r in $(seq "$RUNS"); do
  ref=$(reference)
  if [ -n "${REF_JEMALLOC:-}" ]; then
    refj=$(LD_PRELOAD=$JEMALLOC MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1,oversize_threshold:0" reference)
  fi
  ./atelier train --init "$T/init.safetensors" --images "$T/photos" --crop center --style $S/images/starry_night.jpg \
      --size "$SIZE" --batch 4 --steps "$STEPS" --threads "$THREADS" --loss-network "$OUR_NET" $LAYERS \
      --output "$T/out.safetensors" --report "$T/r.json" --checkpoint-every 0 --quiet
  ours=$($PY -c "import json,statistics; s=json.load(open('$T/r.json'))['steps']; print(statistics.median(x['seconds'] for x in s[1:]))")
  line="run $r: reference $ref s/step, atelier $ours s/step, ratio $($PY -c "print(round($ours/$ref, 3))")"
  if [ -n "${REF_JEMALLOC:-}" ]; then
    line="$line; reference with jemalloc $refj s/step, ratio $($PY -c "print(round($ours/$refj, 3))")"
  fi
  echo "$line  ($(uptime | sed 's/.*load/load/'))"
done
