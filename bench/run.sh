#!/usr/bin/env bash
# Runs natlint's benchmarks on this machine and prints one table per section:
#  jmh     JMH (bench/target/benchmarks.jar): parse, model, graph, analysis and the whole check per tier;
#  tiers   whole runs of ./natlint, JVM start included, JAVA_OPTS=-Xmx512m (median of 5, interleaved);
#  shapes  the same for the shapes of issue 13 (ShapeGenerator), with CPU seconds and peak memory;
#  series  the scaling series: forwards, VLANs, filter rules that reference lists and entries per
#          list, each doubled three times (whole runs, median of 5), with the ratio of each doubling;
#  jmh-shapes  JMH of the analysis and the whole check per shape (ShapeBenchmark, single shot, -Xmx512m);
#  fleet   1,000 home configs in one run;
#  scaling warm analysis scaling when forwards or LAN subnets double (ScalingSeries, in-process);
#  maven   mvn natlint:check against mvn validate on a project holding the office config.
# Usage: bench/run.sh [--quick] [SECTION...]   (default: every section; --quick: fewer JMH iterations)
# Nothing is installed into ~/.m2: the modules are packaged in the reactor. NATLINT=path/to/natlint
# times another copy of the launcher (with its cli/target beside it), BENCH_SKIP_BUILD=1 skips the build,
# BENCH_RUNS=N takes the median of N whole runs instead of 5.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
quick=""
sections=()
for a in "$@"; do
  if [[ "$a" == --quick ]]; then quick=1; else sections+=("$a"); fi
done
if [[ ${#sections[@]} -eq 0 ]]; then sections=(jmh tiers shapes series jmh-shapes fleet scaling maven); fi
want() { local s; for s in "${sections[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then mvn -B -ntp -o -q -pl bench,cli -am package -DskipTests -Dinvoker.skip >/dev/null; fi
natlint="${NATLINT:-./natlint}"
n="${BENCH_RUNS:-5}"
out="bench/target/configs"
mkdir -p "$out"
java -cp bench/target/classes dev.natlint.bench.ConfigGenerator "$out" 1 >/dev/null
java -cp bench/target/classes dev.natlint.bench.ShapeGenerator "$out/shapes" 1 all >/dev/null
"$natlint" --version >/dev/null # builds the jar and its class archive first, untimed
jmh_args=()
if [[ -n "$quick" ]]; then jmh_args=(-wi 1 -i 2 -w 1 -r 1); fi
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ratio() { awk "BEGIN{printf \"%.2f\", $1 / $2}"; }

# One whole run of ./natlint on FILE with JAVA_OPTS=-Xmx512m; appends "wall cpu peakMB rc" to runs[KEY].
declare -A runs
whole() {
  local key="$1" file="$2" rc=0
  JAVA_OPTS=-Xmx512m /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$natlint" --fail-on none "$file" \
      >/dev/null 2>"$out/stderr" || rc=$?
  if grep -q OutOfMemoryError "$out/stderr"; then rc=137; fi
  runs[$key]="${runs[$key]:-}$(awk -v rc="$rc" '{printf "%s/%.2f/%d/%d ", $1, $2 + $3, $4 / 1024, rc}' "$out/time")"
}
field() { echo "${runs[$1]}" | tr ' ' '\n' | grep . | cut -d/ -f"$2"; }
wall() { field "$1" 1 | median; }
cpu() { field "$1" 2 | median; }
peak() { field "$1" 3 | sort -n | tail -1; }
failures() { field "$1" 4 | grep -cv '^0$' || true; }
row() { # KEY LABEL
  local f
  f=$(failures "$1")
  printf "%-26s %8s s %8s s CPU %5s MB peak  %s(runs wall/CPU/MB/exit: %s)\n" "$2" "$(wall "$1")" "$(cpu "$1")" \
      "$(peak "$1")" "$([[ "$f" != 0 ]] && echo "FAILED in $f of $n runs (-Xmx512m) ")" "${runs[$1]}"
}

if want jmh; then
  echo "== JMH (ms/op) =="
  java -jar bench/target/benchmarks.jar NatLintBenchmark "${jmh_args[@]}" -rf text -rff bench/target/jmh.txt >/dev/null
  cat bench/target/jmh.txt
  echo
fi

if want tiers; then
  echo "== whole ./natlint check, JVM start included, JAVA_OPTS=-Xmx512m (median of $n, runs interleaved) =="
  # interleaved, and the median: on a shared machine a best-of-n keeps whichever run was lucky
  for _ in $(seq "$n"); do
    whole seed test-configs/scenarios/seed-hairpin-broken.rsc
    for t in home office large; do whole "$t" "$out/$t.rsc"; done
  done
  for t in home office large; do row "$t" "$t ($(wc -l < "$out/$t.rsc") lines)"; done
  row seed "seed (12 lines)"
  echo "home/seed $(ratio "$(wall home)" "$(wall seed)")x"
  echo
fi

if want shapes; then
  echo "== shapes of issue 13: whole ./natlint check, JAVA_OPTS=-Xmx512m, median of $n, runs interleaved =="
  shapes=(lists-100-vlans lists-25-vlans no-lists-100-vlans few-vlans-many-forwards ports-one-address many-public-addresses)
  for _ in $(seq "$n"); do
    for s in "${shapes[@]}"; do whole "$s" "$out/shapes/$s.rsc"; done
  done
  for s in "${shapes[@]}"; do row "$s" "$s ($(wc -l < "$out/shapes/$s.rsc") lines)"; done
  echo
fi

if want series; then
  echo "== scaling series: whole ./natlint check, JAVA_OPTS=-Xmx512m, median of $n, runs interleaved =="
  echo "   (each doubles one dimension of the base: 100 forwards, 10 VLANs, 50 list rules, 10 lists of 250;"
  echo "    targets: each doubling <= 2.3x, 8x <= 10x; the JVM start is in every run, see the seed row above)"
  declare -A points=(
    [forwards]="forwards-100 forwards-200 forwards-400 forwards-800"
    [vlans]="vlans-10 vlans-20 vlans-40 vlans-80"
    [list-rules]="list-rules-50 list-rules-100 list-rules-200 list-rules-400"
    [list-entries]="list-entries-250 list-entries-500 list-entries-1000 list-entries-2000")
  for _ in $(seq "$n"); do
    for d in forwards vlans list-rules list-entries; do
      for p in ${points[$d]}; do whole "$p" "$out/shapes/$p.rsc"; done
    done
  done
  for d in forwards vlans list-rules list-entries; do
    prev=""; first=""
    for p in ${points[$d]}; do
      row "$p" "$p ($(wc -l < "$out/shapes/$p.rsc") lines)"
      if [[ -n "$prev" ]]; then
        printf "%26s doubling: %sx wall, %sx CPU\n" "" "$(ratio "$(wall "$p")" "$(wall "$prev")")" \
            "$(ratio "$(cpu "$p")" "$(cpu "$prev")")"
      else
        first="$p"
      fi
      prev="$p"
    done
    printf "%26s 8x/1x: %sx wall, %sx CPU\n" "" "$(ratio "$(wall "$prev")" "$(wall "$first")")" \
        "$(ratio "$(cpu "$prev")" "$(cpu "$first")")"
  done
  echo
fi

if want jmh-shapes; then
  echo "== JMH per shape (ms/op, single shot, -Xmx512m) =="
  java -jar bench/target/benchmarks.jar ShapeBenchmark ${quick:+-wi 1 -i 2} -rf text -rff bench/target/jmh-shapes.txt >/dev/null
  cat bench/target/jmh-shapes.txt
  echo
fi

if want fleet; then
  echo "== 1,000 home configs in one run =="
  mkdir -p "$out/fleet"
  for i in $(seq 1 1000); do cp "$out/home.rsc" "$out/fleet/router-$i.rsc"; done
  JAVA_OPTS=-Xmx512m /usr/bin/time -f "%e s wall, %P CPU (both cores: >100%%)" "$natlint" --fail-on none "$out/fleet" | tail -1
  echo
fi

if want scaling; then
  echo "== analysis scaling (warm, best of 8) =="
  java -Xmx2g -cp bench/target/benchmarks.jar dev.natlint.bench.ScalingSeries
  echo
fi

if want maven; then
  echo "== Maven: mvn natlint:check against mvn validate, office config (median of 5, cache cold, warm and off) =="
  bench/maven-overhead.sh
fi
