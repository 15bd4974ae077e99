def log = new File(basedir, 'build.log').text
// router-b is fine and builds first; router-a fails with its own relative path
assert log.contains('natlint: no findings in 1 file')
assert log.contains('[ERROR] src/main/routeros/edge.rsc:14:1:')
assert log.contains('router-a')
return true
