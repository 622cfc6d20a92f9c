#!/usr/bin/env python3
"""Where one echoscu run's time goes: the JVM's class-initialization log, with uptime stamps in
nanoseconds, read at the first class of each phase. Markers, not guesses: a phase ends when the
first class that only the next one uses is initialized, so each figure is the time from the
previous marker to this one. Initialization, not loading: a JDK 25 AOT cache loads its classes
at start, but each is still initialized at its first use, so the markers hold on JDK 17 and 25
alike (JAVA_HOME picks the JVM). The logging itself (-Xlog:class+init to a file) costs a little
on every class; the totals say how much.

  python3 bench/breakdown.py PORT [--tls KEY CERT CA TLSPORT] [--runs 15] [-- extra echoscu args]
"""

import argparse
import os
import re
import statistics
import subprocess
import tempfile

# (phase, the class whose initialization ends it); a marker missing from a run (no TLS) is skipped
PLAIN = [
    ("JVM start, to our main class", "org.echoscu.cli.EchoscuCommand"),
    ("option table and parsing", "org.echoscu.scu.EchoSettings"),
    ("TLS: JSSE and profile set-up", "org.echoscu.tls.KeyMaterial"),
    ("TLS: key, certificate, CA", "org.echoscu.tls.TrustMaterial"),
    ("settings (with TLS: trust manager, SSLContext)", "org.echoscu.scu.EchoScu"),
    ("logging set-up, the SCU's start", "org.echoscu.dul.UpperLayer"),
    ("association request built", "java.net.InetAddress"),
]
TLS_ONLY = {"org.echoscu.tls.KeyMaterial", "org.echoscu.tls.TrustMaterial"}
PLAIN += [
    ("the JDK's networking start, TCP connect (+ TLS handshake)", "org.echoscu.net.Transport"),
    ("A-ASSOCIATE-RQ to -AC", "org.echoscu.acse.Negotiated"),
    ("C-ECHO-RQ to -RSP", "org.echoscu.pdu.AReleaseRq"),
    ("A-RELEASE-RQ to -RP", "org.echoscu.scu.Outcome"),
    ("exit", "java.lang.Shutdown"),
]


def stamps(path):
    out = {}
    for line in open(path):
        m = re.match(r"\[(\d+)ns\] \d+ Initializing '([^']+)'", line)
        if m:
            out.setdefault(m.group(2).replace("/", "."), int(m.group(1)) / 1e6)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("port")
    ap.add_argument("--tls", nargs=4, metavar=("KEY", "CERT", "CA", "TLSPORT"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    argv = [os.path.join(root, "bin", "echoscu")] + a.extra
    argv += (["+tls", a.tls[0], a.tls[1], "+cf", a.tls[2], "127.0.0.1", a.tls[3]] if a.tls
             else ["127.0.0.1", a.port])
    deltas = {name: [] for name, _ in PLAIN}
    totals = []
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "classes.txt")
        for _ in range(a.runs):
            env = dict(os.environ, JAVA_OPTS="-Xlog:class+init=info:file=%s:uptimenanos" % log)
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            s = stamps(log)
            present = sorted((s[cls], name) for name, cls in PLAIN
                             if cls in s and (a.tls or cls not in TLS_ONLY))
            prev = 0.0
            for t, name in present:  # in the order they happened (TLS sets up before the SCU starts)
                deltas[name].append(t - prev)
                prev = t
            totals.append(prev)
    print("| phase (ends when this class is initialized), in the order they happen | median ms |")
    print("|---|---:|")
    for name, cls in PLAIN:
        if deltas[name]:
            print("| %s (`%s`) | %.1f |" % (name, cls.rsplit(".", 1)[1], statistics.median(deltas[name])))
    print("| **whole run, to the exit** | **%.1f** |" % statistics.median(totals))


if __name__ == "__main__":
    main()
