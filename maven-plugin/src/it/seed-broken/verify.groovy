def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:14:1: LAN client 192.168.1.10 -> 1.1.1.1:80/tcp')
assert log.contains('[hairpin-missing-masquerade]')
assert log.contains('/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.1.0/24 dst-address=192.168.1.2')
assert log.contains('natlint found 1 error')
// every fix as one script to import, checked by natlint before it is written
def fix = new File(basedir, 'target/natlint/router.fix.rsc')
assert fix.isFile()
assert fix.text.startsWith('# natlint: every fix for src/main/routeros/router.rsc (1 finding)')
assert fix.text.contains('/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.1.0/24 dst-address=192.168.1.2')
assert !fix.text.contains('NOT PROVEN')
assert log.contains('natlint: wrote target/natlint/router.fix.rsc (every fix, checked)')
return true
