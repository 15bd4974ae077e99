def log = new File(basedir, 'build.log').text
assert log.contains('natlint:check')
// every user-facing parameter is described; the internal one is not listed
for (p in ['allowEmpty', 'baseline', 'cache', 'configFile', 'disabledRules', 'excludes', 'failOnSeverity', 'includes',
           'outputDirectory', 'outputFormats', 'printFixes', 'reportUnusedSuppressions', 'severities', 'skip',
           'sourceDirectories']) {
    assert log.contains(p) : "help lists $p"
}
assert log.contains('Succeed when a source directory is missing or holds no script')
assert log.contains('User property: natlint.allowEmpty')
assert !log.contains('severitiesProperty')
assert !log.contains('pluginArtifacts')
assert log.contains('User property: natlint.cache')
assert log.contains('BUILD SUCCESS')
return true
