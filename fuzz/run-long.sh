#!/usr/bin/env bash
# Long fuzzing campaign: every libFuzzer-style target in turn, HOURS each (fractions allowed: 0.25 is
# 15 minutes per target), one process at a time under `nice -n 19`, with the RouterOS dictionary and
# seeds assembled at run time from test-configs/, the committed regression inputs and, when present,
# ../shared/corpus/real (read in place, never copied into the repository).
#
#   fuzz/run-long.sh HOURS [TARGET...]        TARGET: parser pipeline fix cli lsp (default: all five)
#
# Environment: NO_BUILD=1 skips the Maven build; JAVA_HEAP (default 2g); MAX_LEN (default 16384).
# Output under fuzz/target/fuzz-run/: <target>.log (libFuzzer's progress lines), summary.tsv, and
# findings/<target>/ (crash-*, timeout-*, oom-* files). Each crash-* file is also copied into the
# target's regression-input directory (src/test/resources/...), so `mvn verify` replays it; commit it.
set -euo pipefail

usage() { echo "usage: $0 HOURS [parser|pipeline|fix|cli|lsp ...]   (HOURS per target, e.g. 0.25)" >&2; exit 2; }
[ $# -ge 1 ] || usage
HOURS=$1; shift
SECS=$(awk -v h="$HOURS" 'BEGIN { if (h !~ /^[0-9]*\.?[0-9]+$/ || h <= 0) exit 1; printf "%d", h * 3600 }') || usage
TARGETS=("$@"); [ ${#TARGETS[@]} -gt 0 ] || TARGETS=(parser pipeline fix cli lsp)

FUZZ=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$FUZZ")
RUN=$FUZZ/target/fuzz-run
INPUTS=$FUZZ/src/test/resources/dev/natlint/fuzz
SHARED_REAL=${NATLINT_SHARED_DIR:-$REPO/../shared}/corpus/real

class_of() { case $1 in parser) echo Parser;; pipeline) echo Pipeline;; fix) echo Fix;; cli) echo Cli;; lsp) echo Lsp;; *) usage;; esac; }
# the JUnit target that replays this target's regression inputs
inputs_of() {
  case $1 in
    parser) echo "$INPUTS/PipelineFuzzTestInputs/fuzzParser";;
    pipeline) echo "$INPUTS/PipelineFuzzTestInputs/fuzzPipeline";;
    fix) echo "$INPUTS/FixFuzzTestInputs/fuzzFixes";;
    cli) echo "$INPUTS/CliFuzzTestInputs/fuzzExplainTrace";;
    lsp) echo "$INPUTS/LspFuzzTestInputs/fuzzLsp";;
  esac
}
for t in "${TARGETS[@]}"; do class_of "$t" >/dev/null; done

cd "$REPO"
if [ "${NO_BUILD:-}" != 1 ]; then
  mvn -B -ntp -o -q -Dstyle.color=never -pl fuzz -am -DskipTests package
fi

# A private copy of this build's classes, so rebuilding the worktree during a campaign cannot change
# the classes under a running fuzzer.
rm -rf "$RUN/lib"; mkdir -p "$RUN/lib" "$RUN/findings"
CP=""
i=0
for e in "$FUZZ/target/test-classes" $(tr ':' ' ' < "$FUZZ/target/fuzz-classpath.txt"); do
  case $e in
    "$REPO"/*) i=$((i + 1)); cp -r "$e" "$RUN/lib/$i-$(basename "$e")"; e="$RUN/lib/$i-$(basename "$e")";;
  esac
  CP=${CP:+$CP:}$e
done

# Seeds: own test configs, committed regression inputs, and the real exports when ../shared is there.
seed_dir() {
  local t=$1 dir=$RUN/seeds/$1 n=0
  rm -rf "$dir"; mkdir -p "$dir"
  local files=()
  while IFS= read -r f; do files+=("$f"); done < <(find "$REPO/test-configs" -name '*.rsc' | sort)
  if [ -d "$SHARED_REAL" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$SHARED_REAL" -maxdepth 1 -name '*.rsc' | sort)
  else
    echo "run-long: $SHARED_REAL not found; seeding from test-configs and regression inputs only" >&2
  fi
  # argument lines for the cli target (see CliFuzzTest): explain in each format, trace with and
  # without an interface
  local args=("explain	text" "explain	json" "explain	dot"
              "trace	192.168.88.10	203.0.113.1	80	tcp" "trace	192.168.1.10	1.1.1.1	443	udp	bridge	json")
  for f in "${files[@]}"; do
    n=$((n + 1))
    if [ "$t" = cli ]; then
      { printf '%s\n' "${args[$((n % ${#args[@]}))]}"; cat "$f"; } > "$dir/seed-$n"
    elif [ "$t" = lsp ]; then
      # documents mode (see LspFuzzTest): positions on a first line, then the script opened and, after a
      # form-feed line, the script with its last line cut in half as a second version (typing)
      { printf '@%d:%d %d:%d\n' $((n % 20)) $((n % 40)) $((n % 7)) 0; cat "$f"; printf '\n\f\n'; head -c -$((n % 30 + 1)) "$f"; } > "$dir/seed-$n"
    else
      cp "$f" "$dir/seed-$n"
    fi
  done
  if [ -d "$(inputs_of "$t")" ]; then cp "$(inputs_of "$t")"/* "$dir/" 2>/dev/null || true; fi
  echo "$dir"
}

[ -f "$RUN/summary.tsv" ] || printf 'date\ttarget\tseconds\texecs\tcov\tft\tcorpus\tfindings\n' > "$RUN/summary.tsv"
for t in "${TARGETS[@]}"; do
  C=$(class_of "$t")
  seeds=$(seed_dir "$t")
  corpus=$RUN/corpus/$t; findings=$RUN/findings/$t; mkdir -p "$corpus" "$findings"
  log=$RUN/$t.log
  echo "run-long: $t for $SECS s ($(ls "$seeds" | wc -l) seeds, corpus $corpus), log $log" >&2
  start=$(date +%s)
  : > "$log"
  # a timeout or out-of-memory ends libFuzzer (--keep_going only covers exceptions): start again on
  # the grown corpus until the target's time is used up
  while :; do
    left=$(( SECS - ($(date +%s) - start) ))
    [ "$left" -ge 30 ] || break
    set +e
    nice -n 19 java -Xmx"${JAVA_HEAP:-2g}" -cp "$CP" com.code_intelligence.jazzer.Jazzer \
      --target_class=dev.natlint.fuzz.libfuzzer.${C}Target \
      --instrumentation_includes='dev.natlint.**' --instrumentation_excludes='dev.natlint.fuzz.**' \
      --keep_going=1000 --reproducer_path="$findings" \
      -dict="$FUZZ/routeros.dict" -max_len="${MAX_LEN:-16384}" -timeout=60 -rss_limit_mb=6144 \
      -max_total_time="$left" -print_final_stats=1 -artifact_prefix="$findings/" \
      "$corpus" "$seeds" >> "$log" 2>&1
    rc=$?
    set -e
    echo "run-long: $t: fuzzer exited with $rc" >> "$log"
    [ "$rc" -ne 0 ] || break
  done
  secs=$(( $(date +%s) - start ))
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  # executions summed over restarts: the last progress line of each run
  execs=$(awk '/^#[0-9]+/ { n = substr($1, 2) } /fuzzer exited with/ { total += n; n = 0 } END { print total + n }' "$log")
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+' || true)
  ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+' || true)
  corp=$(echo "$last" | grep -oE 'corp: [0-9]+/[0-9a-zA-Z]+' | sed 's/corp: //' || true)
  nfind=$(find "$findings" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$secs" "$execs" "$cov" "$ft" "$corp" "$nfind" >> "$RUN/summary.tsv"
  echo "run-long: $t done: $secs s, $execs execs, cov $cov, ft $ft, $nfind findings" >&2
  # crash inputs become regression inputs (timeouts and OOMs are left in findings/ to look at: a
  # regression input that hangs would stall mvn verify)
  dest=$(inputs_of "$t"); mkdir -p "$dest"
  for f in "$findings"/crash-*; do
    [ -e "$f" ] || continue
    [ -e "$dest/$(basename "$f")" ] || { cp "$f" "$dest/"; echo "run-long: new regression input $dest/$(basename "$f")" >&2; }
  done
done
column -t -s $'\t' "$RUN/summary.tsv" >&2
