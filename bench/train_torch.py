#!/usr/bin/env python3
"""bench:train's PyTorch side: the same MLP, data, initial weights, loss and recipe as merge-to-mix's fine-tune.

Called by bench/train.bench.ts with a JSON file describing the prepared batch data (written there as raw
float32/int32 files). Prints one JSON line: samples/s, PyTorch version, threads, and the BLAS library
actually mapped into the process. Debian's python3-torch uses whatever provides libblas.so.3 (reference
BLAS by default; OpenBLAS when libopenblas0 is installed).
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def blas_library():
    try:
        with open("/proc/self/maps") as f:
            # the folder tells the implementation apart: blas/libblas.so.3 (reference) vs openblas-pthread/libblas.so.3
            libs = {"/".join(line.split()[-1].rsplit("/", 2)[-2:]) for line in f if "blas" in line.lower()}
        return ",".join(sorted(libs)) or "none mapped"
    except OSError:
        return "unknown"


def main():
    meta = json.load(open(sys.argv[1]))
    torch.set_num_threads(1)
    torch.manual_seed(meta["seed"])
    n, d, units = meta["n"], meta["inputSize"], meta["units"]
    x = torch.from_numpy(np.fromfile(meta["x"], dtype=np.float32).reshape(n, d))
    y = torch.from_numpy(np.fromfile(meta["labels"], dtype=np.int32).astype(np.int64))
    task = torch.from_numpy(np.fromfile(meta["tasks"], dtype=np.int32).astype(np.int64))
    mask = torch.from_numpy(np.fromfile(meta["mask"], dtype=np.float32).reshape(-1, units))
    theta = np.fromfile(meta["theta"], dtype=np.float32)

    widths = [d, *meta["hidden"], units]
    layers = [torch.nn.Linear(widths[i], widths[i + 1]) for i in range(len(widths) - 1)]
    at = 0
    with torch.no_grad():
        for lin, (fan_in, fan_out) in zip(layers, zip(widths, widths[1:])):
            # our layout stores kernels [in, out]; torch keeps weight [out, in]
            lin.weight.copy_(torch.from_numpy(theta[at:at + fan_in * fan_out].reshape(fan_in, fan_out).T.copy()))
            at += fan_in * fan_out
            lin.bias.copy_(torch.from_numpy(theta[at:at + fan_out]))
            at += fan_out
    mods = []
    for i, lin in enumerate(layers):
        mods.append(lin)
        if i < len(layers) - 1:
            mods.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*mods)
    params = [p for lin in (layers if meta["trainHead"] else layers[:-1]) for p in lin.parameters()]
    if not meta["trainHead"]:
        for p in layers[-1].parameters():
            p.requires_grad_(False)
    opt = torch.optim.Adam(params, lr=meta["learningRate"], eps=1e-7)
    out = {}
    for batch in meta["batches"]:
        def run(epochs):
            samples = 0
            for _ in range(epochs):
                perm = torch.randperm(n)
                for b in range(0, n, batch):
                    idx = perm[b:b + batch]
                    logits = model(x[idx]) + mask[task[idx]]
                    loss = F.cross_entropy(logits, y[idx])
                    opt.zero_grad(set_to_none=True)
                    loss.backward()
                    opt.step()
                    samples += len(idx)
            return samples
        run(1)  # warm-up
        best = 0.0
        for _ in range(meta["repeats"]):
            t0 = time.perf_counter()
            s = run(meta["epochs"])
            best = max(best, s / (time.perf_counter() - t0))
        out[str(batch)] = best
    print(json.dumps({"samplesPerSecond": out, "torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()}))


if __name__ == "__main__":
    main()
