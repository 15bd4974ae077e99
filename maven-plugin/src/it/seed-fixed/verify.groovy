def log = new File(basedir, 'build.log').text
assert log.contains('natlint: no findings in 1 file')
assert log.contains('BUILD SUCCESS')
return true
