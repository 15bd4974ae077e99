// A finding whose verdict rests on an unmodelled matcher prints the assumption under it in the Maven log.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/routeros/router.rsc:13:1: LAN client 192.168.88.20 -> 203.0.113.2:80/tcp')
assert log.contains('[ERROR]     assumes: time=8h-17h,mon,tue,wed,thu,fri is not analysed; assumed to match (line 16)')
return true
