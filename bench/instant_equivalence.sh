#!/bin/sh
# Issue 13's equivalence matrix: Atelier's apply against reference_fast.py apply on the five mirror styles and on
# johnson files in every container, at 512x384, 101x75 and 64x64 (the content: Tübingen resized by PIL, as PNG, in
# atelier-core/src/test/resources/instant). Prints one line per case: share of equal bytes, largest difference.
# Run from the project root (the folder above atelier-core/):  sh bench/instant_equivalence.sh
set -e
R=../shared/reference/reference_fast.py
PY=/usr/bin/python3
M=../shared/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer
F=atelier-core/src/test/resources/instant
T=${TMPDIR:-/tmp}/atelier-instant-equivalence
rm -rf "$T"; mkdir -p "$T"
for net in $M/la_muse $M/rain_princess $M/scream $M/wave $M/mathura $F/johnson-scaled.safetensors \
           $F/johnson-seed1-legacy.pth $F/johnson-seed1-zip.pth $F/johnson-seed1.safetensors \
           $F/johnson-seed1-legacy-oldkeys.pth $F/johnson-seed1-zip-oldkeys.pth; do
  name=$(basename "$net")
  mkdir -p "$T/$name"
  ./atelier apply --quiet --weights "$net" --output-dir "$T/$name" \
      --content $F/tubingen-512x384.png $F/tubingen-101x75.png $F/tubingen-64x64.png
  for s in 512x384 101x75 64x64; do
    w=${s%x*}; h=${s#*x}
    $PY $R apply --model "$net" --content $F/tubingen-$s.png --width $w --height $h --out "$T/$name/ref-$s.png" >/dev/null
    $PY - "$T/$name/tubingen-$s.png" "$T/$name/ref-$s.png" "$name $s" <<'PYEOF'
import sys
import numpy as np
from PIL import Image
a = np.asarray(Image.open(sys.argv[1]).convert("RGB"), dtype=np.int32)
b = np.asarray(Image.open(sys.argv[2]).convert("RGB"), dtype=np.int32)
assert a.shape == b.shape, (a.shape, b.shape)
d = np.abs(a - b)
print(f"{sys.argv[3]:40s} equal {100 * (d == 0).mean():8.4f}%  max diff {d.max()}  mean {b.mean():6.1f}")
PYEOF
  done
done
