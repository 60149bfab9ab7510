#!/usr/bin/env python3
"""Writes small revisitop-style ground-truth pickles for RevisitopPickleReaderTests (stdlib only).

The structure is that of gnd_roxford5k.pkl / gnd_rparis6k.pkl: a dict with 'imlist' and 'qimlist' (image
names without extension; files live in jpg/<name>.jpg) and 'gnd', one dict per query with 'bbx' (list of four
floats), 'easy', 'hard' and 'junk' (lists of 0-based int indices into imlist).

Run from this folder:  python3 make_revisitop_pickles.py
"""
import pickle
import sys
import types

GND = {
    "imlist": ["all_souls_000013", "all_souls_000026", "oxford_002985", "radcliffe_camera_000519", "bodleian_000107"],
    "qimlist": ["all_souls_000013_q", "radcliffe_camera_000519_q"],
    "gnd": [
        {"bbx": [136.5, 34.1, 648.5, 955.5], "easy": [0, 1], "hard": [4], "junk": [2]},
        {"bbx": [12.0, 8.25, 301.0, 222.75], "easy": [], "hard": [3], "junk": []},
    ],
}


def write_plain():
    # Protocol 2 is what Python 2 era files use; 5 is the newest (Python 3.8+), with framing and memo opcodes.
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        with open(f"gnd_tiny_p{protocol}.pkl", "wb") as f:
            pickle.dump(GND, f, protocol=protocol)


def write_numpy_like():
    """A pickle whose 'easy' list is a (fake) numpy array, to pin the reader's error message."""
    module = types.ModuleType("numpy.core.multiarray")

    def _reconstruct(*args):
        raise NotImplementedError

    _reconstruct.__module__ = "numpy.core.multiarray"
    _reconstruct.__qualname__ = "_reconstruct"
    module._reconstruct = _reconstruct
    # Stand-ins for numpy's packages, so pickle can name the reconstructor by reference without numpy installed.
    for name in ("numpy", "numpy.core"):
        sys.modules.setdefault(name, types.ModuleType(name))
    sys.modules["numpy.core.multiarray"] = module

    class FakeArray:
        def __reduce__(self):
            return (_reconstruct, ("ndarray", (0,), b"b"))

    gnd = dict(GND)
    gnd["gnd"] = [dict(GND["gnd"][0], easy=FakeArray()), GND["gnd"][1]]
    with open("gnd_tiny_numpy.pkl", "wb") as f:
        pickle.dump(gnd, f, protocol=2)


if __name__ == "__main__":
    write_plain()
    write_numpy_like()
