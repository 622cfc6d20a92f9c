#!/usr/bin/env python3
"""Soak of echoscu-exporter (issue 19): a steady rate of /probe requests (default 200 per second
for 600 s) against our echoscp on loopback, over 100 distinct called AE titles. Every 30 s it
samples the exporter's threads, open file descriptors and resident memory (from /proc); at the
end it prints the samples, the growth between the first sample after warm-up and the last, and
every probe that did not answer probe_success 1 (a live target must never fail).

    bench/exporter-soak.py                     # 200/s for 10 minutes
    bench/exporter-soak.py --rate 50 --seconds 60

Needs a build (mvn -B -q -DskipTests package). Results go to docs/PERFORMANCE.md."""
import argparse, http.client, os, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from exporter import rss_mib, start_echoscp, start_exporter, wait_port  # the one copy of these helpers


def sample(pid):
    return (len(os.listdir(f"/proc/{pid}/task")), len(os.listdir(f"/proc/{pid}/fd")), rss_mib(pid))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate", type=float, default=200, help="probes per second")
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--workers", type=int, default=16)
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not os.path.isdir(f"{root}/target/lib/exporter"):
        sys.exit(f"no build: run  (cd {root} && mvn -B -q -DskipTests package)  first")
    tmp = tempfile.mkdtemp(prefix="soak-exporter")
    procs = []
    try:
        scp, scp_port = start_echoscp(root)
        procs.append(scp)
        ours, port = start_exporter(root, tmp)
        procs.append(ours)
        wait_port(scp_port)
        wait_port(port)
        interval = a.workers / a.rate  # each worker sends one probe per interval, staggered
        start = time.time()
        end = start + a.seconds
        failures, sent = [], [0]
        lock = threading.Lock()

        def worker(k):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            due = start + k * interval / a.workers
            i = k
            while True:
                now = time.time()
                if due >= end:
                    return
                if due > now:
                    time.sleep(due - now)
                due += interval
                conn.request("GET", f"/probe?module=echo&target=SOAK{i % 100}%40127.0.0.1%3A{scp_port}")
                body = conn.getresponse().read()
                i += a.workers
                with lock:
                    sent[0] += 1
                    if b"probe_success 1" not in body:
                        failures.append(body[:300])

        ts = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(a.workers)]
        for t in ts:
            t.start()
        samples = []
        while time.time() < end:
            time.sleep(min(30, max(0, end - time.time())))
            samples.append((round(time.time() - start), *sample(ours.pid), sent[0]))
            print("t=%4d s  threads %3d  fds %3d  RSS %6.1f MiB  probes %d" % samples[-1], flush=True)
        for t in ts:
            t.join(35)
        elapsed = time.time() - start
        first = samples[1] if len(samples) > 2 else samples[0]  # the first 30 s warm the JIT and pools
        last = samples[-1]
        print(f"\n{sent[0]} probes in {elapsed:.0f} s ({sent[0] / elapsed:.0f}/s), {len(failures)} not successful")
        print(f"from t={first[0]} s to t={last[0]} s: threads {first[1]} -> {last[1]}, fds {first[2]} -> {last[2]}, "
              f"RSS {first[3]:.1f} -> {last[3]:.1f} MiB")
        for f in failures[:5]:
            print("failed:", f)
        print("load:", open("/proc/loadavg").read().strip())
        sys.exit(1 if failures else 0)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(10)


if __name__ == "__main__":
    main()
