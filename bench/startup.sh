#!/bin/sh
# Start-up benchmark of echoscu against the JVM's own floor, Java's TLS floor and DCMTK, for
# the default java and a JDK 25 when one is installed. See bench/startup.py and docs/PERFORMANCE.md.
#   bench/startup.sh             # 9 rounds per row
#   bench/startup.sh --runs 15   # steadier medians
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
for tool in echoscu storescp openssl javac python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (Debian: apt-get install dcmtk openssl python3, a JDK)" >&2; exit 2; }
done
[ -f "$root/target/echoscu.jar" ] || { echo "no build: run  (cd $root && mvn -B -q -DskipTests package)  first" >&2; exit 2; }
exec python3 "$here/startup.py" --root "$root" "$@"
