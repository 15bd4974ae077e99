#!/usr/bin/env bash
# Runs natlint's benchmarks on this machine and prints one table:
#  - JMH (bench/target/benchmarks.jar): parse, model, graph, analysis and the whole check per tier;
#  - whole runs of ./natlint, JVM start included, with JAVA_OPTS=-Xmx512m (best of 3, /usr/bin/time),
#    and 1,000 home configs in one run;
#  - analysis scaling when forwards or LAN subnets double;
#  - mvn natlint:check against mvn validate on a project holding the office config.
# Usage: bench/run.sh [--quick]   (--quick: fewer JMH iterations)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -ntp -q install -DskipTests -Dinvoker.skip >/dev/null
out="bench/target/configs"
mkdir -p "$out"
java -cp bench/target/classes dev.natlint.bench.ConfigGenerator "$out" 1
jmh_args=()
if [[ "${1:-}" == "--quick" ]]; then jmh_args=(-wi 1 -i 2 -w 1 -r 1); fi
echo "== JMH (ms/op) =="
java -jar bench/target/benchmarks.jar NatLintBenchmark "${jmh_args[@]}" -rf text -rff bench/target/jmh.txt >/dev/null
cat bench/target/jmh.txt
echo
echo "== whole ./natlint check, JVM start included, JAVA_OPTS=-Xmx512m (seconds, median of 5, runs interleaved) =="
# interleaved, and the median: on a shared machine a best-of-n keeps whichever run was lucky
declare -A times
./natlint --version >/dev/null # builds the jar and its class archive first, untimed
for i in 1 2 3 4 5; do
  for t in seed home office large; do
    f="$out/$t.rsc"
    [[ "$t" == seed ]] && f=test-configs/scenarios/seed-hairpin-broken.rsc
    s=$( { JAVA_OPTS=-Xmx512m /usr/bin/time -f "%e" ./natlint --fail-on none "$f" >/dev/null; } 2>&1 | tail -1)
    times[$t]="${times[$t]:-} $s"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
for t in home office large; do
  printf "%-8s %6s s  (%s lines; runs:%s)\n" "$t" "$(echo "${times[$t]}" | median)" "$(wc -l < "$out/$t.rsc")" "${times[$t]}"
done
printf "%-8s %6s s  (12-line seed config; runs:%s)\n" "seed" "$(echo "${times[seed]}" | median)" "${times[seed]}"
printf "home/seed %5.2fx\n" "$(awk "BEGIN{print $(echo "${times[home]}" | median) / $(echo "${times[seed]}" | median)}")"
echo
echo "== shapes: list-heavy forward chains, few VLANs with many forwards (whole ./natlint check, -Xmx512m, median of 3) =="
java -cp bench/target/classes dev.natlint.bench.ShapeGenerator "$out/shapes" 1 >/dev/null
for s in lists-100-vlans lists-25-vlans no-lists-100-vlans; do
  runs=""
  for i in 1 2 3; do
    runs="$runs $( { JAVA_OPTS=-Xmx512m /usr/bin/time -f "%e" ./natlint --fail-on none "$out/shapes/$s.rsc" >/dev/null; } 2>&1 | tail -1)"
  done
  printf "%-20s %6s s  (%s lines; runs:%s)\n" "$s" "$(echo "$runs" | median)" "$(wc -l < "$out/shapes/$s.rsc")" "$runs"
done
echo
echo "== 1,000 home configs in one run =="
mkdir -p "$out/fleet"
for i in $(seq 1 1000); do cp "$out/home.rsc" "$out/fleet/router-$i.rsc"; done
JAVA_OPTS=-Xmx512m /usr/bin/time -f "%e s wall, %P CPU (both cores: >100%%)" ./natlint --fail-on none "$out/fleet" | tail -1
echo
echo "== analysis scaling (warm, best of 8) =="
java -Xmx2g -cp bench/target/benchmarks.jar dev.natlint.bench.ScalingSeries
echo
echo "== Maven: mvn natlint:check against mvn validate, office config (best of 5) =="
bench/maven-overhead.sh
