def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:14:1: LAN client 192.168.1.10 -> 1.1.1.1:80/tcp')
assert log.contains('[hairpin-missing-masquerade]')
assert log.contains('/ip firewall nat add action=masquerade chain=srcnat src-address=192.168.1.0/24 dst-address=192.168.1.2')
assert log.contains('natlint found 1 error')
return true
