#!/usr/bin/env python3
"""Start-up benchmark: one whole run of echoscu, measured against the floors beside it.

Run through bench/startup.sh, which checks the prerequisites. For each JVM it finds (the default
java, and a JDK 25 under /usr/lib/jvm when there is one) it measures, in one run and taking turns
round by round, so that other load on the machine falls on all alike:

  floor       a trivial class (bench/floor/Floor.java) with bin/.jvm's options and a start-up
              archive of its own of the same kind as ours (CDS before JDK 25, AOT cache after)
  connect floor  the same plus one TCP connection as echoscu opens it (ConnectFloor.java): the
              JDK's networking start, which every Java client pays and the floor does not
  lambda floor   the floor plus one lambda (LambdaFloor.java): on JDK 17 the Socket class links
              one before any TCP, so this is part of the connect floor there
  jsse-floor  bench/floor/JsseFloor.java: the JDK alone reads the same PEM key, certificate and
              CA and completes one TLS handshake with the same TLS peer (same options, its own
              archive of the same kind)
  ours        bin/echoscu with each command line of the start-up issue, launcher included
  dcmtk       DCMTK's echoscu against the same peers

Figures are medians over the rounds: wall time (start to exit), CPU time (user + system, of
the process and its children, from wait4) and peak RSS (ru_maxrss). Ratios are taken on medians
of the same run. The TLS peer is DCMTK's storescp +tls with TCP_NODELAY=1, on a throw-away
RSA-2048 PKI that openssl makes for the run.
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import Peer, free_port, machine, median, wait_listening  # noqa: E402


# A pause before every measured run: the peer of the run before (our echoscp above all, which
# still ends its association thread and compiles) would otherwise take a CPU from this one, and
# so from whichever row happens to follow an echo (up to 0.15 x the floor on 2 CPUs).
SETTLE = 0.1


def run(argv, env=None, expect=0):
    """One process to its end: (wall s, cpu s, peak RSS KiB)."""
    full = dict(os.environ)
    full.update(env or {})
    time.sleep(SETTLE)
    start = time.perf_counter()
    p = subprocess.Popen(argv, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if expect is not None and p.returncode != expect:
        raise RuntimeError("%s exited with %d: %s" % (" ".join(argv), p.returncode, err.strip()[-400:]))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def proc_cpu(pid):
    """User + system CPU seconds a live process has used so far (/proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_rows(java, env, floors, k, rounds, host):
    """echoscp over TLS: CPU per association of DCMTK's echoscu, against the JSSE server floor."""
    tls_client = ["+tls", k("client.key"), k("client.pem"), "+cf", k("ca.pem")]
    servers = []
    try:
        floor_port = free_port()
        floor = subprocess.Popen(floors.argv(java, "JsseFloorServer", [k("server.key"), k("server.pem"),
                                                                       k("ca.pem"), str(floor_port)], train=None,
                                             plain=True), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append(floor)
        wait_listening(floor_port, floor)
        ours = Peer("echoscp+tls", [os.path.join(floors.root, "bin", "echoscp"), "+tls", k("server.key"),
                                     k("server.pem"), "+cf", k("ca.pem")], env=env)
        servers.append(ours.proc)
        rows = {"floor": (floor.pid, floor_port, None), "ours": (ours.proc.pid, ours.port, 0)}
        got = {name: ([], []) for name in rows}
        for name, (pid, port, expect) in rows.items():
            for _ in range(3):  # warm-up: the server's classes loaded and compiled
                run(["echoscu"] + tls_client + [host, str(port)], None, expect)
        for r in range(rounds):
            for name in (["floor", "ours"] if r % 2 == 0 else ["ours", "floor"]):
                pid, port, expect = rows[name]
                before = proc_cpu(pid)
                wall, _, _ = run(["echoscu"] + tls_client + [host, str(port)], None, expect)
                got[name][0].append(wall)
                got[name][1].append(proc_cpu(pid) - before)
        # CPU: the mean over all associations (the ticks add up), not a median of a few ticks each
        fw, fc = median(got["floor"][0]), sum(got["floor"][1]) / rounds
        ow, oc = median(got["ours"][0]), sum(got["ours"][1]) / rounds
        print("| server side, per TLS association of DCMTK's `echoscu +tls` | client wall | server CPU | "
              "client wall / floor's | server CPU / floor's |")
        print("|---|---:|---:|---:|---:|")
        print("| JSSE server floor (JDK alone: one handshake, then close) | %.1f ms | %.1f ms | 1.00 | 1.00 |"
              % (fw * 1000, fc * 1000))
        print("| our `echoscp +tls` (handshake, association, echo, release) | %.1f ms | %.1f ms | %.2f | %.2f |"
              % (ow * 1000, oc * 1000, ow / fw, oc / fc if fc else float("nan")))
        print("(server CPU from /proc in clock ticks of %.0f ms, so the mean over %d associations each; "
              "client wall: median)" % (1000.0 / os.sysconf("SC_CLK_TCK"), rounds))
        print()
    finally:
        for p in servers:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


def jvm_options(root):
    out = subprocess.run(["sh", "-c", '. "$0/bin/.jvm"; printf %s "$jvm_options"', root],
                         stdout=subprocess.PIPE, check=True)
    return out.stdout.decode().split()


def feature(java):
    out = subprocess.run([java, "-XshowSettings:properties", "-version"], stderr=subprocess.PIPE,
                         stdout=subprocess.DEVNULL).stderr.decode()
    for line in out.splitlines():
        if line.strip().startswith("java.specification.version"):
            return int(line.split("=")[1].strip())
    return 0


class Floors:
    """The floor programs, compiled once, with a start-up archive per JVM and program."""

    def __init__(self, root, work):
        classes = os.path.join(work, "floor-classes")
        os.makedirs(classes)
        src = glob.glob(os.path.join(root, "bench", "floor", "*.java"))
        subprocess.run(["javac", "--release", "17", "-d", classes] + src, check=True)
        # a jar, as ours is: the JVM archives (CDS, AOT) no class of a directory on the class path
        self.dir = os.path.join(work, "floor")
        os.makedirs(self.dir)
        self.jar = os.path.join(self.dir, "floor.jar")
        with zipfile.ZipFile(self.jar, "w") as z:
            for c in glob.glob(os.path.join(classes, "*.class")):
                z.write(c, os.path.basename(c))
        self.options = jvm_options(root)
        self.root = root

    def argv(self, java, main, args, train=None, plain=False):
        """The floor's command line on this JVM, making its archive first (with train's args)."""
        if plain:  # a server never exits to dump an archive; what it costs per connection is measured warm
            return [java] + self.options + ["-cp", self.jar, main] + args
        kind = feature(java)
        stem = os.path.join(self.dir, "%s-%d" % (main, kind))
        if kind >= 25:
            archive, make, use = stem + ".aot", "-XX:AOTCacheOutput=", ["-XX:AOTCache=%s" % (stem + ".aot"),
                                                                       "-Xlog:aot*=off", "-Xlog:cds*=off"]
        else:
            archive, make, use = stem + ".jsa", "-XX:ArchiveClassesAtExit=", [
                "-XX:SharedArchiveFile=%s" % (stem + ".jsa"), "-Xshare:auto", "-Xlog:cds*=off"]
        if not os.path.exists(archive):
            subprocess.run([java] + self.options + [make + archive, "-Xlog:aot*=off" if kind >= 25 else
                           "-Xlog:cds*=off", "-cp", self.jar, main] + (train or args),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not os.path.exists(archive):  # a floor without its archive would flatter every ratio
                raise RuntimeError("could not make the floor's start-up archive " + archive)
        return [java] + self.options + use + ["-cp", self.jar, main] + args


def pki(work):
    d = os.path.join(work, "pki")
    os.makedirs(d)
    def ossl(*a):
        subprocess.run(["openssl"] + list(a), cwd=d, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    ossl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
         "-days", "2", "-subj", "/CN=bench CA")
    for who in ("server", "client"):
        ossl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key", "-out", who + ".csr",
             "-subj", "/CN=" + who)
        ossl("x509", "-req", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-out", who + ".pem", "-days", "2")
    return d


def jvms(args_java):
    found = [args_java]
    for home in sorted(glob.glob("/usr/lib/jvm/*25*")):
        j = os.path.join(home, "bin", "java")
        if os.path.exists(j) and os.path.realpath(j) != os.path.realpath(shutil.which(args_java) or args_java):
            found.append(j)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True)
    ap.add_argument("--runs", type=int, default=9, help="rounds per row (default 9)")
    ap.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                    if os.environ.get("JAVA_HOME") else "java", help="the first JVM (default: JAVA_HOME or PATH)")
    ap.add_argument("--no-tls", action="store_true", help="leave out the TLS rows")
    ap.add_argument("--plain-only", action="store_true",
                    help="only the floors and the plain echo (`echoscu HOST PORT`), no TLS: a quick before/after")
    ap.add_argument("--baseline", metavar="ROOT",
                    help="also the plain echo of another build (a checkout of the commit before, built), in the "
                         "same rounds: a change's cost measured against what it changed")
    a = ap.parse_args()
    root = a.root
    work = tempfile.mkdtemp(prefix="echoscu-startup-")
    floors = Floors(root, work)
    keys = pki(work)
    k = lambda f: os.path.join(keys, f)  # noqa: E731
    echoscu = os.path.join(root, "bin", "echoscu")

    info = machine(root, a.java)
    print("# echoscu start-up benchmark")
    print("machine: %s CPU(s), %s, kernel %s" % (info["nproc"], info["cpu"], info["kernel"]))
    print("dcmtk: %s" % info["dcmtk"])
    print("rounds: %d per row, taking turns; load average at start: %s" % (a.runs, info["load"]))
    print()

    peers = []
    try:
        scp = Peer("echoscp", [os.path.join(root, "bin", "echoscp")])
        peers.append(scp)
        plain_storescp = Peer("storescp", ["storescp"])
        peers.append(plain_storescp)
        tls_peer = None
        if not a.no_tls and not a.plain_only:
            tls_peer = Peer("storescp+tls", ["storescp", "+tls", k("server.key"), k("server.pem"),
                                             "+cf", k("ca.pem")], env={"TCP_NODELAY": "1"})
            peers.append(tls_peer)
        host, p = "127.0.0.1", str(scp.port)
        for java in jvms(a.java):
            env = {"JAVA_HOME": os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java)))}
            subprocess.run(["sh", os.path.join(root, "bin", ".train"), java], check=False)
            v = subprocess.run([java, "-version"], stderr=subprocess.PIPE).stderr.decode().splitlines()[1]
            print("## %s" % v.strip())
            print()
            rows = [("floor (trivial class, same JVM, options, kind of archive)",
                     floors.argv(java, "Floor", []), None),
                    ("connect floor (the floor + one TCP connection to our echoscp, as echoscu opens it)",
                     floors.argv(java, "ConnectFloor", [host, p]), None),
                    ("lambda floor (the floor + one lambda, which JDK 17's Socket class links before any TCP)",
                     floors.argv(java, "LambdaFloor", []), None)]
            lines = [[], ["-v"], ["-d"], ["-q"], ["-ll", "info"], ["-aet", "X", "-aec", "Y"], ["--repeat", "3"],
                     ["-to", "5", "-ta", "5", "-td", "5"]]
            if a.plain_only:
                lines = [[]]
            for extra in lines:
                rows.append(("`echoscu %s` vs our echoscp" % " ".join(extra + ["HOST", "PORT"]),
                             [echoscu] + extra + [host, p], env))
            if a.baseline:
                subprocess.run(["sh", os.path.join(a.baseline, "bin", ".train"), java], check=False)
                rows.append(("baseline `echoscu HOST PORT` vs our echoscp (%s)" % a.baseline,
                             [os.path.join(a.baseline, "bin", "echoscu"), host, p], env))
            for alone in ([] if a.plain_only else (["--version"], ["-h"], ["+cc"], ["--list-profiles"])):
                rows.append(("`echoscu %s`" % alone[0], [echoscu] + alone, env))
            rows.append(("DCMTK `echoscu HOST PORT` vs our echoscp", ["echoscu", host, p], None))
            rows.append(("`echoscu HOST PORT` vs default storescp", [echoscu, host, str(plain_storescp.port)], env))
            rows.append(("DCMTK `echoscu HOST PORT` vs default storescp", ["echoscu", host, str(plain_storescp.port)],
                         None))
            if tls_peer:
                tp = str(tls_peer.port)
                tls_args = ["+tls", k("client.key"), k("client.pem"), "+cf", k("ca.pem"), host, tp]
                rows.append(("jsse-floor (JDK alone: keys, one handshake) vs TCP_NODELAY=1 storescp +tls",
                             floors.argv(java, "JsseFloor", [k("client.key"), k("client.pem"), k("ca.pem"), host,
                                                             tp]), None))
                rows.append(("`echoscu +tls key cert +cf ca HOST PORT` vs TCP_NODELAY=1 storescp +tls",
                             [echoscu] + tls_args, env))
                rows.append(("DCMTK `echoscu +tls …` vs TCP_NODELAY=1 storescp +tls", ["echoscu"] + tls_args,
                             {"TCP_NODELAY": "1"}))
            results = {name: [] for name, _, _ in rows}
            for r in range(a.runs):
                order = rows if r % 2 == 0 else list(reversed(rows))
                for name, argv, e in order:
                    try:
                        results[name].append(run(argv, e))
                    except RuntimeError as ex:
                        results[name].append(None)
                        print("  failed: %s" % ex, file=sys.stderr)
            table(rows, results)
            if tls_peer:
                server_rows(java, env, floors, k, a.runs * 2, host)
    finally:
        for peer in peers:
            peer.stop()
        shutil.rmtree(work, ignore_errors=True)
    print("load average at end: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


def table(rows, results):
    def med(name, i):
        xs = [x[i] for x in results[name] if x is not None]
        return median(xs) if xs else float("nan")
    floor, connect, jsse = rows[0][0], rows[1][0], None
    plain = next(name for name, _, _ in rows if name.startswith("`echoscu HOST PORT` vs our echoscp"))
    for name, _, _ in rows:
        if name.startswith("jsse-floor"):
            jsse = name
    print("| command | wall | CPU | peak RSS | wall / floor | CPU / floor | wall / connect floor | "
          "wall / plain echo | wall / jsse-floor | CPU / jsse-floor |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, _, _ in rows:
        w, c, m = med(name, 0), med(name, 1), med(name, 2)
        cells = ["%.1f ms" % (w * 1000), "%.1f ms" % (c * 1000), "%.1f MiB" % (m / 1024.0),
                 "%.2f" % (w / med(floor, 0)), "%.2f" % (c / med(floor, 1)), "%.2f" % (w / med(connect, 0)),
                 "%.2f" % (w / med(plain, 0))]
        if jsse and "+tls" in name:
            cells += ["%.2f" % (w / med(jsse, 0)), "%.2f" % (c / med(jsse, 1))]
        else:
            cells += ["", ""]
        failed = sum(1 for x in results[name] if x is None)
        print("| %s%s | %s |" % (name, " (%d failed)" % failed if failed else "", " | ".join(cells)))
    print()


if __name__ == "__main__":
    main()
