def page = new File(basedir, 'target/site/natlint.html')
assert page.isFile()
def html = page.text
assert html.contains('1 finding (1 error) in 1 file')
assert html.contains('hairpin-missing-masquerade')
assert html.contains('rules/docs/hairpin-missing-masquerade.md')
// the topology of explain --format dot, drawn as SVG in Java (no dot binary on the path is used)
assert html.contains('<svg')
assert html.contains('192.168.1.0/24')
assert html.contains('line 14 80 -&gt; 192.168.1.2: reply-bypasses-router') || html.contains('line 14 80 -> 192.168.1.2: reply-bypasses-router')
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
return true
