#!/usr/bin/env python3
"""Start-up of installed copies beside the checkout's bin/echoscu (issues 22 and 23).

Every row is a plain echo (`echoscu 127.0.0.1 PORT`) against the checkout's echoscp, measured
as bench/startup.py measures (wall time, CPU time of the process and its children, peak RSS),
the rows of a group taken in turn and their order rotated round by round, so that a drift of
the machine moves them all. Every run goes through setpriv, so each row pays the same for it:

  JDK 17 (the default JVM), the Debian package installed with apt-get:
    checkout       bin/echoscu as root (its build-time CDS archives)
    deb root       /usr/bin/echoscu-java as root
    deb user       the same as a throw-away user with a home
    deb nobody     the same as nobody (HOME=/nonexistent)
  JDK 25:
    checkout 25    bin/echoscu with JAVA_HOME=Temurin 25 (its AOT caches, bin/.train)
    self-contained echoscu-VERSION-linux-x64's bin/echoscu (its jlink runtime and AOT caches)
    hello, JDK     bench/floor/Floor.java (prints a word) on Temurin 25, its default CDS archive
    hello, runtime the same on the self-contained archive's jlink runtime (its CDS archive, jlink's)

First runs besides, made over --cycles installations and as many JDK triggers (dpkg-trigger
/usr/lib/jvm: the archives made again as after a JDK upgrade): each user's first run after
each, paired with a checkout run beside it; and a checkout's first and second run with a JVM it
had no archive for (Temurin 25, issue 22.7).
"""

import argparse
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import Peer, machine, median  # noqa: E402
from startup import run  # noqa: E402

JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"
USER = "echoscubench"


def sh(*argv, check=True):
    return subprocess.run(argv, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def as_user(user, argv):
    if user == "root":
        return ["setpriv", "--reuid=0", "--regid=0", "--clear-groups"] + argv
    group = "nogroup" if user == "nobody" else user
    return ["setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups"] + argv


def home_of(user):
    return "/nonexistent" if user == "nobody" else pwd.getpwnam(user).pw_dir


def rows_in_turn(rows, rounds):
    """rows: [(name, argv, env)]; returns {name: [(wall, cpu, rss)]}, the order rotated each round."""
    results = {name: [] for name, _, _ in rows}
    for i in range(rounds):
        k = i % len(rows)
        for name, argv, env in rows[k:] + rows[:k]:
            results[name].append(run(argv, env))
    return results


def table(title, results, base):
    b = median([w for w, _, _ in results[base]])
    bc = median([c for _, c, _ in results[base]])
    print("\n### %s\n" % title)
    print("| run | wall | CPU | peak RSS | wall / %s | CPU / %s |" % (base, base))
    print("|---|---:|---:|---:|---:|---:|")
    for name, rs in results.items():
        w = median([r[0] for r in rs])
        c = median([r[1] for r in rs])
        m = median([r[2] for r in rs])
        print("| %s | %.1f ms | %.1f ms | %.1f MiB | %.2f | %.2f |" % (name, w * 1e3, c * 1e3, m / 1024, w / b, c / bc))


def single(label, argv, env):
    w, c, _ = run(argv, env)
    print("| %s | %.1f ms | %.1f ms |" % (label, w * 1e3, c * 1e3))


def first_runs(title, prepare, users, checkout, first_of, cycles):
    """The first run of each user after prepare() (an installation, or a JDK trigger), made
    cycles times over. A first run happens once per cycle, so each is measured beside a run of
    the checkout made just before or just after it (the order flips from one run to the next),
    and the figures are the medians over the cycles of the ratios of those pairs. Before the
    runs, sync and a 1 s pause: the disk writes of apt-get and dpkg are theirs, not a cost of
    the first run."""
    pairs = {u: [] for u in users}
    flip = 0
    for _ in range(cycles):
        prepare()
        sh("sync")
        time.sleep(1.0)
        for u in users:
            argv, env = first_of(u)
            if flip % 2 == 0:
                f = run(argv, env)
                c = run(*checkout)
            else:
                c = run(*checkout)
                f = run(argv, env)
            flip += 1
            pairs[u].append((f, c))
    print("\n### %s\n" % title)
    print("| user | first run: wall | CPU | checkout beside it: wall | CPU "
          "| wall / checkout: median (min-max) | CPU / checkout: median (min-max) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for u, ps in pairs.items():
        wr = [f[0] / c[0] for f, c in ps]
        cr = [f[1] / c[1] for f, c in ps]
        print("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) |" % (
            "a normal user" if u == USER else u,
            median([f[0] for f, _ in ps]) * 1e3, median([f[1] for f, _ in ps]) * 1e3,
            median([c[0] for _, c in ps]) * 1e3, median([c[1] for _, c in ps]) * 1e3,
            median(wr), min(wr), max(wr), median(cr), min(cr), max(cr)))


def wait_archive(pattern, limit=300):
    end = time.time() + limit
    while time.time() < end:
        if [f for f in glob.glob(pattern) if not f.endswith(("-tls.jsa", "-info.jsa", "-tls.aot", "-info.aot"))]:
            return
        time.sleep(0.5)
    raise RuntimeError("no archive %s after %d s" % (pattern, limit))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--cycles", type=int, default=7,
                    help="installations and JDK triggers, each followed by every user's first run")
    args = ap.parse_args()
    root = args.root
    deb = glob.glob(os.path.join(root, "target", "echoscu-java_*_all.deb"))[0]
    sc = glob.glob(os.path.join(root, "target", "echoscu-*-linux-x64.tar.gz"))[0]
    work = tempfile.mkdtemp(prefix="installed-bench")
    os.chmod(work, 0o755)
    print("machine: %s" % machine(root, "java"))
    print("load before: %s" % subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())

    sh("apt-get", "purge", "-y", "echoscu-java", check=False)
    sh("useradd", "-m", "-s", "/usr/sbin/nologin", USER, check=False)
    peer = Peer("echoscp", [os.path.join(root, "bin", "echoscp")])
    target = ["127.0.0.1", str(peer.port)]
    try:
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        users = ["root", USER, "nobody"]

        def user_env(u):
            return {"HOME": home_of(u), "XDG_CACHE_HOME": "", "JAVA_HOME": ""}

        checkout = (as_user("root", [os.path.join(root, "bin", "echoscu")] + target), user_env("root"))

        def install():
            sh("apt-get", "purge", "-y", "echoscu-java", check=False)
            subprocess.run(["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300", deb], check=True,
                           env=dict(os.environ, **env), stdout=subprocess.DEVNULL)

        first_runs("JDK 17: the first run of each user after installation, %d installations" % args.cycles,
                   install, users, checkout, lambda u: (as_user(u, ["/usr/bin/echoscu-java"] + target), user_env(u)),
                   args.cycles)

        rows = [("checkout", as_user("root", [os.path.join(root, "bin", "echoscu")] + target), user_env("root"))]
        rows += [("deb " + ("user" if u == USER else u), as_user(u, ["/usr/bin/echoscu-java"] + target), user_env(u))
                 for u in users]
        table("JDK 17: the Debian package against the checkout, %d runs each" % args.runs,
              rows_in_turn(rows, args.runs), "checkout")

        def jdk_trigger():
            # what a JDK upgrade sets off: the archives of /var/cache/echoscu-java made again by postinst
            for f in glob.glob("/var/cache/echoscu-java/*"):
                os.remove(f)
            sh("dpkg-trigger", "--no-await", "/usr/lib/jvm")
            sh("dpkg", "--triggers-only", "--pending")

        first_runs("JDK 17: the first run of each user after a JDK trigger, %d triggers" % args.cycles,
                   jdk_trigger, users, checkout,
                   lambda u: (as_user(u, ["/usr/bin/echoscu-java"] + target), user_env(u)), args.cycles)

        if os.path.exists(os.path.join(JDK25, "bin", "java")):
            # a checkout's first run with a JVM it has no archive for: made in the background (22.7)
            stem = os.path.join(root, "target", "archive" + JDK25, "bin", "java")
            for f in glob.glob(stem + "*"):
                shutil.rmtree(f) if os.path.isdir(f) else os.remove(f)
            env25 = {"JAVA_HOME": JDK25}
            print("\n### A checkout's runs with a JVM it had no archive for (Temurin 25)\n")
            print("| run | wall | CPU |\n|---|---:|---:|")
            single("first run (no archive; starts the training)", [os.path.join(root, "bin", "echoscu")] + target,
                   env25)
            wait_archive(stem + ".aot")
            while glob.glob(stem + ".lock"):
                time.sleep(0.5)
            single("second run (the archive made by the first)", [os.path.join(root, "bin", "echoscu")] + target,
                   env25)

            sh("tar", "xzf", sc, "-C", work)
            own = glob.glob(os.path.join(work, "echoscu-*-linux-x64"))[0]
            rows = [("checkout 25", as_user("root", [os.path.join(root, "bin", "echoscu")] + target),
                     dict(user_env("root"), JAVA_HOME=JDK25)),
                    ("self-contained", as_user("root", [os.path.join(own, "bin", "echoscu")] + target),
                     user_env("root"))]
            classes = os.path.join(work, "floor")
            sh(os.path.join(JDK25, "bin", "javac"), "-d", classes, os.path.join(root, "bench", "floor", "Floor.java"))
            hello = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classes, "Floor"]
            rows += [("hello, JDK", as_user("root", [os.path.join(JDK25, "bin", "java")] + hello), {}),
                     ("hello, runtime", as_user("root", [os.path.join(own, "runtime", "bin", "java")] + hello), {})]
            table("JDK 25: the self-contained archive against the checkout on Temurin 25, %d runs each" % args.runs,
                  rows_in_turn(rows, args.runs), "checkout 25")
    finally:
        peer.stop()
        sh("apt-get", "purge", "-y", "echoscu-java", check=False)
        sh("userdel", "-r", USER, check=False)
        shutil.rmtree(work, ignore_errors=True)
    print("\nload after: %s" % subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
