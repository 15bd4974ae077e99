#!/usr/bin/env bash
# Language server latency on the office-sized export (about 5,100 lines): first diagnostics after open
# and updated diagnostics after an edit. Usage: lsp/bench.sh [EDITS] [-- SERVER COMMAND...]
# (default 10 edits; e.g. `lsp/bench.sh 10 -- ./natlint lsp` measures the launcher an editor would start)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
# compiled in the reactor, so the class path points at each module's target/classes, never at ~/.m2
mvn -B -ntp -q -o -pl lsp -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="lsp/target/test-classes:lsp/target/classes:$(cat lsp/target/test-classpath.txt)"
exec java -cp "$cp" dev.natlint.lsp.LspLatency "$@"
