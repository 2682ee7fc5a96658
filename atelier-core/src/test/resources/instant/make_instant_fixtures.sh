#!/bin/sh
# Fixtures for atelier-core/src/test/java/dev/atelier/instant/: TransformerNet files made by the reference in every format it
# writes, and the reference's outputs. Run from the project root (the folder above atelier-core/) with the shared folder beside it:
#   sh atelier-core/src/test/resources/instant/make_instant_fixtures.sh
# (Debian's python3-torch 1.13, python3-pil, python3-numpy.)
set -e
R=../shared/reference/reference_fast.py
O=atelier-core/src/test/resources/instant
PY=/usr/bin/python3
# The content pictures: Tübingen resized by PIL (bicubic) and saved as PNG, so both sides read the same pixels.
$PY - <<'PYEOF'
from PIL import Image
im = Image.open("../shared/images/tubingen.jpg").convert("RGB")
for w, h in ((512, 384), (101, 75), (64, 64)):
    im.resize((w, h), Image.BICUBIC).save(f"atelier-core/src/test/resources/instant/tubingen-{w}x{h}.png")
PYEOF
# One random TransformerNet (PyTorch's default init, seed 1), in every container.
$PY $R weights --random 1 --format legacy --out $O/johnson-seed1-legacy.pth
$PY $R weights --random 1 --format zip --out $O/johnson-seed1-zip.pth
$PY $R weights --random 1 --format safetensors --out $O/johnson-seed1.safetensors
$PY $R weights --random 1 --format legacy --old-keys --out $O/johnson-seed1-legacy-oldkeys.pth
$PY $R weights --random 1 --format zip --old-keys --out $O/johnson-seed1-zip-oldkeys.pth
$PY $R weights --random 1 --format safetensors --old-keys --out $O/johnson-seed1-oldkeys.safetensors
# The reference's pictures (the same network in each container gives the same picture: checked here).
for s in 101x75 64x64 512x384; do
  w=${s%x*}; h=${s#*x}
  $PY $R apply --model $O/johnson-seed1.safetensors --content $O/tubingen-$s.png --width $w --height $h \
      --out $O/johnson-seed1-$s.png > $O/johnson-seed1-$s.json
  for f in johnson-seed1-legacy.pth johnson-seed1-zip-oldkeys.pth; do
    $PY $R apply --model $O/$f --content $O/tubingen-$s.png --width $w --height $h --out /tmp/check.png >/dev/null
    cmp /tmp/check.png $O/johnson-seed1-$s.png
  done
done
# The random network's output is close to 0 everywhere (PyTorch's init), so its PNG says little: the same network
# with its last layer scaled to span 0..255 (weights x200, biases 127.5), written by the reference's own writer,
# gives pictures worth comparing.
$PY - <<'PYEOF'
import sys
sys.path.insert(0, "../shared/reference")
import reference_fast as rf
sd = rf.read_safetensors("atelier-core/src/test/resources/instant/johnson-seed1.safetensors")
sd["deconv3.conv2d.weight"] = sd["deconv3.conv2d.weight"] * 200
sd["deconv3.conv2d.bias"] = sd["deconv3.conv2d.bias"] * 0 + 127.5
rf.write_safetensors("atelier-core/src/test/resources/instant/johnson-scaled.safetensors", sd)
PYEOF
for s in 101x75 64x64 512x384; do
  w=${s%x*}; h=${s#*x}
  $PY $R apply --model $O/johnson-scaled.safetensors --content $O/tubingen-$s.png --width $w --height $h \
      --out $O/johnson-scaled-$s.png > $O/johnson-scaled-$s.json
done
# Engstrom's wave from the mirror (the test reads the network from ../shared/mirror).
M=../shared/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/style-transfer
for s in 101x75 64x64 512x384; do
  w=${s%x*}; h=${s#*x}
  $PY $R apply --model $M/wave --content $O/tubingen-$s.png --width $w --height $h --out $O/wave-$s.png \
      > $O/wave-$s.json
done
