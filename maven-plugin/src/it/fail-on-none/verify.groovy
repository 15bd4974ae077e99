def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:14:1:')
assert log.contains('BUILD SUCCESS')
return true
