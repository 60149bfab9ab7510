#!/usr/bin/python3
"""Joins the per-run JSON files of bench/train-step/run.sh into one Markdown table and one JSON report."""
import argparse
import datetime
import json
import os


def load(raw, name):
    with open(os.path.join(raw, name), encoding="utf-8") as file:
        return json.load(file)


def cpu_model():
    with open("/proc/cpuinfo", encoding="utf-8") as file:
        return next((line.split(":", 1)[1].strip() for line in file if line.startswith("model name")), "unknown")


def timing(result):
    return f"{result['medianMs']:.0f} ({result['p10Ms']:.0f}–{result['p90Ms']:.0f})"


def rows(threads, runs):
    table = []
    for t in threads:
        ours, frozen, folded = (runs[key][t]["results"][0] for key in ("torchsharp", "frozen", "folded"))
        table.append({
            "threads": t, "torchSharp": ours, "pytorchBnFrozen": frozen, "pytorchBnFolded": folded,
            "ratioBnFrozen": ours["medianMs"] / frozen["medianMs"], "ratioBnFolded": ours["medianMs"] / folded["medianMs"],
        })
    return table


def markdown(args, facts, table, runs):
    first = table[0]["threads"]
    ours, frozen, folded = (runs[key][first]["parameters"]["trainable"] for key in ("torchsharp", "frozen", "folded"))
    lines = [
        f"Machine: {facts['nproc']} cores available, {facts['cpuModel']}. Load average (1/5/15 min) at start: "
        f"{facts['loadAverageStart']}, at end: {facts['loadAverageEnd']}; a loaded machine skews every cell.",
        f"TorchSharp {facts['torchSharp']} on libtorch {facts['libtorch']}; PyTorch {facts['pytorch']} (Debian python3-torch "
        f"{facts['debianPythonTorch']}), BLAS {facts['blas']}.",
        f"Trainable parameters: TorchSharp student {ours:,}; torchvision with BN frozen {frozen:,} (BN affine in place of conv "
        f"biases); with BN folded {folded:,}.",
        f"Date: {facts['date']}. Command: `{args.command}`. Cells: median ms per step (p10–p90).",
        "",
        "| Threads | TorchSharp ms/step | PyTorch ms/step (BN frozen) | Ratio TorchSharp / PyTorch | TorchSharp img/s | PyTorch img/s |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in table:
        lines.append(f"| {row['threads']} | {timing(row['torchSharp'])} | {timing(row['pytorchBnFrozen'])} | "
                     f"{row['ratioBnFrozen']:.2f} | {row['torchSharp']['imagesPerSecond']:.2f} | "
                     f"{row['pytorchBnFrozen']['imagesPerSecond']:.2f} |")
    lines += [
        "",
        "Same network as the imported TFJS graph (BN folded into conv biases):",
        "",
        "| Threads | PyTorch ms/step (BN folded) | Ratio TorchSharp / PyTorch | PyTorch img/s |",
        "|---:|---:|---:|---:|",
    ]
    for row in table:
        lines.append(f"| {row['threads']} | {timing(row['pytorchBnFolded'])} | {row['ratioBnFolded']:.2f} | "
                     f"{row['pytorchBnFolded']['imagesPerSecond']:.2f} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for option in ("raw", "threads", "load-start", "load-end", "nproc", "torchsharp", "libtorch", "debian-torch", "blas",
                   "command", "json", "markdown"):
        parser.add_argument(f"--{option}", required=True)
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]
    runs = {
        "torchsharp": {t: load(args.raw, f"torchsharp-{t}.json") for t in threads},
        "frozen": {t: load(args.raw, f"pytorch-frozen-{t}.json") for t in threads},
        "folded": {t: load(args.raw, f"pytorch-folded-{t}.json") for t in threads},
    }
    facts = {
        "date": datetime.date.today().isoformat(), "nproc": int(args.nproc), "cpuModel": cpu_model(),
        "loadAverageStart": args.load_start, "loadAverageEnd": args.load_end,
        "torchSharp": args.torchsharp, "libtorch": args.libtorch,
        "pytorch": runs["frozen"][threads[0]]["version"], "torchvision": runs["frozen"][threads[0]]["torchvision"],
        "debianPythonTorch": args.debian_torch, "blas": args.blas,
    }
    table = rows(threads, runs)
    report = {"command": args.command, "machine": facts, "rows": table,
              "runs": {key: [runs[key][t] for t in threads] for key in runs}}
    with open(args.json, "w", encoding="utf-8") as file:
        json.dump(report, file, indent=2, ensure_ascii=False)
    with open(args.markdown, "w", encoding="utf-8") as file:
        file.write(markdown(args, facts, table, runs))


if __name__ == "__main__":
    main()
