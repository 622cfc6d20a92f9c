#!/usr/bin/env python3
"""echoscu-exporter against Debian's prometheus-blackbox-exporter (tcp_connect), on the same
echoscp port, driven by ApacheBench (ab -k -c 16), the two alternated run by run (A B A B ...).
Prints probes per second, the exporter process's CPU per probe (utime+stime from /proc), its
resident memory, then ours under 100,000 probes over 1,000 distinct targets (RSS at 50,000 and
100,000). See docs/PERFORMANCE.md, "echoscu-exporter"."""
import argparse, http.client, os, re, socket, subprocess, sys, tempfile, threading, time

TICK = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, limit=30):
    end = time.time() + limit
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"nothing listens on {port}")


def cpu_seconds(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / TICK


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_echoscp(root):
    """Our echoscp on a free loopback port: (process, port)."""
    port = free_port()
    return subprocess.Popen([f"{root}/bin/echoscp", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL), port


def start_exporter(root, tmp):
    """bin/echoscu-exporter with one module, echo (5 s), on a free loopback port, its log in
    tmp: (process, port)."""
    port = free_port()
    open(f"{tmp}/ours.yml", "w").write("modules:\n  echo:\n    timeout: 5s\n")
    return subprocess.Popen([f"{root}/bin/echoscu-exporter", f"--config.file={tmp}/ours.yml",
                             f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
                            stdout=subprocess.DEVNULL, stderr=open(f"{tmp}/ours.log", "w")), port


def ab(url, n, c):
    out = subprocess.run(["ab", "-k", "-q", "-c", str(c), "-n", str(n), url], capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    # answers differ in length (a probe's durations), which ab counts as "Length" failures: not counted
    m = re.search(r"Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)", out)
    failed = sum(int(x) for x in m.groups()) if m else 0
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return rps, failed + (int(non2xx.group(1)) if non2xx else 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("-n", type=int, default=20000, help="probes per run")
    ap.add_argument("--memory-probes", type=int, default=100000)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="bench-exporter")
    procs = []
    try:
        scp, scp_port = start_echoscp(a.root)
        procs.append(scp)
        bb_port = free_port()
        open(f"{tmp}/blackbox.yml", "w").write("modules:\n  tcp_connect:\n    prober: tcp\n    timeout: 5s\n")
        bb = subprocess.Popen(["prometheus-blackbox-exporter", f"--config.file={tmp}/blackbox.yml",
                               f"--web.listen-address=127.0.0.1:{bb_port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        procs.append(bb)
        ours, ours_port = start_exporter(a.root, tmp)
        procs.append(ours)
        for p in (scp_port, bb_port, ours_port):
            wait_port(p)
        rows = {
            "ours (echo: associate, C-ECHO, release)": (ours.pid,
                f"http://127.0.0.1:{ours_port}/probe?target=127.0.0.1:{scp_port}&module=echo"),
            "blackbox_exporter (tcp_connect)": (bb.pid,
                f"http://127.0.0.1:{bb_port}/probe?target=127.0.0.1:{scp_port}&module=tcp_connect"),
        }
        for name, (pid, url) in rows.items():  # warm-up: the JIT, the pools
            ab(url, 5000, 16)
        results = {name: [] for name in rows}
        order = list(rows)
        for r in range(a.rounds):
            for name in (order if r % 2 == 0 else order[::-1]):
                pid, url = rows[name]
                time.sleep(1)
                c0 = cpu_seconds(pid)
                rps, bad = ab(url, a.n, 16)
                cpu = cpu_seconds(pid) - c0
                results[name].append((rps, cpu / a.n * 1e6, bad, rss_mib(pid)))
                print(f"round {r + 1} {name}: {rps:.0f} probes/s, {cpu / a.n * 1e6:.0f} us CPU/probe, "
                      f"{bad} failed, RSS {rss_mib(pid):.0f} MiB", flush=True)
        print("\n| exporter | probes/s (median) | CPU per probe (median) | failed | RSS after |")
        print("|---|---|---|---|---|")
        med = {}
        for name, rs in results.items():
            rps = sorted(x[0] for x in rs)[len(rs) // 2]
            cpu = sorted(x[1] for x in rs)[len(rs) // 2]
            med[name] = (rps, cpu)
            print(f"| {name} | {rps:.0f} | {cpu:.0f} us | {sum(x[2] for x in rs)} | {rs[-1][3]:.0f} MiB |")
        o, b = med[order[0]], med[order[1]]
        print(f"\nours / blackbox: throughput {o[0] / b[0]:.2f} x, CPU per probe {o[1] / b[1]:.2f} x")
        if a.memory_probes:
            memory(ours.pid, ours_port, scp_port, a.memory_probes)
        print("\nload:", open("/proc/loadavg").read().strip())
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(10)


def memory(pid, port, scp_port, total):
    """total probes over 1,000 distinct targets (called AE titles T0..T999), 16 at a time."""
    done = [0]
    lock = threading.Lock()
    marks = {}

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                i = done[0]
                if i >= total:
                    return
                done[0] += 1
                if i in (total // 2, total - 1):
                    marks[i] = rss_mib(pid)
            conn.request("GET", f"/probe?module=echo&target=T{i % 1000}%40127.0.0.1%3A{scp_port}")
            body = conn.getresponse().read()
            if b"probe_success 1" not in body:
                print("failed probe:", body[:200])

    start = time.time()
    ts = [threading.Thread(target=worker) for _ in range(16)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    time.sleep(1)
    print(f"\n{total} probes over 1,000 targets in {time.time() - start:.0f} s: RSS at {total // 2}: "
          f"{marks.get(total // 2, 0):.0f} MiB, at {total}: {rss_mib(pid):.0f} MiB; threads "
          f"{len(os.listdir(f'/proc/{pid}/task'))}, fds {len(os.listdir(f'/proc/{pid}/fd'))}")


if __name__ == "__main__":
    main()
