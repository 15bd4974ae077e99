#!/usr/bin/env bash
# What does natlint add to a Maven build? Times `mvn natlint:check` against `mvn validate` on a
# throw-away project holding the generated office-tier config: median of 5 each, runs interleaved,
# wall and CPU seconds (user + system), with the findings cache cold (target/natlint/cache removed
# before each run), warm (the previous run's cache) and off (-Dnatlint.cache=false).
# The plugin is not installed into ~/.m2: the build puts it into the invoker's repository
# (maven-plugin/target/local-repo), which the timed builds use, offline.
# Usage: bench/maven-overhead.sh
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -ntp -o -q -pl maven-plugin,bench -am verify -DskipTests -Dinvoker.test=help-goal >/dev/null
repo="$here/maven-plugin/target/local-repo"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' maven-plugin/pom.xml | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/routeros"
java -cp bench/target/classes dev.natlint.bench.ConfigGenerator "$work/configs" 1 >/dev/null
cp "$work/configs/office.rsc" "$work/src/main/routeros/office.rsc"
rm -rf "$work/configs"
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" maven-plugin/src/it/settings.xml > "$work/settings.xml"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>office-router</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.natlint</groupId>
        <artifactId>natlint-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
# one timed run; appends "wall cpu" to the named list
declare -A runs
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" mvn -B -o -q -Dstyle.color=never -s "$work/settings.xml" \
      -Dmaven.repo.local="$repo" -f "$work/pom.xml" "$@" >/dev/null 2>&1 || true
  runs[$name]="${runs[$name]:-}$(awk '{printf "%s/%.2f ", $1, $2 + $3}' "$work/time")"
}
# once untimed: warms the file cache and shows that the check ran on the config
mvn -B -o -Dstyle.color=never -s "$work/settings.xml" -Dmaven.repo.local="$repo" -f "$work/pom.xml" natlint:check -Dnatlint.failOnSeverity=none 2>&1 | grep -E "findings? .* in [0-9]+ files?" | tail -1 || true
for _ in 1 2 3 4 5; do
  timed validate validate
  rm -rf "$work/target/natlint/cache"
  timed cold natlint:check -Dnatlint.failOnSeverity=none
  timed warm natlint:check -Dnatlint.failOnSeverity=none
  timed off natlint:check -Dnatlint.failOnSeverity=none -Dnatlint.cache=false
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
wall() { echo "${runs[$1]}" | tr ' ' '\n' | grep . | cut -d/ -f1 | median; }
cpu() { echo "${runs[$1]}" | tr ' ' '\n' | grep . | cut -d/ -f2 | median; }
v=$(wall validate)
vc=$(cpu validate)
printf "%-34s %6s s wall %6s s CPU  (runs wall/CPU: %s)\n" "mvn validate" "$v" "$vc" "${runs[validate]}"
for k in cold warm off; do
  label="mvn natlint:check, cache $k"
  printf "%-34s %6s s wall %6s s CPU  ratio %.2fx wall, %.2fx CPU  (runs: %s)\n" "$label" "$(wall $k)" "$(cpu $k)" \
      "$(awk "BEGIN{print $(wall $k) / $v}")" "$(awk "BEGIN{print $(cpu $k) / $vc}")" "${runs[$k]}"
done
echo "($(wc -l < "$work/src/main/routeros/office.rsc") lines of office config)"
