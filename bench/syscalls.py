#!/usr/bin/env python3
"""System calls per echo of ours and DCMTK's, client and server, counted by perf's syscall
tracepoints over a whole --repeat N run. Run through bench/syscalls.sh, which checks the tools.
A count per echo is (calls of the N-echo run - calls of a 1-echo run) / (N - 1), so that the
start-up and the association's set-up are left out, as in bench/compare.py."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import LONG_SERIES_JIT, Peer  # noqa: E402  (the same peers and options as the CPU comparison)

CALLS = ["read", "write", "recvfrom", "sendto", "poll", "ppoll", "select", "pselect6", "ioctl",
         "fcntl", "setsockopt", "sched_yield", "futex"]
NODELAY = {"TCP_NODELAY": "1"}


def perf_counts(argv, env=None, pid=None):
    """Runs argv under perf stat (or, with pid, counts that process while argv runs): {call: n}."""
    events = ",".join("syscalls:sys_enter_" + c for c in CALLS)
    cmd = ["perf", "stat", "-x", ",", "-e", events]
    cmd += ["-p", str(pid), "--"] if pid else ["--"]
    full_env = dict(os.environ)
    full_env.update(env or {})
    p = subprocess.run(cmd + argv, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    counts = {}
    for line in p.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2].startswith("syscalls:sys_enter_"):
            counts[fields[2][len("syscalls:sys_enter_"):]] = int(fields[0]) if fields[0].isdigit() else 0
    if p.returncode != 0 or not counts:
        raise RuntimeError("perf stat failed (%d): %s" % (p.returncode, p.stderr.strip()[-400:]))
    return counts


def per_echo(run, n):
    """{call: calls per echo}: the N-echo run's counts less the 1-echo run's, over N - 1."""
    many, one = run(n), run(1)
    return {c: (many.get(c, 0) - one.get(c, 0)) / (n - 1) for c in CALLS}


def table(title, dcmtk, ours):
    print("\n%s\n\n| system call | DCMTK, per echo | ours, per echo |\n|---|---:|---:|" % title)
    for c in CALLS:
        if abs(dcmtk[c]) >= 0.005 or abs(ours[c]) >= 0.005:
            print("| %s | %.2f | %.2f |" % (c, dcmtk[c], ours[c]))
    print("| **all of these** | **%.2f** | **%.2f** |" % (sum(dcmtk.values()), sum(ours.values())))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", required=True)
    ap.add_argument("-n", type=int, default=10000, help="echoes per run (default 10000)")
    args = ap.parse_args()
    ours = [os.path.join(args.root, "bin", "echoscu")]
    workdir = tempfile.mkdtemp(prefix="echoscu-syscalls-")
    same_jit = {"JAVA_OPTS": LONG_SERIES_JIT}  # every size with a long series' JIT options

    storescp = Peer("storescp TCP_NODELAY=1", ["storescp"], env=NODELAY, cwd=workdir)
    try:
        client = lambda cmd, env: lambda k: perf_counts(cmd + ["--repeat", str(k), "127.0.0.1", str(storescp.port)], env)
        d = per_echo(client(["echoscu"], NODELAY), args.n)
        o = per_echo(client(ours, same_jit), args.n)
        table("Client: echoscu --repeat %d against storescp (TCP_NODELAY=1), DCMTK's against ours" % args.n, d, o)

        echoscp = Peer("echoscp", [os.path.join(args.root, "bin", "echoscp")], cwd=workdir)
        try:
            served = lambda peer: lambda k: perf_counts(
                ["echoscu", "--repeat", str(k), "127.0.0.1", str(peer.port)], NODELAY, pid=peer.proc.pid)
            d = per_echo(served(storescp), args.n)
            o = per_echo(served(echoscp), args.n)
            table("Server: storescp (TCP_NODELAY=1) against our echoscp, serving DCMTK's echoscu --repeat %d"
                  % args.n, d, o)
        finally:
            echoscp.stop()
    finally:
        storescp.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
