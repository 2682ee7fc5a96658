#!/usr/bin/python3
# Regenerate pil-preprocess.json (the fixture PilParityTest compares against) with:
#   (from the project root) /usr/bin/python3 atelier-core/src/test/resources/image/pil_preprocess_fixture.py ../shared > atelier-core/src/test/resources/image/pil-preprocess.json
# Needs Debian's python3-pil and python3-numpy. Reads the shared images (argument: the shared/ directory);
# records each file's SHA-256 so the test can tell when a shared image changed under the fixture.
import hashlib
import json
import os
import sys

import numpy as np
from PIL import Image

MEAN_BGR = np.array([103.939, 116.779, 123.68], dtype=np.float32)
SHARED = sys.argv[1] if len(sys.argv) > 1 else "../shared"
PNGS = ["images/small/tubingen-128x96.png", "images/small/starry_night-128x96.png",
        "images/small/golden_gate-64x64.png", "images/small/the_scream-64x64.png"]
JPEGS = ["images/tubingen.jpg", "images/starry_night.jpg"]
# PIL's bicubic resize (what load_image does to any other size): a committed fixture to sizes that shrink, enlarge,
# change the aspect ratio, and reach 1 pixel; and the shared photos to the sizes a run uses.
FIXTURE = "atelier-core/src/test/resources/fixtures/noise-128x96.png"
FIXTURE_SIZES = [(64, 48), (100, 75), (37, 129), (200, 150), (128, 1), (1, 96), (1, 1), (3, 2), (128, 50), (512, 384)]
SHARED_RESIZES = [("images/tubingen.jpg", 512, 384), ("images/starry_night.jpg", 512, 384),
                  ("images/tubingen.jpg", 181, 136), ("images/small/golden_gate-64x64.png", 300, 211)]


def load_image(path, h, w):  # the reference's, verbatim
    img = Image.open(path).convert("RGB")
    if img.size != (w, h):
        img = img.resize((w, h), Image.BICUBIC)
    a = np.asarray(img, dtype=np.float32)[:, :, ::-1] - MEAN_BGR  # RGB->BGR, centre
    return np.ascontiguousarray(a)


def file_sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sequential_sum(values):
    s = 0.0
    for v in values.tolist():  # left to right in float64, like a Java loop
        s += v
    return s


def preprocess_entry(rel):
    path = os.path.join(SHARED, rel)
    w, h = Image.open(path).size
    a = load_image(path, h, w)  # native size: no resize
    flat = a.reshape(-1)
    return {
        "file": rel, "file_sha256": file_sha256(path), "height": h, "width": w,
        "first6": [float(v) for v in flat[:6]],
        "last3": [float(v) for v in flat[-3:]],
        "sum": sequential_sum(flat),
        "sha256_float32le": hashlib.sha256(flat.astype("<f4").tobytes()).hexdigest(),
    }


def decode_entry(rel):
    path = os.path.join(SHARED, rel)
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=np.uint8)
    return {
        "file": rel, "file_sha256": file_sha256(path), "height": rgb.shape[0], "width": rgb.shape[1],
        "rgb_sha256": hashlib.sha256(rgb.tobytes()).hexdigest(),
    }


def resize_entry(path, rel, w, h):
    rgb = np.asarray(Image.open(path).convert("RGB").resize((w, h), Image.BICUBIC), dtype=np.uint8)
    return {"file": rel, "file_sha256": file_sha256(path), "width": w, "height": h,
            "rgb_sha256": hashlib.sha256(rgb.tobytes()).hexdigest()}


print(json.dumps({
    "pil_version": Image.__version__ if hasattr(Image, "__version__") else __import__("PIL").__version__,
    "numpy_version": np.__version__,
    "preprocess": [preprocess_entry(p) for p in PNGS],
    "jpeg_decode": [decode_entry(p) for p in JPEGS],
    "resize_fixture": [resize_entry(FIXTURE, FIXTURE, w, h) for w, h in FIXTURE_SIZES],
    "resize_shared": [resize_entry(os.path.join(SHARED, rel), rel, w, h) for rel, w, h in SHARED_RESIZES],
}, indent=1))
