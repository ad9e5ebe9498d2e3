"""Recording against a normal run of the same workload, in the same 'lab record' run.

Each run of 'lab record file-worker --env cri' prints two measured phases:
  recorded in N ms   the trace started and attached, the pod started, the exercise run, the pod
                     removed, the trace stopped and read, the calls named;
  proof run in N ms  the same pod and exercise without the trace, under the recorded profile, plus
                     the main process's status read and the recording's two proof commands.
The baseline does slightly more work than the exercise alone, so the ratio errs low by about the
cost of two execs. Medians over --runs runs (default 5).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

RECORDED = re.compile(r"recorded in (\d+) ms")
PROOF = re.compile(r"proof run \(.*\) in (\d+) ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, TESTCONTAINERS_RYUK_DISABLED="true")
    recorded, proof = [], []
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs):
            done = subprocess.run(["java", "-jar", "lab-kernel/target/lab.jar", "record", "file-worker", "--env", "cri",
                                   "--out", out], capture_output=True, text=True, env=env)
            if done.returncode != 0:
                sys.exit("lab record failed (exit %d):\n%s%s" % (done.returncode, done.stdout, done.stderr))
            recorded.append(int(RECORDED.search(done.stdout).group(1)))
            proof.append(int(PROOF.search(done.stdout).group(1)))
            print("run %d: recorded in %d ms, proof run in %d ms" % (run + 1, recorded[-1], proof[-1]), flush=True)
    r, p = statistics.median(recorded), statistics.median(proof)
    print()
    print("| figure (median of %d runs, cri) | ms |" % args.runs)
    print("|---|---|")
    print("| normal run: the pod and its exercise, no trace (baseline) | %.0f |" % p)
    print("| recording run: the same, under the trace | %.0f |" % r)
    print("| recording / normal | %.2f× (target ≤ 2×) |" % (r / p))


if __name__ == "__main__":
    main()
