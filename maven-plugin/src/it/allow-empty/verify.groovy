def log = new File(basedir, 'build.log').text
assert log.contains('natlint: source directory src/main/routeros does not exist; nothing to check there (allowEmpty)')
assert log.contains('BUILD SUCCESS')
return true
