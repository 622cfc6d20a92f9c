#!/bin/sh
# Side-by-side benchmark of this echoscu/echoscp against DCMTK's echoscu, on loopback.
# Installs nothing: checks what it needs and says how to get what is missing.
#   bench/compare.sh            # the default: 5 rounds per scenario (a few minutes)
#   bench/compare.sh --runs 15  # more rounds, steadier medians
#   bench/compare.sh --only 3,7 # the --repeat rate and CPU per echo, client and server
#   bench/compare.sh --help
# See docs/PERFORMANCE.md for what it measures and the numbers it gave.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
missing=""
for tool in echoscu storescp; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -n "$missing" ] && { echo "missing DCMTK tools:$missing  (Debian/Ubuntu: apt-get install dcmtk)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "missing python3  (Debian/Ubuntu: apt-get install python3)" >&2; exit 2; }
java=java
[ -n "$JAVA_HOME" ] && java="$JAVA_HOME/bin/java"
"$java" -version >/dev/null 2>&1 || { echo "missing java: set JAVA_HOME or put a JDK 17+ on PATH" >&2; exit 2; }
if [ ! -f "$root/target/echoscu.jar" ]; then
    echo "no build: run  (cd $root && mvn -B -q -DskipTests package)  first" >&2; exit 2
fi
exec python3 "$here/compare.py" --root "$root" "$@"
