def log = new File(basedir, 'build.log').text
// the exclude (upper case, matching router.rsc case-insensitively) leaves nothing: say so, naming it
assert log.contains('natlint: nothing to check: no script in src/main/routeros (includes **/*.rsc; excludes **/*.RSC); set <allowEmpty>true</allowEmpty>')
assert !log.contains('hairpin-missing-masquerade')
return true
