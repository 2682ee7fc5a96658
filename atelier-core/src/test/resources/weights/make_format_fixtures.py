#!/usr/bin/env python3
"""Writes the same small random VGG weights in every format Atelier reads, plus hostile files, for the tests in
atelier-core/src/test/java/dev/atelier/weights/.

Run from the project root (the folder above atelier-core/):  /usr/bin/python3 atelier-core/src/test/resources/weights/make_format_fixtures.py
(Debian's python3-torch 1.13, python3-h5py, python3-numpy; the safetensors package is not in Debian, so those
files are written by hand following https://github.com/huggingface/safetensors#format.)

Every file holds VGG16 (or VGG19) with a sixteenth of the channels; kernels He-normal, biases non-zero, both
from numpy's default_rng(SEED). In the .pth files one kernel is a non-contiguous view and one lives at an offset
inside a larger storage, as torch.save keeps them, so that readers must honour offsets and strides.
"""
import collections
import json
import pickle
import struct
import zipfile

import h5py
import numpy as np
import torch

OUT = "atelier-core/src/test/resources/weights/"
SEED = 7
DIV = 16
VGG16 = [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]
VGG19 = [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]
# What os.system would create if a reader ever executed the hostile pickles; the tests check it never appears.
SENTINEL = "/tmp/atelier-hostile-pickle-was-executed"


def layers(blocks, seed):
    """[(keras name, torchvision features index, kernel out x in x 3 x 3, bias)] in network order."""
    rng = np.random.default_rng(seed)
    out, cin, index = [], 3, 0
    for b, (c, n) in enumerate(blocks, 1):
        c //= DIV
        for i in range(1, n + 1):
            k = rng.normal(0, np.sqrt(2.0 / (9 * cin)), (c, cin, 3, 3)).astype(np.float32)
            bias = rng.normal(0, 0.1, c).astype(np.float32)
            out.append((f"block{b}_conv{i}", index, k, bias))
            cin = c
            index += 2  # conv, relu
        index += 1  # pool
    return out


def write_keras_h5(path, convs):
    with h5py.File(path, "w") as f:
        names = []
        for name, _, k, bias in convs:
            names.append(name)
            g = f.create_group(name)
            wn = [f"{name}_W_1:0", f"{name}_b_1:0"]
            g.attrs["weight_names"] = np.array([x.encode() for x in wn], dtype="S")
            g.create_dataset(wn[0], data=k.transpose(2, 3, 1, 0))  # out,in,kh,kw -> kh,kw,in,out
            g.create_dataset(wn[1], data=bias)
        f.attrs["layer_names"] = np.array([n.encode() for n in names], dtype="S")


def torchvision_state_dict(convs):
    sd = collections.OrderedDict()  # as nn.Module.state_dict() returns it, with its _metadata attribute
    sd._metadata = collections.OrderedDict([("", {"version": 1})])
    for n, (_, i, k, bias) in enumerate(convs):
        w = torch.from_numpy(k.copy())
        if n == 1:  # non-contiguous: a permuted view of an in x out x 3 x 3 tensor
            w = torch.from_numpy(np.ascontiguousarray(k.transpose(1, 0, 2, 3))).permute(1, 0, 2, 3)
            assert not w.is_contiguous()
        if n == 2:  # at an offset inside a larger storage
            buf = torch.full((5 + k.size + 3,), -99.0)
            buf[5:5 + k.size] = torch.from_numpy(k.reshape(-1))
            w = buf[5:5 + k.size].view(k.shape)
            assert w.storage_offset() == 5
        sd[f"features.{i}.weight"] = w
        sd[f"features.{i}.bias"] = torch.from_numpy(bias.copy())
    sd["classifier.0.weight"] = torch.ones(8, 16)
    sd["classifier.0.bias"] = torch.zeros(8)
    return sd


def write_safetensors(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, a in tensors.items():
        data = np.ascontiguousarray(a, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


class Python2StyleStateDict:
    """Pickles as torchvision's 2017 files do: OrderedDict built from [key, value] lists, tensors by
    torch._utils._rebuild_tensor (before _v2 existed)."""

    def __init__(self, sd):
        self.sd = sd

    def __reduce__(self):
        return collections.OrderedDict, ([[k, OldTensor(v)] for k, v in self.sd.items()],)


class OldTensor:
    def __init__(self, t):
        self.t = t

    def __reduce__(self):
        t = self.t
        return torch._utils._rebuild_tensor, (t.storage(), t.storage_offset(), tuple(t.size()), t.stride())


class RunsACommand:
    """Unpickling this calls os.system: what a weights reader must refuse."""

    def __reduce__(self):
        import os
        return os.system, ("touch " + SENTINEL,)


def write_hostile(path_legacy, path_zip):
    evil = pickle.dumps({"features.0.weight": RunsACommand()}, protocol=2)
    with open(path_legacy, "wb") as f:  # the legacy header of torch.save, then the hostile state dict
        for header in (0x1950A86A20F9469CFC6C, 1001,
                       {"protocol_version": 1001, "little_endian": True,
                        "type_sizes": {"short": 2, "int": 4, "long": 4}}):
            pickle.dump(header, f, protocol=2)
        f.write(evil)
        pickle.dump([], f, protocol=2)
    with zipfile.ZipFile(path_zip, "w", zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", evil)
        z.writestr("archive/version", "3\n")


vgg16 = layers(VGG16, SEED)
write_keras_h5(OUT + "vgg16-div16.h5", vgg16)
sd16 = torchvision_state_dict(vgg16)
torch.save(sd16, OUT + "vgg16-div16-legacy.pth", _use_new_zipfile_serialization=False)
torch.save(sd16, OUT + "vgg16-div16-zip.pth")
torch.save(Python2StyleStateDict(sd16), OUT + "vgg16-div16-legacy-2017-style.pth", _use_new_zipfile_serialization=False)
write_safetensors(OUT + "vgg16-div16-torchvision-names.safetensors",
                  {f"features.{i}.{p}": a for _, i, k, b in vgg16 for p, a in (("weight", k), ("bias", b))})
write_safetensors(OUT + "vgg16-div16-keras-names.safetensors",
                  {f"{name}.{p}": a for name, _, k, b in vgg16 for p, a in (("weight", k), ("bias", b))},
                  {"format": "pt"})
torch.save(torchvision_state_dict(layers(VGG19, SEED + 1)), OUT + "vgg19-div16-legacy.pth",
           _use_new_zipfile_serialization=False)
write_hostile(OUT + "hostile-os-system-legacy.pth", OUT + "hostile-os-system-zip.pth")
print("wrote fixtures")
