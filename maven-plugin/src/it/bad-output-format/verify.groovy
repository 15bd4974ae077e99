def log = new File(basedir, 'build.log').text
assert log.contains("natlint: unknown output format 'pdf' in outputFormats (sarif, json, text, github, checkstyle, junit)")
// rejected before analysis: no finding was printed and no report written
assert !log.contains('hairpin-missing-masquerade')
assert !new File(basedir, 'target/natlint').exists()
return true
