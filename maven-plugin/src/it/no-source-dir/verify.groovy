def log = new File(basedir, 'build.log').text
// a missing source directory is not "nothing wrong": the build fails and says what it looked for
assert log.contains('natlint: nothing to check: source directory src/main/routeros does not exist (includes **/*.rsc; excludes none); set <allowEmpty>true</allowEmpty> or -Dnatlint.allowEmpty to accept that')
assert log.contains('BUILD FAILURE')
return true
