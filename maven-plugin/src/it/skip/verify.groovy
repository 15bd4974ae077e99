def log = new File(basedir, 'build.log').text
assert log.contains('natlint: skipped')
assert !log.contains('hairpin-missing-masquerade')
return true
