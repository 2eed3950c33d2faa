// The extension's manifest and how it starts the server, with a stand-in for the vscode module (VS Code itself
// cannot run here; the server it starts is tested over stdio by the Maven module's Java tests).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function loadExtension(settings) {
  const vscode = {
    workspace: { getConfiguration: () => ({ get: (key) => settings[key] }), workspaceFolders: undefined },
    window: {},
    Uri: { file: (p) => ({ fsPath: p }) },
  };
  const resolve = Module._resolveFilename;
  const client = { LanguageClient: class {}, TransportKind: { stdio: 0 }, ExecuteCommandRequest: { type: 'workspace/executeCommand' } };
  const stubs = { vscode, 'vscode-languageclient/node': client };
  Module._resolveFilename = function (request, ...rest) {
    return request in stubs ? `stub:${request}` : resolve.call(this, request, ...rest);
  };
  for (const [name, exports] of Object.entries(stubs))
    require.cache[`stub:${name}`] = { id: name, filename: name, loaded: true, exports };
  delete require.cache[require.resolve('../extension.js')];
  try {
    return require('../extension.js');
  } finally {
    Module._resolveFilename = resolve;
  }
}

const context = { asAbsolutePath: (p) => path.join('/ext', p) };

test('by default the bundled jar runs as `java -jar server/tessera.jar lsp`', () => {
  const ext = loadExtension({});
  const options = ext.serverOptions(context);
  assert.strictEqual(options.command, 'java');
  assert.strictEqual(options.transport, 0);
  assert.deepStrictEqual(options.args, ['-jar', path.join('/ext', 'server', 'tessera.jar'), 'lsp']);
});

test('settings choose the java, the jar or a whole command', () => {
  let o = loadExtension({ 'server.java': '/opt/jdk/bin/java', 'server.jar': '/src/tessera/cli/target/tessera.jar' }).serverOptions(context);
  assert.strictEqual(o.command, '/opt/jdk/bin/java');
  assert.deepStrictEqual(o.args, ['-jar', '/src/tessera/cli/target/tessera.jar', 'lsp']);
  o = loadExtension({ 'server.command': ['/src/tessera/tessera', 'lsp'] }).serverOptions(context);
  assert.strictEqual(o.command, '/src/tessera/tessera');
  assert.deepStrictEqual(o.args, ['lsp']);
});

test('the manifest: .tess files, the generated grammar, the commands the extension registers', () => {
  const language = manifest.contributes.languages.find(l => l.id === 'tessera');
  assert.deepStrictEqual(language.extensions, ['.tess']);
  assert.ok(fs.existsSync(path.join(root, language.configuration)));
  const grammar = manifest.contributes.grammars.find(g => g.language === 'tessera');
  assert.strictEqual(grammar.scopeName, 'source.tess');
  assert.ok(fs.existsSync(path.join(root, grammar.path)), `${grammar.path} (npm run grammar)`);
  assert.ok(fs.existsSync(path.join(root, manifest.main)));
  assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:tessera']);
  const source = fs.readFileSync(path.join(root, manifest.main), 'utf8');
  for (const c of manifest.contributes.commands)
    assert.ok(source.includes(`registerCommand('${c.command}'`), `${c.command} is contributed but not registered`);
  for (const key of Object.keys(manifest.contributes.configuration.properties))
    assert.ok(source.includes(`'${key.replace(/^tessera\./, '')}'`), `setting ${key} is never read`);
  // the language server's own command keeps its name in the extension and in the server
  assert.ok(source.includes("command: 'tessera.generate'"));
});
