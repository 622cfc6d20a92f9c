#!/usr/bin/env python3
"""Side-by-side benchmark: this echoscu/echoscp against DCMTK's echoscu, on loopback.

Run through bench/compare.sh, which checks the prerequisites first. Every comparison is made
in one run, on the same peer process, with DCMTK's tool and ours taking turns (the order
flips every round), so that the load other programs put on the machine falls on both alike.
Each figure is the median of the rounds; each ratio is ours / DCMTK's on those medians.
CPU per echo (scenarios 3 and 7) is user + system time from the kernel, with start-up (or the
association) subtracted: each round runs --repeat N and --repeat 1 of both, taking turns; both
clients and their peer are pinned to CPUs the same way (--placement: apart by default).
Wall times are whole processes, start to exit, as a user or a monitor sees them; echo rates
are echoes divided by that wall time. Peak memory is the peak resident set size
(the kernel's ru_maxrss) for clients and VmHWM from /proc for a server.
"""

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time



# The JIT options bin/.launch gives echoscu for --repeat 1000 and more, given to every size of a
# CPU-per-echo comparison so that the run of one echo subtracted starts the same JVM
LONG_SERIES_JIT = "-XX:CompileThresholdScaling=1 -XX:-BackgroundCompilation"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, proc, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError("peer exited before listening (exit code %s)" % proc.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("peer not listening on port %d after %.0f s" % (port, timeout))


class Peer:
    """A server on a free loopback port, stopped by its process id."""

    def __init__(self, name, argv_without_port, env=None, cwd=None):
        self.name = name
        self.port = free_port()
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.proc = subprocess.Popen(argv_without_port + [str(self.port)], env=full_env, cwd=cwd,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_listening(self.port, self.proc)
        # the probe connection above is a connection without association: let the peer settle
        time.sleep(0.2)

    def status(self, field):
        """A field of /proc/PID/status in KiB (VmHWM: peak resident set size; VmRSS: now)."""
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def run_client(argv, env=None):
    """Runs one client to its end: (wall seconds, peak RSS KiB, CPU seconds: user + system).
    Fails on a non-zero exit. The figures are the kernel's for that process (wait4)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        raise RuntimeError("%s exited with %d: %s" % (" ".join(argv), p.returncode,
                                                       err.decode(errors="replace").strip()[-500:]))
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def process_cpu(pid):
    """CPU seconds (user + system) a running process has used so far, its ended threads included."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def served(peer, argv, env=None):
    """Runs one client against peer; returns, as run_client does, (the client's wall seconds,
    its peak RSS KiB, the CPU seconds the peer spent on it)."""
    time.sleep(0.2)  # the peer's thread for the client before has ended
    before = process_cpu(peer.proc.pid)
    wall, rss, _ = run_client(argv, env)
    time.sleep(0.2)
    return wall, rss, process_cpu(peer.proc.pid) - before


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def alternate(rounds, a, b):
    """Runs a() and b() rounds times each, strictly in turn (a b a b ...), so that a drift of
    the machine's speed moves both alike; returns both result lists."""
    ra, rb = [], []
    for _ in range(rounds):
        ra.append(a())
        rb.append(b())
    return ra, rb


def per_echo(rounds, n, a, b, warm=2000):
    """CPU per echo of two commands: a(k) and b(k) run k echoes and return their CPU seconds
    (or a run_client result). Each round runs a(n), b(n), a(warm), b(warm), a(1), b(1), in that
    order. Returns, for a then b, microseconds per echo with start-up subtracted ((median of
    the n runs - median of the 1 runs) / (n - 1)) and in the steady state ((n runs - warm
    runs) / (n - warm): the JVM's warm-up, its compiles, left out too); then the two lists of
    n-echo results, for their wall times; then the median CPU seconds of a's and b's 1-echo
    runs (the start-up subtracted, shown so that a change cannot move cost into it unseen);
    then the median wall seconds of those 1-echo runs (None where a(k) gives CPU seconds only)."""
    runs = {(w, k): [] for w in "ab" for k in (n, warm, 1)}
    for _ in range(rounds):
        for k in (n, warm, 1):
            runs[("a", k)].append(a(k))
            runs[("b", k)].append(b(k))
    cpu = lambda w, k: median([x if isinstance(x, float) else x[2] for x in runs[(w, k)]])
    started = lambda w: (cpu(w, n) - cpu(w, 1)) / (n - 1) * 1e6
    steady = lambda w: (cpu(w, n) - cpu(w, warm)) / (n - warm) * 1e6
    # wall seconds of the 1-echo runs, for a rate with start-up subtracted (None for a server's CPU)
    wall1 = lambda w: None if isinstance(runs[(w, 1)][0], float) else median([x[0] for x in runs[(w, 1)]])
    return (started("a"), steady("a"), started("b"), steady("b"), runs[("a", n)], runs[("b", n)],
            cpu("a", 1), cpu("b", 1), wall1("a"), wall1("b"))


def machine(root, java):
    info = {}
    info["nproc"] = str(os.cpu_count())
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info["cpu"] = model
    info["kernel"] = platform.release()
    try:
        v = subprocess.run([java, "-version"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        info["java"] = v.stderr.decode().splitlines()[1].strip()
    except (OSError, IndexError):
        info["java"] = "?"
    try:
        d = subprocess.run(["echoscu", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        info["dcmtk"] = d.stdout.decode().splitlines()[0].strip()
    except (OSError, IndexError):
        info["dcmtk"] = "?"
    info["cds"] = "yes" if os.path.isdir(os.path.join(root, "target", "archive")) else "no"
    info["load"] = " ".join(open("/proc/loadavg").read().split()[:3])
    return info


def fmt_ms(s):
    return "%.1f ms" % (s * 1000)


def fmt_rate(r):
    return "%.0f/s" % r


def fmt_mib(kib):
    return "%.1f MiB" % (kib / 1024.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="the project directory (bench/compare.sh passes it)")
    ap.add_argument("--runs", type=int, default=5, help="rounds per scenario (default 5; one echo: 4x this)")
    ap.add_argument("--repeat", type=int, default=10000, help="echoes on one association (default 10000)")
    ap.add_argument("--dcmtk-stalled-repeat", type=int, default=100,
                    help="DCMTK's echoes against the default storescp, where each costs two 40 ms stalls "
                         "(default 100; rates are compared)")
    ap.add_argument("--scp-echoes", type=int, default=20000,
                    help="echoes per echoscp load round, shared among the clients, each client doing at least "
                         "--scp-min-per-client (default 20000)")
    ap.add_argument("--scp-min-per-client", type=int, default=1000,
                    help="echoes each load client does at least, so its own start-up does not dominate "
                         "(default 1000)")
    ap.add_argument("--only", default="", help="comma-separated scenario numbers to run (default all)")
    ap.add_argument("--placement", choices=["apart", "together", "free"], default="apart",
                    help="scenarios 3 and 7: the peer on CPU 0 and the client on CPU 1 (apart, the "
                         "default), both on CPU 0 (together), or wherever the scheduler puts them (free)")
    args = ap.parse_args()

    root = args.root
    ours = [os.path.join(root, "bin", "echoscu")]
    ours_scp = [os.path.join(root, "bin", "echoscp")]
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    only = set(s.strip() for s in args.only.split(",") if s.strip())
    workdir = tempfile.mkdtemp(prefix="echoscu-bench-")
    nodelay = {"TCP_NODELAY": "1"}

    # Where the client runs beside its peer decides what an echo costs: on this kind of virtual
    # machine a wake-up on another CPU costs more than the peer's work, and DCMTK's two small
    # processes land together or apart from run to run (27.9 against 47.1 us per echo, whole runs
    # apart), where our JVM, with threads of its own, mostly lands apart. So scenarios 3 and 7 pin
    # both sides, the same for DCMTK's and for ours (taskset), unless told otherwise.
    def placed(argv, side):
        if args.placement == "free" or not shutil.which("taskset") or (os.cpu_count() or 1) < 2:
            return argv
        cpu = 1 if side == "client" and args.placement == "apart" else 0
        return ["taskset", "-c", str(cpu)] + argv

    info = machine(root, java)
    print("# echoscu benchmark: ours against DCMTK on loopback", flush=True)
    print("machine: %s CPU(s), %s, kernel %s" % (info["nproc"], info["cpu"], info["kernel"]))
    print("java: %s (CDS archive: %s)" % (info["java"], info["cds"]))
    print("dcmtk: %s" % info["dcmtk"])
    print("rounds: %d per scenario, alternating; load average at start: %s" % (args.runs, info["load"]))
    print("placement (scenarios 3 and 7): %s" % args.placement)
    print(flush=True)

    rows = []  # (scenario, dcmtk, ours, ratio, target, met)
    notes = []

    def want(n):
        return not only or str(n) in only

    def progress(msg):
        print("  ... " + msg, file=sys.stderr, flush=True)

    try:
        # 1. One echo, whole process, against DCMTK storescp as Debian starts it (no TCP_NODELAY).
        if want(1) or want(5):
            peer = Peer("storescp", ["storescp"], cwd=workdir)
            try:
                progress("1: one echo against the default storescp")
                rounds = max(3, args.runs * 4)
                d, o = alternate(rounds,
                                 lambda: run_client(["echoscu", "127.0.0.1", str(peer.port)]),
                                 lambda: run_client(ours + ["127.0.0.1", str(peer.port)]))
                dw, ow = median([x[0] for x in d]), median([x[0] for x in o])
                ratio = ow / dw
                if want(1):
                    rows.append(("1 one echo, start to exit, default storescp (wall time)", fmt_ms(dw), fmt_ms(ow),
                                 "%.2f" % ratio, "<= 0.8", ratio <= 0.8))
                dm, om = median([x[1] for x in d]), median([x[1] for x in o])
                omax = max(x[1] for x in o)
                if want(5) or want(1):
                    rows.append(("5 peak resident memory of one echo (median; ours max %s)" % fmt_mib(omax),
                                 fmt_mib(dm), fmt_mib(om), "%.2f" % (om / dm), "ours <= 48 MiB",
                                 omax <= 48 * 1024))
                notes.append("1/5: %d rounds each" % rounds)

                # 2. --repeat against the same default storescp.
                if want(2):
                    progress("2: --repeat %d (DCMTK: %d) against the default storescp"
                             % (args.repeat, args.dcmtk_stalled_repeat))
                    n_d = args.dcmtk_stalled_repeat
                    d, o = alternate(args.runs,
                                     lambda: run_client(["echoscu", "--repeat", str(n_d), "127.0.0.1",
                                                         str(peer.port)]),
                                     lambda: run_client(ours + ["--repeat", str(args.repeat), "127.0.0.1",
                                                                str(peer.port)]))
                    dr = n_d / median([x[0] for x in d])
                    orate = args.repeat / median([x[0] for x in o])
                    rows.append(("2 --repeat %d, default storescp (echoes/s; DCMTK ran %d)"
                                 % (args.repeat, n_d), fmt_rate(dr), fmt_rate(orate),
                                 "%.0f" % (orate / dr), ">= 500", orate / dr >= 500))
            finally:
                peer.stop()

        # 3. --repeat against storescp with TCP_NODELAY=1 (DCMTK's echoscu with it too): rate,
        #    and CPU per echo with start-up subtracted (the runs of one echo, taking turns too).
        if want(3):
            peer = Peer("storescp TCP_NODELAY=1", placed(["storescp"], "peer"), env=nodelay, cwd=workdir)
            try:
                progress("3: --repeat %d against storescp with TCP_NODELAY=1" % args.repeat)
                # bin/.launch compiles later for fewer than 1,000 echoes, and in the foreground from
                # 1,000 on: ours runs every size with a long series' options (the JVM's usual
                # thresholds, foreground compiles), so that what is subtracted is the same JVM's start
                same_jit = {"JAVA_OPTS": LONG_SERIES_JIT}
                dcpu, dsteady, ocpu, osteady, d, o, dstart, ostart, dwall1, owall1 = per_echo(
                    args.runs, args.repeat,
                    lambda k: run_client(placed(["echoscu", "--repeat", str(k), "127.0.0.1", str(peer.port)],
                                                "client"), env=nodelay),
                    lambda k: run_client(placed(ours + ["--repeat", str(k), "127.0.0.1", str(peer.port)], "client"),
                                         env=same_jit))
                dr = args.repeat / median([x[0] for x in d])
                orate = args.repeat / median([x[0] for x in o])
                rows.append(("3 --repeat %d, storescp TCP_NODELAY=1 (echoes/s)" % args.repeat,
                             fmt_rate(dr), fmt_rate(orate), "%.2f" % (orate / dr), ">= 1.0", orate / dr >= 1.0))
                # the rate of the echoes themselves: each process's start (a run of one echo, in
                # turn with the rest) taken off its wall time, as it is off the CPU below
                dr1 = (args.repeat - 1) / (median([x[0] for x in d]) - dwall1)
                or1 = (args.repeat - 1) / (median([x[0] for x in o]) - owall1)
                rows.append(("3 the same, echoes/s with start-up subtracted (wall of --repeat 1 taken off)",
                             fmt_rate(dr1), fmt_rate(or1), "%.2f" % (or1 / dr1), ">= 1.0", or1 / dr1 >= 1.0))
                rows.append(("3 the same, CPU per echo (user + system, start-up subtracted)",
                             "%.1f us" % dcpu, "%.1f us" % ocpu, "%.2f" % (ocpu / dcpu), "<= 1.0",
                             ocpu / dcpu <= 1.0))
                rows.append(("3 the same, CPU per echo in the steady state (echoes 2001 to %d)" % args.repeat,
                             "%.1f us" % dsteady, "%.1f us" % osteady, "%.2f" % (osteady / dsteady), "-", None))
                rows.append(("3 the start-up subtracted: CPU of --repeat 1 with the same JVM options",
                             fmt_ms(dstart), fmt_ms(ostart), "%.2f" % (ostart / dstart), "-", None))
            finally:
                peer.stop()

        # 7. echoscp serving DCMTK's echoscu (TCP_NODELAY=1), beside DCMTK's storescp serving the
        #    same client: the server's CPU per echo with the association's subtracted.
        if want(7):
            storescp = Peer("storescp TCP_NODELAY=1", placed(["storescp"], "peer"), env=nodelay, cwd=workdir)
            echoscp = Peer("echoscp", placed(ours_scp, "peer"), cwd=workdir)
            try:
                progress("7: our echoscp and DCMTK's storescp serving DCMTK's echoscu --repeat %d" % args.repeat)
                client = lambda peer, k: placed(["echoscu", "--repeat", str(k), "127.0.0.1", str(peer.port)], "client")
                dcpu, dsteady, ocpu, osteady, d, o, _, _, dwall1, owall1 = per_echo(args.runs, args.repeat,
                                            lambda k: served(storescp, client(storescp, k), nodelay),
                                            lambda k: served(echoscp, client(echoscp, k), nodelay))
                # the same client both ways, so its start is the same: the whole run's rate is fair
                # here, and the one with start-up subtracted shows the echoes alone
                dwall, owall = median([x[0] for x in d]), median([x[0] for x in o])
                rows.append(("7 DCMTK's echoscu --repeat %d served by storescp TCP_NODELAY=1 vs echoscp (echoes/s)"
                             % args.repeat, fmt_rate(args.repeat / dwall), fmt_rate(args.repeat / owall),
                             "%.2f" % (dwall / owall), ">= 1.0", dwall >= owall))
                rows.append(("7 the same, echoes/s with start-up subtracted (wall of --repeat 1 taken off)",
                             fmt_rate((args.repeat - 1) / (dwall - dwall1)),
                             fmt_rate((args.repeat - 1) / (owall - owall1)),
                             "%.2f" % ((dwall - dwall1) / (owall - owall1)), ">= 1.0",
                             dwall - dwall1 >= owall - owall1))
                rows.append(("7 server CPU per echo, DCMTK's echoscu --repeat %d (storescp TCP_NODELAY=1 "
                             "vs echoscp)" % args.repeat, "%.1f us" % dcpu, "%.1f us" % ocpu,
                             "%.2f" % (ocpu / dcpu), "<= 1.0", ocpu / dcpu <= 1.0))
                rows.append(("7 the same, server CPU per echo in the steady state (echoes 2001 to %d)"
                             % args.repeat, "%.1f us" % dsteady, "%.1f us" % osteady,
                             "%.2f" % (osteady / dsteady), "-", None))
            finally:
                storescp.stop()
                echoscp.stop()

        # 4. --repeat against our own echoscp.
        if want(4):
            peer = Peer("echoscp", ours_scp, cwd=workdir)
            try:
                progress("4: --repeat %d against our echoscp" % args.repeat)
                d, o = alternate(args.runs,
                                 lambda: run_client(["echoscu", "--repeat", str(args.repeat), "127.0.0.1",
                                                     str(peer.port)]),
                                 lambda: run_client(ours + ["--repeat", str(args.repeat), "127.0.0.1",
                                                            str(peer.port)]))
                dr = args.repeat / median([x[0] for x in d])
                orate = args.repeat / median([x[0] for x in o])
                rows.append(("4 --repeat %d, our echoscp (echoes/s)" % args.repeat,
                             fmt_rate(dr), fmt_rate(orate), "%.2f" % (orate / dr), "-", None))
            finally:
                peer.stop()

        # 6. echoscp under load: N concurrent DCMTK echoscu clients (light C processes, TCP_NODELAY=1).
        scp_rows = []
        if want(6):
            for clients in (1, 8, 64):
                progress("6: echoscp with %d concurrent clients" % clients)
                per = max(args.scp_min_per_client, args.scp_echoes // clients)
                rates, hwms, idles = [], [], []
                for _ in range(args.runs):
                    peer = Peer("echoscp", ours_scp, cwd=workdir)
                    try:
                        idles.append(peer.status("VmRSS"))
                        start = time.perf_counter()
                        procs = [subprocess.Popen(["echoscu", "--repeat", str(per), "127.0.0.1", str(peer.port)],
                                                  env=dict(os.environ, **nodelay), stdout=subprocess.DEVNULL,
                                                  stderr=subprocess.PIPE) for _ in range(clients)]
                        failed = 0
                        for p in procs:
                            p.wait()
                            failed += p.returncode != 0
                        wall = time.perf_counter() - start
                        if failed:
                            raise RuntimeError("%d of %d clients failed against echoscp" % (failed, clients))
                        rates.append(per * clients / wall)
                        hwms.append(peer.status("VmHWM"))
                    finally:
                        peer.stop()
                scp_rows.append((clients, per, median(rates), median(idles), median(hwms), max(hwms)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print("| scenario | DCMTK echoscu | ours | ours / DCMTK | target | met |")
    print("|---|---:|---:|---:|---|---|")
    for name, d, o, ratio, target, met in rows:
        print("| %s | %s | %s | %s | %s | %s |" % (name, d, o, ratio, target,
                                                   "-" if met is None else ("yes" if met else "**no**")))
    if scp_rows:
        print()
        print("| echoscp, concurrent DCMTK echoscu clients (TCP_NODELAY=1) | echoes per client | echoes/s "
              "| RSS idle | peak RSS (median) | peak RSS (max) |")
        print("|---|---:|---:|---:|---:|---:|")
        for clients, per, rate, idle, hwm, hwm_max in scp_rows:
            print("| %d | %d | %s | %s | %s | %s |" % (clients, per, fmt_rate(rate), fmt_mib(idle), fmt_mib(hwm),
                                                      fmt_mib(hwm_max)))
    print()
    for n in notes:
        print("note: " + n)
    print("load average at end: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
