#!/usr/bin/env node
// Checks the packaged extension the way VS Code installs it (`code --install-extension tessera.vsix`): the file is
// a zip whose extension.vsixmanifest names the extension (Identity Id, Publisher, Version, engine) as its
// extension/package.json does, and every file the extension starts from is inside: the entry point, the language
// configuration, the grammar, the client library and the bundled server jar, which must also answer `--version`.
// Exit 0 when all hold; otherwise each problem on its own line and exit 1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const yauzl = require('yauzl');

const vsix = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'target', 'tessera.vsix'));

function entries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const files = new Map();
      zip.on('entry', (e) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => { files.set(e.fileName, Buffer.concat(chunks)); zip.readEntry(); });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function attribute(xml, element, name) {
  const m = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : undefined;
}

async function main() {
  if (!fs.existsSync(vsix)) {
    console.error(`check-vsix: ${vsix} is missing: run 'npm run package' (the editors module's package phase) first`);
    process.exit(1);
  }
  const files = await entries(vsix);
  const problems = [];
  const manifest = files.get('extension.vsixmanifest');
  const pkgBytes = files.get('extension/package.json');
  if (!manifest) problems.push('no extension.vsixmanifest');
  if (!pkgBytes) problems.push('no extension/package.json');
  if (problems.length === 0) {
    const xml = manifest.toString('utf8');
    const pkg = JSON.parse(pkgBytes.toString('utf8'));
    const expect = [
      ['Identity Id', attribute(xml, 'Identity', 'Id'), pkg.name],
      ['Identity Publisher', attribute(xml, 'Identity', 'Publisher'), pkg.publisher],
      ['Identity Version', attribute(xml, 'Identity', 'Version'), pkg.version],
    ];
    for (const [what, got, want] of expect) if (got !== want) problems.push(`manifest ${what} is ${got}, package.json says ${want}`);
    const engine = /Id="Microsoft\.VisualStudio\.Code\.Engine" Value="([^"]*)"/.exec(xml);
    if (!engine || engine[1] !== pkg.engines.vscode) problems.push(`manifest engine ${engine && engine[1]}, package.json says ${pkg.engines.vscode}`);
    if (!/Type="Microsoft\.VisualStudio\.Code\.Manifest" Path="extension\/package\.json"/.test(xml)) problems.push('the manifest does not point at extension/package.json');
    const needed = [
      path.posix.join('extension', pkg.main),
      'extension/server/tessera.jar',
      'extension/node_modules/vscode-languageclient/package.json',
      ...pkg.contributes.languages.map((l) => path.posix.join('extension', l.configuration)),
      ...pkg.contributes.grammars.map((g) => path.posix.join('extension', g.path)),
    ].map((p) => path.posix.normalize(p));
    for (const p of needed) if (!files.has(p)) problems.push(`${p} is not in the package`);
    const jar = files.get('extension/server/tessera.jar');
    if (jar) {
      // the bundled server runs: unpacked beside nothing else, as the extension starts it
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-vsix-'));
      try {
        fs.writeFileSync(path.join(dir, 'tessera.jar'), jar);
        const out = execFileSync('java', ['-jar', path.join(dir, 'tessera.jar'), '--version'], { encoding: 'utf8', timeout: 60000 });
        if (!/tessera/i.test(out)) problems.push(`the bundled server's --version printed: ${out.trim()}`);
      } catch (e) {
        problems.push(`the bundled server does not run: ${e.message.split('\n')[0]}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (problems.length) {
    for (const p of problems) console.error(`check-vsix: ${p}`);
    process.exit(1);
  }
  console.log(`check-vsix: ${path.relative(process.cwd(), vsix)} installs: ${files.size} files, manifest and package agree, server runs`);
}

main().catch((e) => { console.error(`check-vsix: ${e.message}`); process.exit(1); });
