#!/bin/sh
# Makes the training fixtures with the PyTorch reference (run from this folder; needs /usr/bin/python3 with torch,
# h5py, pil, numpy). The four photos are ../shared/photos' first four in name order; Atelier's test copies them as
# 0.jpg..3.jpg so that its folder's name order is this list's order. The starting network is drawn by
# make_train_init.py, which the test reproduces in Java (so it is not committed).
#
# Two settings per loss network:
#  - "realistic": the loss terms balanced as in real training (gradients ~1e3..1e6 per element). Adam's first steps
#    then move each parameter by about ±lr whatever its gradient's size, so a parameter whose gradient is rounding
#    noise (a convolution's bias before an instance norm: the norm removes it) moves at random: the reference
#    disagrees with itself on those (1 vs 2 threads: 1-6% relative L2). Only the losses are kept (JSON).
#  - "small": the same with every loss weight 1e17 times smaller and lr 0.02, where Adam's epsilon dominates and each
#    update is proportional to its gradient, so the saved parameters are a well-conditioned comparison.
set -e
S=${ATELIER_SHARED:-../../../../../shared}
P=$S/photos
IMAGES=$P/astronaut.jpg,$P/autumn-leaf.jpg,$P/beach-waves.jpg,$P/building-facade.jpg
/usr/bin/python3 make_train_init.py /tmp/train-init-0.safetensors 0
step() { # NAME LOSS-NETWORK LAYERS... WEIGHTS...
  name=$1; net=$2; shift 2
  /usr/bin/python3 $S/reference/reference_fast.py train-step --init /tmp/train-init-0.safetensors --images $IMAGES \
    --style $S/images/starry_night.jpg --size 64 --batch 4 --steps 3 --threads 1 --loss-network $net "$@"
}
VGG=vgg16:$S/weights/vgg16-tiny-div8-seed0-keras-layout.h5
step realistic $VGG --content-weight 1e5 --style-weight 1e3 --tv-weight 1e5 > vgg16-realistic-3-steps.json
step small $VGG --content-weight 1e-12 --style-weight 1e-14 --tv-weight 1e-12 --lr 0.02 \
  --save vgg16-small-after-3-steps.safetensors > vgg16-small-3-steps.json
DARKNET=darknet-tiny:$S/mirror/ml5js/ml5-data-and-models/0612a3e7c51cbffdc5db701dff49d16d1ac26fa8/models/darknetclassifier/darknettiny
LAYERS="--content-layers leaky_re_lu_4 --style-layers leaky_re_lu_1,leaky_re_lu_2,leaky_re_lu_4,leaky_re_lu_8,leaky_re_lu_12"
step realistic $DARKNET $LAYERS --content-weight 1 --style-weight 10 --tv-weight 1e-3 > darknet-realistic-3-steps.json
step small $DARKNET $LAYERS --content-weight 1e-10 --style-weight 1e-9 --tv-weight 1e-13 --lr 0.05 \
  --save darknet-small-after-3-steps.safetensors > darknet-small-3-steps.json
