#!/usr/bin/env python3
"""The reference's evaluation under torch.autograd.profiler, as a Chrome trace, for bench/profile_summary.py.
   /usr/bin/python3 bench/profile_reference.py --size 512 --threads 2 --out ref-trace.json"""
import argparse, os, sys
import numpy as np
import torch

shared = os.environ.get("ATELIER_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
sys.path.insert(0, os.path.join(shared, "reference"))
import reference_nst as ref  # noqa: E402

p = argparse.ArgumentParser()
p.add_argument("--size", type=int, default=256)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--out", required=True)
a = p.parse_args()
torch.set_num_threads(a.threads)
rng = np.random.default_rng(0)
w = ref.random_weights(0)
img = lambda: rng.uniform(-128, 128, (a.size, a.size, 3)).astype(np.float32)
prob = ref.Problem(ref.to_torch(w, "cpu"), img(), img(), a.size, a.size, "cpu")
x = img().reshape(-1).astype(np.float64)
for _ in range(2):
    prob.loss_and_grad(x)
with torch.autograd.profiler.profile(record_shapes=True) as prof:
    prob.loss_and_grad(x)
prof.export_chrome_trace(a.out)
