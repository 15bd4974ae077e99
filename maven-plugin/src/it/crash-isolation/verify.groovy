// One file that makes a stage fail: its internal-error finding and every other finding are reported.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:14:1: LAN client 192.168.1.10 -> 1.1.1.1:80/tcp')
assert log.contains('[ERROR] src/main/routeros/explodes.rsc:1:1: natlint failed while rule test-exploding-stage (java.lang.IllegalStateException: injected failure)')
assert log.contains('[internal-error]')
assert log.contains('[ERROR] src/main/routeros/explodes.rsc:15:1: LAN client 192.168.1.10 -> 1.1.1.1:80/tcp')
assert log.contains('natlint found 3 errors')
assert !log.contains('natlint failed on a file')
return true
