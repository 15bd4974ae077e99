def log = new File(basedir, 'build.log').text
assert log.contains('natlint: no findings in 1 file')
assert log.contains('BUILD SUCCESS')
// nothing to fix: no fix script
assert !new File(basedir, 'target/natlint/router.fix.rsc').exists()
return true
