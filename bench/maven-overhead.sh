#!/usr/bin/env bash
# What does natlint add to a Maven build? Times `mvn natlint:check` against `mvn validate` on a
# throw-away project holding the generated office-tier config (best of 5 each, offline, quiet).
# Usage: bench/maven-overhead.sh   (installs natlint into ~/.m2 first)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -ntp -q install -DskipTests -Dinvoker.skip >/dev/null
version="$(mvn -B -ntp -q -Dstyle.color=never help:evaluate -Dexpression=project.version -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/routeros"
java -cp bench/target/classes dev.natlint.bench.ConfigGenerator "$work/configs" 1 >/dev/null
cp "$work/configs/office.rsc" "$work/src/main/routeros/office.rsc"
rm -rf "$work/configs"
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
best() {
  local best=""
  for _ in 1 2 3 4 5; do
    local s
    /usr/bin/time -f "%e" -o "$work/time" mvn -B -o -q -Dstyle.color=never -f "$work/pom.xml" "$@" >/dev/null 2>&1
    s=$(tail -1 "$work/time")
    if [[ -z "$best" ]] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
  done
  echo "$best"
}
# once untimed: warms the file cache and shows that the check ran on the config
mvn -B -o -Dstyle.color=never -f "$work/pom.xml" natlint:check -Dnatlint.failOnSeverity=none | grep -E "findings? .* in [0-9]+ files?" | tail -1
validate=$(best validate)
check=$(best natlint:check -Dnatlint.failOnSeverity=none)
printf "mvn validate       %6s s\nmvn natlint:check  %6s s  (%s lines of office config)\nratio              %6.2fx\n" \
  "$validate" "$check" "$(wc -l < "$work/src/main/routeros/office.rsc")" "$(awk "BEGIN{print $check / $validate}")"
