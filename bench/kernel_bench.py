"""Measures Jupyter kernels the way a notebook uses them, with Debian's jupyter_client.

Each figure is the median over fresh kernel starts (--starts, at least 3). ipykernel runs in the
same process as the baseline. Prints a Markdown table and writes the raw numbers as JSON.
"""
import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lab-kernel" / "src" / "test" / "python"))
from kernel_harness import execute, reply_for, rss_kib, sync_iopub  # noqa: E402

LANGUAGE = {
    "python3": {"trivial": "1+1", "complete": ("import o", 8),
                "lines": "for i in range(10000):\n    print('line', i)",
                "display": "from IPython.display import display, HTML\ndisplay(HTML('<b>bold</b>'))"},
    "seccomp-lab": {"trivial": "1+1", "complete": ("System.out.pri", 14),
                    "lines": 'for (int i = 0; i < 10000; i++) System.out.println("line " + i);',
                    "display": 'Display.html("<b>bold</b>");'},
}


def one_start(kernel_name):
    code = LANGUAGE["seccomp-lab" if kernel_name.startswith("seccomp-lab") else kernel_name]
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    reply_for(kc, kc.kernel_info(), timeout=120)
    figures = {"start_to_kernel_info_ms": (time.perf_counter() - started) * 1000}
    sync_iopub(kc)

    t = time.perf_counter()
    execute(kc, code["trivial"], timeout=120)
    figures["first_execute_ms"] = (time.perf_counter() - t) * 1000

    warm = []
    for _ in range(50):
        t = time.perf_counter()
        execute(kc, code["trivial"])
        warm.append((time.perf_counter() - t) * 1000)
    figures["warm_execute_p50_ms"] = statistics.median(warm)

    # The session's first rich output: what a lesson's first table or chart costs.
    t = time.perf_counter()
    _, outputs = execute(kc, code["display"], timeout=120)
    figures["first_display_ms"] = (time.perf_counter() - t) * 1000
    if not any(m["msg_type"] == "display_data" for m in outputs):
        raise SystemExit(f"{kernel_name}: the display cell published no display_data")

    completions = []
    text, cursor = code["complete"]
    for _ in range(50):
        t = time.perf_counter()
        reply_for(kc, kc.complete(text, cursor), timeout=30)
        completions.append((time.perf_counter() - t) * 1000)
    figures["completion_p50_ms"] = statistics.median(completions)

    t = time.perf_counter()
    _, outputs = execute(kc, code["lines"], timeout=120)
    figures["10k_lines_ms"] = (time.perf_counter() - t) * 1000
    streams = [m for m in outputs if m["msg_type"] == "stream"]
    received = sum(m["content"]["text"].count("\n") for m in streams)
    figures["10k_lines_messages"] = len(streams)
    figures["10k_lines_lost"] = 10000 - received

    pid = km.provisioner.process.pid
    figures["rss_mib"] = rss_kib(pid) / 1024

    t = time.perf_counter()
    kc.shutdown()
    process = km.provisioner.process
    while process.poll() is None and time.perf_counter() - t < 120:
        time.sleep(0.005)
    figures["shutdown_to_exit_ms"] = (time.perf_counter() - t) * 1000
    kc.stop_channels()
    km.cleanup_resources()
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--kernels", nargs="+", default=["python3", "seccomp-lab", "seccomp-lab-java17"])
    parser.add_argument("--json", default="bench-results.json")
    args = parser.parse_args()
    if args.starts < 3:
        parser.error("--starts must be at least 3: figures are medians over fresh starts")

    results = {}
    for kernel in args.kernels:
        runs = [one_start(kernel) for _ in range(args.starts)]
        results[kernel] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        print(f"{kernel}: {json.dumps(results[kernel])}", file=sys.stderr, flush=True)
    Path(args.json).write_text(json.dumps({"starts": args.starts, "medians": results}, indent=2))

    rows = [
        ("start → kernel_info_reply", "start_to_kernel_info_ms", "{:.0f} ms"),
        ("first execute `1+1`", "first_execute_ms", "{:.0f} ms"),
        ("warm execute p50 (50 runs)", "warm_execute_p50_ms", "{:.1f} ms"),
        ("first rich display (HTML)", "first_display_ms", "{:.0f} ms"),
        ("completion p50 (50 runs)", "completion_p50_ms", "{:.1f} ms"),
        ("10,000 printed lines, until all arrived", "10k_lines_ms", "{:.0f} ms"),
        ("  stream messages for them", "10k_lines_messages", "{:.0f}"),
        ("  lines lost", "10k_lines_lost", "{:.0f}"),
        ("shutdown request → process exit", "shutdown_to_exit_ms", "{:.0f} ms"),
        ("RSS (kernel and its child processes)", "rss_mib", "{:.0f} MiB"),
    ]
    print(f"| figure (median of {args.starts} fresh starts) | " + " | ".join(args.kernels) + " |")
    print("|---|" + "---|" * len(args.kernels))
    for label, key, fmt in rows:
        print(f"| {label} | " + " | ".join(fmt.format(results[k][key]) for k in args.kernels) + " |")


if __name__ == "__main__":
    main()
