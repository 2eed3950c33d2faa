// the generated files are there, and the second build skipped the system (its dependency file said nothing changed)
def out = new File(basedir, 'target/tessera/cockpit')
assert new File(out, 'boot.scr').isFile()
assert new File(out, 'host.dtb').isFile()
assert new File(out, 'manifest.yaml').text.contains('system: cockpit')
assert new File(basedir, 'target/tessera/cockpit.d').text.contains('cockpit.tess')
// the variants execution: the system as written and its variant, each in a folder of its own
def line = new File(basedir, 'target/tessera-line/cockpit')
assert new File(line, 'cockpit/host.dtb').isFile()
assert new File(line, 'base/host.dtb').isFile()
assert !new File(line, 'base/passthrough').exists()
assert new File(basedir, 'target/tessera-line/cockpit.d').text.contains('base/manifest.yaml')
def log = new File(basedir, 'build.log').text
assert log.contains('tessera: wrote ')
assert log.contains('tessera: cockpit is up to date')
return true
