#!/usr/bin/python3
# Regenerate numpy-noise.json (the fixture NumpyRandomTest and NoiseInitTest compare against) with:
#   (from the project root) /usr/bin/python3 atelier-core/src/test/resources/image/numpy_noise_fixture.py > atelier-core/src/test/resources/image/numpy-noise.json
# Needs Debian's python3-numpy (apt-get install -y python3-numpy). Deterministic: same output on every run.
import hashlib
import json

import numpy as np

MEAN_BGR = np.array([103.939, 116.779, 123.68], dtype=np.float32)
SEEDS = [0, 1, 42, 2**40 + 7]
N_SUM = 100000


def sha256(a, dtype):
    return hashlib.sha256(np.ascontiguousarray(a, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()).hexdigest()


def sequential_sum(values):
    s = 0.0
    for v in values.tolist():  # left to right, like a Java loop (np.sum would sum pairwise)
        s += v
    return s


def seed_entry(seed):
    ss = np.random.SeedSequence(seed)
    bg = np.random.PCG64(seed)
    st = bg.state["state"]
    raw = np.random.PCG64(seed).random_raw(5)
    rng = np.random.default_rng(seed)
    u = rng.uniform(0, 255, N_SUM)
    return {
        "seed": seed,
        "pool": [int(v) for v in ss.pool],
        "state": str(st["state"]),
        "inc": str(st["inc"]),
        "raw_uint64": [str(int(v)) for v in raw],
        "uniform_0_255_first20": [float(v) for v in u[:20]],
        "uniform_0_255_sum_first100000": sequential_sum(u),
        "uniform_0_255_sha256_first100000_float64le": sha256(u, np.float64),
    }


def noise_init_entry(seed, h, w):
    # exactly the reference's random init
    rng = np.random.default_rng(seed)
    x = (rng.uniform(0, 255, (1, h, w, 3)) - 128.0).astype(np.float64).reshape(-1)
    return {
        "seed": seed, "height": h, "width": w,
        "first6": [float(v) for v in x[:6]],
        "sha256_float64le": sha256(x, np.float64),
        "sha256_float32le": sha256(x.astype(np.float32), np.float32),
    }


def synthetic_entry(seed, h, w):
    # exactly the reference's synthetic content and style (drawn one after the other from one generator)
    rng = np.random.default_rng(seed)
    content = (rng.uniform(0, 255, (h, w, 3)) - MEAN_BGR).astype(np.float32)
    style = (rng.uniform(0, 255, (h, w, 3)) - MEAN_BGR).astype(np.float32)
    return {
        "seed": seed, "height": h, "width": w,
        "content_first6": [float(v) for v in content.reshape(-1)[:6]],
        "content_sha256_float32le": sha256(content, np.float32),
        "style_sha256_float32le": sha256(style, np.float32),
    }


print(json.dumps({
    "numpy_version": np.__version__,
    "seeds": [seed_entry(s) for s in SEEDS],
    "noise_init": [noise_init_entry(42, 96, 128), noise_init_entry(0, 5, 7)],
    "synthetic": [synthetic_entry(1, 48, 64)],
}, indent=1))
