import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/routeros/router.rsc:14:1: LAN client 192.168.1.10')
assert log.contains('[WARNING]     see rules/docs/hairpin-missing-masquerade.md')
assert log.contains('BUILD SUCCESS')
def parse = { name -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(basedir, 'target/natlint/' + name)) }
def errors = parse('natlint-checkstyle.xml').getElementsByTagName('error')
assert errors.length == 1
assert errors.item(0).getAttribute('source') == 'natlint.hairpin-missing-masquerade'
assert errors.item(0).getAttribute('severity') == 'warning'
def junit = parse('TEST-natlint.xml')
assert junit.getElementsByTagName('testcase').item(0).getAttribute('name') == 'src/main/routeros/router.rsc'
assert junit.getElementsByTagName('failure').length == 1
return true
