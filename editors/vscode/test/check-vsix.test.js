// The package check (scripts/check-vsix.js, run on the real .vsix in the Maven build's verify phase) refuses a
// package VS Code would install wrongly: its negative control, on a package made here without the server jar and
// with a manifest that names another publisher than its package.json.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const yazl = require('yazl');

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function brokenPackage(file) {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`<?xml version="1.0" encoding="utf-8"?><PackageManifest><Metadata>
<Identity Language="en-US" Id="${pkg.name}" Version="${pkg.version}" Publisher="someone-else" />
<Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="${pkg.engines.vscode}" /></Properties></Metadata>
<Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>`), 'extension.vsixmanifest');
  zip.addBuffer(fs.readFileSync(path.join(root, 'package.json')), 'extension/package.json');
  zip.addBuffer(fs.readFileSync(path.join(root, pkg.main)), path.posix.join('extension', pkg.main));
  zip.end();
  return new Promise((resolve) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve));
}

test('a package without the server jar, whose manifest names another publisher, is refused with both problems', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-vsix-test-'));
  const file = path.join(dir, 'broken.vsix');
  await brokenPackage(file);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'check-vsix.js'), file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  assert.strictEqual(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /manifest Identity Publisher is someone-else, package\.json says tessera/);
  assert.match(r.stderr, /extension\/server\/tessera\.jar is not in the package/);
  assert.match(r.stderr, /extension\/syntaxes\/tessera\.tmLanguage\.json is not in the package/);
});
