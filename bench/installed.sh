#!/bin/sh
# Start-up of installed copies against the checkout's bin/echoscu (issues 22 and 23): the Debian
# package for root, a normal user and nobody, just after installation and after a JDK trigger;
# the self-contained archive (its jlink runtime and AOT caches) against the same JDK run from
# the checkout, and a checkout run with a JVM it had no archive for, first and second run.
# Needs root (it installs target/echoscu-java_VERSION_all.deb with apt-get, adds a throw-away
# user, and removes both at the end). See bench/installed.py and docs/PERFORMANCE.md.
#   bench/installed.sh [--runs N] [--cycles N]
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "bench/installed.sh installs the package: run it as root" >&2; exit 2; }
ls "$root"/target/echoscu-java_*_all.deb "$root"/target/echoscu-*-linux-x64.tar.gz >/dev/null 2>&1 \
    || { echo "no package: run  (cd $root && mvn -B -q -DskipTests package)  first" >&2; exit 2; }
exec python3 "$here/installed.py" --root "$root" "$@"
