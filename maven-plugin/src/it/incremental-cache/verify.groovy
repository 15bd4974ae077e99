// Six builds of one project share build.log, each starting with Maven's "Scanning for projects".
def log = new File(basedir, 'build.log').text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('natlint') }
assert runs.size() == 6 : "expected six builds in build.log, found ${runs.size()}"
def reused = 'natlint: 1 of 1 script unchanged since the last build; findings read from target/natlint/cache'
// the findings as the log prints them, without the lines that say where they came from
def findings = { String run -> run.readLines().findAll { it =~ /^\[(ERROR|WARNING)\] (src\/|    )/ }.join('\n') }
runs.eachWithIndex { run, i -> assert run.contains('BUILD SUCCESS') : "build ${i + 1} failed" }

// 1: nothing cached yet, the script is analysed
assert !runs[0].contains(reused)
assert runs[0].contains('[ERROR] src/main/routeros/router.rsc:14:1:')
// 2: nothing changed: the findings are read back, and the log says so; the same findings, byte for byte
assert runs[1].contains(reused)
assert findings(runs[1]) == findings(runs[0])
// 3: the script was edited (a second forward): analysed again, the new forward's finding appears
assert !runs[2].contains(reused)
assert runs[2].contains('[ERROR] src/main/routeros/router.rsc:17:1:')
// 4: a setting changed (a severity): analysed again, the findings are warnings now
assert !runs[3].contains(reused)
assert runs[3].contains('[WARNING] src/main/routeros/router.rsc:17:1:')
assert !runs[3].contains('[ERROR] src/main/routeros/router.rsc:')
// 5: nothing changed since 4: read back
assert runs[4].contains(reused)
assert findings(runs[4]) == findings(runs[3])
// 6: -Dnatlint.cache=false: analysed, the same findings
assert !runs[5].contains(reused)
assert findings(runs[5]) == findings(runs[3])
// the cache keeps one entry per script
def entries = new File(basedir, 'target/natlint/cache').listFiles().findAll { it.name.endsWith('.entry') }
assert entries.size() == 1
return true
