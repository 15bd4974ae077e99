def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:2:65: unclosed quote')
assert log.contains('[syntax]')
assert !log.contains('at dev.natlint')
return true
