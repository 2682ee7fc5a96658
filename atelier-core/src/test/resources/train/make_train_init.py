#!/usr/bin/env python3
"""Writes the starting TransformerNet of the training fixtures: numpy.random.default_rng(SEED), tensors in
state-dict name order (sorted), each uniform(-b, b) as float64 then cast to float32, with b = 1/sqrt(fan_in) for a
convolution's weight and bias; an instance norm's weight is 1 + uniform(-0.1, 0.1), its bias uniform(-0.1, 0.1).
Atelier's test draws the same numbers (NumpyGenerator), so this file need not be committed.
Usage: make_train_init.py OUT.safetensors [SEED]"""
import sys

import numpy as np

sys.path.insert(0, "/work/shared/reference")
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "../../../../../shared/reference"))
import reference_fast as rf  # noqa: E402
import torch  # noqa: E402

out, seed = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0
shapes = {k: tuple(v.shape) for k, v in rf.TransformerNet().state_dict().items()}
rng = np.random.default_rng(seed)
tensors = {}
for name in sorted(shapes):
    shape = shapes[name]
    n = int(np.prod(shape))
    if ".conv2d." in name:
        w = shapes[name.rsplit(".", 1)[0] + ".weight"]
        b = 1 / np.sqrt(w[1] * w[2] * w[3])
        v = rng.uniform(-b, b, n)
    elif name.endswith(".weight"):
        v = 1 + rng.uniform(-0.1, 0.1, n)
    else:
        v = rng.uniform(-0.1, 0.1, n)
    tensors[name] = torch.from_numpy(v.astype(np.float32).reshape(shape))
rf.write_safetensors(out, tensors)
