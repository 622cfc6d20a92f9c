#!/bin/sh
# echoscu-exporter against Debian's prometheus-blackbox-exporter (tcp_connect on the same echoscp
# port), ab -k -c 16, alternated run by run; then ours over 100,000 probes of 1,000 targets.
# See bench/exporter.py and docs/PERFORMANCE.md ("echoscu-exporter").
#   bench/exporter.sh                      # 3 rounds of 20,000 probes each
#   bench/exporter.sh --rounds 5 -n 50000 --memory-probes 0
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
for tool in ab prometheus-blackbox-exporter python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (Debian: apt-get install apache2-utils prometheus-blackbox-exporter python3)" >&2; exit 2; }
done
[ -d "$root/target/lib/exporter" ] || { echo "no build: run  (cd $root && mvn -B -q -DskipTests package)  first" >&2; exit 2; }
exec python3 "$here/exporter.py" --root "$root" "$@"
