#!/usr/bin/python3
"""PyTorch side of issue 6 §6: training-step time of the student's architecture in PyTorch.

torchvision's MobileNetV2 (width 1.4, random init, nothing downloaded) cut before the classifier, then the
student's head: 1×1 conv 1792→512 (no bias) → ReLU → GeM (p = 3, trainable) → L2N. One step is what
bench/RetrievalService.TrainBench times: zero_grad, forward, ½‖f − t‖² (mean over the batch), backward,
Adam with the trainer's groups and rates. Same options, statistics and JSON shape as the C# bench;
bench/train-step/run.sh runs both.

--batchnorm frozen (default, the issue's wording): BN modules in eval mode, affine parameters trainable, as
the trainer's BN freezing does. --batchnorm folded: no BN, convs carry a bias, which is exactly the imported
TFJS graph (TF folded BN into the conv biases), so its parameter count must equal the TorchSharp student's.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn.functional as F
import torchvision
from torch import nn

# TrainingOptions' defaults (src/RetrievalService.Training/Loop/TrainingOptions.cs) and StudentOptimizer's Adam.
BACKBONE_RATE, HEAD_RATE, GEM_RATE_FACTOR, WEIGHT_DECAY = 1e-5, 1e-3, 10, 1e-6
EMBEDDING_DIMENSION = 512


class GeM(nn.Module):
    """Generalised mean pooling with a trainable exponent, as the student's ONNX graph (Clip, Pow, mean, Pow)."""

    def __init__(self, p=3.0, eps=1e-6):
        super().__init__()
        self.p = nn.Parameter(torch.tensor(p))
        self.eps = eps

    def forward(self, x):
        return x.clamp(min=self.eps).pow(self.p).mean(dim=(2, 3)).pow(1.0 / self.p)


class Student(nn.Module):
    def __init__(self, batchnorm):
        super().__init__()
        self.backbone = torchvision.models.mobilenet_v2(weights=None, width_mult=1.4).features
        if batchnorm == "folded":
            fold_batchnorm(self.backbone)
        self.head = nn.Conv2d(1792, EMBEDDING_DIMENSION, 1, bias=False)
        self.gem = GeM()

    def forward(self, image):
        # The ONNX graph takes RGB 0..255 and scales to -1..1 itself; do the same work here.
        x = self.backbone(image * (2 / 255) - 1)
        return F.normalize(self.gem(F.relu(self.head(x))), p=2, dim=1)


def fold_batchnorm(module):
    """Replaces every Conv2d → BatchNorm2d pair by one Conv2d with a bias, the shape of the TFJS graph."""
    for sequence in [m for m in module.modules() if isinstance(m, nn.Sequential)]:
        names = list(sequence._modules)
        for conv_name, norm_name in zip(names, names[1:]):
            conv, norm = sequence._modules[conv_name], sequence._modules[norm_name]
            if isinstance(conv, nn.Conv2d) and isinstance(norm, nn.BatchNorm2d):
                sequence._modules[conv_name] = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size,
                                                         conv.stride, conv.padding, conv.dilation, conv.groups, bias=True)
                sequence._modules[norm_name] = nn.Identity()


def train_mode_with_frozen_batchnorm(model):
    """train(), then BN back to eval: running statistics are used and never updated; affine stays trainable."""
    model.train()
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.eval()


def optimizer_for(model):
    """StudentOptimizer's groups: backbone at the base rate, head at its own rate, GeM p at 10× without decay."""
    groups = [
        {"params": list(model.backbone.parameters()), "lr": BACKBONE_RATE, "weight_decay": WEIGHT_DECAY},
        {"params": list(model.head.parameters()), "lr": HEAD_RATE, "weight_decay": WEIGHT_DECAY},
        {"params": [model.gem.p], "lr": BACKBONE_RATE * GEM_RATE_FACTOR, "weight_decay": 0.0},
    ]
    # foreach=False: TorchSharp's Adam updates one parameter at a time, and 1.13 picks the same on CPU anyway.
    return torch.optim.Adam(groups, lr=BACKBONE_RATE, betas=(0.9, 0.999), eps=1e-8, foreach=False)


def parameter_counts(model):
    def count(parameters):
        return sum(p.numel() for p in parameters if p.requires_grad)

    backbone, head, gem = count(model.backbone.parameters()), count(model.head.parameters()), count([model.gem.p])
    batchnorm = count(p for m in model.modules() if isinstance(m, nn.BatchNorm2d) for p in m.parameters())
    return {"trainable": backbone + head + gem, "backbone": backbone, "head": head, "gem": gem, "batchNormAffine": batchnorm}


def step(model, optimizer, image, target):
    # set_to_none=False: TorchSharp's managed optimizers zero the gradients in place.
    optimizer.zero_grad(set_to_none=False)
    loss = (0.5 * (model(image) - target).pow(2).sum(dim=1)).mean()
    loss.backward()
    value = loss.item()
    if not torch.isfinite(torch.tensor(value)):
        raise RuntimeError(f"the loss is {value}; the benchmark's data or rates are broken")
    optimizer.step()
    return value


def quantile(sorted_values, q):
    """Linear interpolation (NumPy's default), as StepStatistics in the C# bench."""
    position = q * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)


def run(args, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(args.seed)
    model = Student(args.batchnorm)
    optimizer = optimizer_for(model)
    train_mode_with_frozen_batchnorm(model)
    image = torch.rand(args.batch, 3, args.size, args.size).mul_(255)
    target = F.normalize(torch.randn(args.batch, EMBEDDING_DIMENSION), p=2, dim=1)
    step_ms, loss = [], float("nan")
    for index in range(args.warmup + args.iterations):
        start = time.perf_counter()
        loss = step(model, optimizer, image, target)
        if index >= args.warmup:
            step_ms.append((time.perf_counter() - start) * 1000)
    ordered = sorted(step_ms)
    median = quantile(ordered, 0.5)
    statistics = {
        "threads": threads, "steps": len(ordered), "medianMs": median, "p10Ms": quantile(ordered, 0.1),
        "p90Ms": quantile(ordered, 0.9), "meanMs": sum(ordered) / len(ordered),
        "imagesPerSecond": args.batch / (median / 1000), "finalLoss": loss, "stepMs": step_ms,
    }
    return statistics, parameter_counts(model)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batchnorm", choices=["frozen", "folded"], default="frozen")
    parser.add_argument("--json")
    return parser.parse_args()


def main():
    args = parse_arguments()
    # Eager CPU autograd never uses the inter-op pool; one thread keeps it from existing. It can only be set once.
    torch.set_num_interop_threads(1)
    results, parameters = [], None
    for threads in [int(t) for t in args.threads.split(",")]:
        print(f"pytorch_mnv2: {threads} thread(s), {args.warmup} warm-up + {args.iterations} timed steps", file=sys.stderr)
        statistics, parameters = run(args, threads)
        results.append(statistics)
    report = {
        "framework": "PyTorch", "version": torch.__version__, "torchvision": torchvision.__version__,
        "model": f"torchvision mobilenet_v2(width_mult=1.4).features, BN {args.batchnorm}, + student head",
        "batchNorm": args.batchnorm, "batch": args.batch, "size": args.size, "warmup": args.warmup,
        "iterations": args.iterations, "logicalCores": os.cpu_count(),
        "ompNumThreads": os.environ.get("OMP_NUM_THREADS", "(unset)"), "parameters": parameters, "results": results,
        "buildConfig": torch.__config__.show(),
    }
    print(f"PyTorch {torch.__version__} (BN {args.batchnorm}): batch {args.batch}, {args.size}×{args.size} px, "
          f"{parameters['trainable']:,} trainable parameters (backbone {parameters['backbone']:,}, head {parameters['head']:,}, "
          f"GeM p {parameters['gem']}; of them BN affine {parameters['batchNormAffine']:,}).\n")
    print("| Threads | Median ms/step | p10 ms | p90 ms | Images/s (median) |\n|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['threads']} | {r['medianMs']:.1f} | {r['p10Ms']:.1f} | {r['p90Ms']:.1f} | {r['imagesPerSecond']:.2f} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(report, file, indent=2)


if __name__ == "__main__":
    main()
