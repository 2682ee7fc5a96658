#!/usr/bin/python3
# Makes color_match_fixture.json, the expected colour-matching matrices for ColorMatchingAgainstNumpyTest:
#   cd atelier-core/src/test/resources/image/color && /usr/bin/python3 make_color_match_fixture.py > color_match_fixture.json
# (Debian's python3-numpy 1.24 and python3-scipy 1.10). Independent of Atelier's code: numpy's Cholesky and
# inverse, and scipy's sqrtm (Schur method) for the matrix square roots.
import json

import numpy as np
import scipy.linalg

EPS = 1e-2  # ColorTransform.EPSILON


def image(width, height, seed):
    rng = np.random.default_rng(seed)
    base = rng.integers(40, 216, size=3)
    mix = rng.normal(0, 1, size=(3, 3))
    noise = rng.normal(0, 25, size=(height, width, 3)) @ mix.T / 2
    return np.clip(np.rint(base + noise), 0, 255).astype(np.uint8)  # H x W x 3, RGB


def moments(img):
    x = img.reshape(-1, 3).astype(np.float64)
    return x.mean(axis=0), np.cov(x, rowvar=False, bias=True)


def sqrtm(m):
    r = scipy.linalg.sqrtm(m)
    return np.real(r)


style = image(7, 5, 1)
content = image(4, 6, 2)
mu_s, cov_s = moments(style)
mu_c, cov_c = moments(content)
s = cov_s + EPS * np.eye(3)
c = cov_c + EPS * np.eye(3)

ls = np.linalg.cholesky(s)
lc = np.linalg.cholesky(c)
chol = lc @ np.linalg.inv(ls)

ws, qs = np.linalg.eigh(s)
wc, qc = np.linalg.eigh(c)
pca = (qc @ np.diag(np.sqrt(wc)) @ qc.T) @ np.linalg.inv(qs @ np.diag(np.sqrt(ws)) @ qs.T)

s_half = sqrtm(s)
s_half_inv = np.linalg.inv(s_half)
sym = s_half_inv @ sqrtm(s_half @ c @ s_half) @ s_half_inv


def recolour(a):
    x = style.reshape(-1, 3).astype(np.float64)
    return ((x - mu_s) @ a.T + mu_c).reshape(style.shape)


fixture = {
    "epsilon": EPS,
    "style": {"width": style.shape[1], "height": style.shape[0], "rgb": style.reshape(-1).tolist()},
    "content": {"width": content.shape[1], "height": content.shape[0], "rgb": content.reshape(-1).tolist()},
    "style_mean": mu_s.tolist(),
    "style_covariance": cov_s.tolist(),
    "content_mean": mu_c.tolist(),
    "content_covariance": cov_c.tolist(),
    "matrices": {"chol": chol.tolist(), "pca": pca.tolist(), "sym": sym.tolist()},
    "recoloured_first_pixel": {k: recolour(a)[0, 0].tolist() for k, a in
                               (("chol", chol), ("pca", pca), ("sym", sym))},
}
print("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in fixture.items()) + "\n}")
