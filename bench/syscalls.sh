#!/bin/sh
# System calls per echo, ours against DCMTK's, counted by the kernel (perf's syscall tracepoints):
# the client (echoscu --repeat N against storescp with TCP_NODELAY=1) and the server (echoscp and
# storescp, each serving DCMTK's echoscu --repeat N). Where the microseconds of an echo go, the
# part the kernel sees; docs/PERFORMANCE.md ("Steady-state speed") has the figures.
#   bench/syscalls.sh            # 10,000 echoes each
#   bench/syscalls.sh -n 20000
# Installs nothing: checks what it needs and says how to get what is missing. Needs root (or
# kernel.perf_event_paranoid <= -1) for the tracepoints.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=10000
[ "$1" = -n ] && n=$2
for tool in echoscu storescp perf python3; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "missing $tool  (Debian/Ubuntu: apt-get install dcmtk linux-perf python3)" >&2; exit 2; }
done
[ -f "$root/target/echoscu.jar" ] || { echo "no build: run  (cd $root && mvn -B -q -DskipTests package)  first" >&2; exit 2; }
exec python3 "$here/syscalls.py" --root "$root" -n "$n"
