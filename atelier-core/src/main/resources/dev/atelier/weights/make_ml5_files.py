#!/usr/bin/env python3
"""Writes ml5-files.tsv: the pinned SHA-256 and size of every published file of the ml5 models Atelier knows.

Run from the project root (the folder above atelier-core/):
    /usr/bin/python3 atelier-core/src/main/resources/dev/atelier/weights/make_ml5_files.py ../shared/mirror \
        > atelier-core/src/main/resources/dev/atelier/weights/ml5-files.tsv

Input: MIRROR/SHA256SUMS (the SHA-256 of every published file, `HEX  PATH`, PATH as on raw.githubusercontent.com)
and the files copied under MIRROR/PATH. Size of a file: its mirrored copy's; else that of a mirrored file with the
same SHA-256 (0 for the empty file's); else, for a deeplearn.js variable file (raw little-endian float32), 4 x the product of its shape in
the style's manifest.json, provided that manifest has the SHA-256 of a mirrored one; else -1 (unknown).
"""
import hashlib
import json
import os
import sys

mirror = sys.argv[1]
entries = []
with open(os.path.join(mirror, "SHA256SUMS")) as sums:
    for line in sums:
        if line.strip():
            digest, path = line.split(None, 1)
            entries.append((digest, path.strip()))

size_of_digest = {hashlib.sha256(b"").hexdigest(): 0}
manifest_of_digest = {}
for digest, path in entries:
    local = os.path.join(mirror, path)
    if os.path.isfile(local):
        with open(local, "rb") as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() != digest:
            sys.exit(f"{local} does not match its SHA-256 in SHA256SUMS")
        size_of_digest[digest] = len(data)
        if path.endswith("/manifest.json"):
            manifest_of_digest[digest] = json.loads(data)

folder_manifest = {os.path.dirname(p): manifest_of_digest.get(d) for d, p in entries if p.endswith("/manifest.json")}

print("# The pinned SHA-256 and size (bytes, -1: unknown) of every published file of the ml5 models in Atelier's")
print("# catalogue; PATH is the file's path on https://raw.githubusercontent.com/. Generated, do not edit: from the")
print("# project root, /usr/bin/python3 atelier-core/src/main/resources/dev/atelier/weights/make_ml5_files.py ../shared/mirror \\")
print("#     > atelier-core/src/main/resources/dev/atelier/weights/ml5-files.tsv")
print("# SHA256\tSIZE\tPATH")
for digest, path in sorted(entries, key=lambda e: e[1]):
    size = size_of_digest.get(digest, -1)
    if size < 0:
        manifest = folder_manifest.get(os.path.dirname(path))
        name = os.path.basename(path)
        if manifest is not None:
            for variable in manifest.values():
                if variable["filename"] == name:
                    size = 4
                    for n in variable["shape"]:
                        size *= n
    print(f"{digest}\t{size}\t{path}")
