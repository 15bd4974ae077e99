import groovy.json.JsonSlurper
def sarif = new JsonSlurper().parse(new File(basedir, 'target/natlint/natlint.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'natlint'
assert run.tool.driver.rules.any { it.id == 'hairpin-missing-masquerade' }
def result = run.results.find { it.ruleId == 'hairpin-missing-masquerade' }
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/routeros/router.rsc'
assert result.locations[0].physicalLocation.region.startLine == 14
assert result.properties.fix.snippet.startsWith('/ip firewall nat add action=masquerade')
def json = new JsonSlurper().parse(new File(basedir, 'target/natlint/natlint.json'))
assert json.files[0].findings[0].ruleId == 'hairpin-missing-masquerade'
return true
