#!/usr/bin/env bash
# Many-peer benchmark (issue "Many peers in one run"): 1,000 targets on loopback, each kind at
# least 100 — live echoscp ports, live storescp ports, refusing ports, silent peers — probed by
#   bin/echoscu --targets LIST --parallel 100 -to 2 -ta 2 -td 2
# then the same list by a shell loop of DCMTK's echoscu, one target after the other.
# Starts every peer itself on 127.0.0.1 and stops them at the end. Prints the wall time, the
# peak RSS (GNU time) and whether every target's outcome was the right one.
#   bench/fleet.sh                # the whole benchmark, DCMTK loop included (about 4 minutes)
#   bench/fleet.sh --no-dcmtk     # ours only
# See docs/FLEET.md for the numbers it gave.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
dcmtk=1
[ "${1:-}" = "--no-dcmtk" ] && dcmtk=0

for tool in storescp echoscu python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing $tool (Debian: apt-get install dcmtk python3)" >&2; exit 2; }
done
/usr/bin/time -f %M true >/dev/null 2>&1 || { echo "missing GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f "$root/target/echoscu.jar" ] || { echo "no build: run (cd $root && mvn -B -q -DskipTests package) first" >&2; exit 2; }

N_ECHOSCP=500; N_STORESCP=200; N_REFUSED=200; N_SILENT=100     # 1,000 targets
ECHOSCP_PROCS=2; STORESCP_PROCS=10                            # storescp serves one association at a time

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_ports() { # N distinct loopback ports nothing listens on (yet)
    python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}
await_port() {
    for _ in $(seq 200); do
        python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "$1" \
            2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on $1" >&2; exit 1
}

read -r -a echo_ports <<<"$(free_ports $ECHOSCP_PROCS)"
for p in "${echo_ports[@]}"; do "$root/bin/echoscp" "$p" >"$work/echoscp-$p.log" 2>&1 & pids+=($!); done
read -r -a store_ports <<<"$(free_ports $STORESCP_PROCS)"
for p in "${store_ports[@]}"; do
    mkdir -p "$work/store-$p"; storescp -od "$work/store-$p" "$p" >"$work/storescp-$p.log" 2>&1 & pids+=($!)
done
read -r -a refused_ports <<<"$(free_ports 20)"
# A silent peer: accepts every connection and never says a word (held until the benchmark ends).
read -r silent_port <<<"$(free_ports 1)"
python3 - "$silent_port" >"$work/silent.log" 2>&1 <<'PY' &
import socket, sys, threading
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(1024)
held = []
while True:
    c, _ = srv.accept(); held.append(c)
PY
pids+=($!)
for p in "${echo_ports[@]}" "${store_ports[@]}" "$silent_port"; do await_port "$p"; done

list="$work/targets.txt"
{
    echo "# $N_ECHOSCP echoscp, $N_STORESCP storescp, $N_REFUSED refusing, $N_SILENT silent"
    for i in $(seq 0 $((N_ECHOSCP - 1))); do echo "LIVE@127.0.0.1:${echo_ports[i % ECHOSCP_PROCS]}"; done
    for i in $(seq 0 $((N_STORESCP - 1))); do echo "STORE@127.0.0.1:${store_ports[i % STORESCP_PROCS]}"; done
    for i in $(seq 0 $((N_REFUSED - 1))); do echo "REFUSED@127.0.0.1:${refused_ports[i % 20]}"; done
    for i in $(seq 0 $((N_SILENT - 1))); do echo "SILENT@127.0.0.1:$silent_port"; done
} >"$list"
total=$((N_ECHOSCP + N_STORESCP + N_REFUSED + N_SILENT))

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "targets: $total ($N_ECHOSCP echoscp on $ECHOSCP_PROCS ports, $N_STORESCP storescp on $STORESCP_PROCS ports, $N_REFUSED refusing, $N_SILENT silent)"
echo
echo "ours: bin/echoscu --targets LIST --parallel 100 -to 2 -ta 2 -td 2"
start=$(date +%s.%N)
set +e
/usr/bin/time -f "%M" -o "$work/rss" "$root/bin/echoscu" --targets "$list" --parallel 100 -to 2 -ta 2 -td 2 \
    >"$work/ours.out" 2>"$work/ours.err"
code=$?
set -e
end=$(date +%s.%N)
wall=$(python3 -c "print(f'{$end - $start:.2f}')")
rss_kib=$(tail -1 "$work/rss")
bound=$(python3 -c "import math; print(f'{1.3 * math.ceil($total / 100) * 2:.1f}')")
echo "  wall time ${wall} s (bound 1.3 x ceil($total/100) x 2 s = ${bound} s), peak RSS $((rss_kib / 1024)) MiB (bound 160 MiB), exit $code"

# Every target's line: "<reason> <AE>@127.0.0.1:<port> ..."; the AE title says what it should be.
python3 - "$work/ours.out" "$total" <<'PY'
import sys, collections
want = {"LIVE": {"ok"}, "STORE": {"ok"}, "REFUSED": {"refused"}, "SILENT": {"timeout-associate"}}
seen, wrong = collections.Counter(), []
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) < 2 or "@127.0.0.1:" not in parts[1]:
        continue
    ae = parts[1].split("@")[0]
    if ae not in want:
        continue
    seen[ae] += 1
    if parts[0] not in want[ae]:
        wrong.append(line.rstrip())
    if len(seen) and sum(seen.values()) == int(sys.argv[2]):
        break
print(f"  outcomes: {dict(seen)}; wrong: {len(wrong)}")
for w in wrong[:10]:
    print("    " + w)
ok = sum(seen.values()) == int(sys.argv[2]) and not wrong
print("  every target's outcome right: " + ("yes" if ok else "NO"))
PY

if [ "$dcmtk" = 1 ]; then
    echo
    echo "DCMTK: while read t; do echoscu -to 2 -ta 2 -td 2 -aec AE HOST PORT; done < LIST"
    start=$(date +%s.%N)
    ok=0; failed=0
    while read -r t; do
        case "$t" in \#*|"") continue ;; esac
        ae=${t%@*}; hp=${t#*@}; host=${hp%:*}; port=${hp##*:}
        if echoscu -to 2 -ta 2 -td 2 -aec "$ae" "$host" "$port" >/dev/null 2>&1; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    done <"$list"
    end=$(date +%s.%N)
    echo "  wall time $(python3 -c "print(f'{$end - $start:.2f}')") s; $ok succeeded, $failed failed"
fi
