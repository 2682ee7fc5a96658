#!/usr/bin/env python3
"""JPEGs as phones write them: the same stored 40x24 picture (four flat coloured blocks and a white bar, so that
every rotation and mirror is told apart) with EXIF orientation 1..8, and for each the upright picture as PIL's
ImageOps.exif_transpose makes it, as PNG. Run from the project root (the folder above atelier-core/) (Debian's python3-pil):
    /usr/bin/python3 atelier-core/src/test/resources/image/exif/make_exif_fixtures.py
"""
from PIL import Image, ImageDraw, ImageOps

OUT = "atelier-core/src/test/resources/image/exif/"
im = Image.new("RGB", (40, 24), (0, 0, 0))
d = ImageDraw.Draw(im)
d.rectangle([0, 0, 19, 11], fill=(220, 30, 30))
d.rectangle([20, 0, 39, 11], fill=(30, 200, 40))
d.rectangle([0, 12, 19, 23], fill=(30, 40, 210))
d.rectangle([20, 12, 39, 23], fill=(230, 220, 40))
d.rectangle([0, 0, 7, 3], fill=(255, 255, 255))
for o in range(1, 9):
    exif = Image.Exif()
    exif[0x0112] = o
    path = f"{OUT}orientation-{o}.jpg"
    im.save(path, quality=95, subsampling=0, exif=exif.tobytes())
    ImageOps.exif_transpose(Image.open(path)).convert("RGB").save(f"{OUT}orientation-{o}-upright.png")
