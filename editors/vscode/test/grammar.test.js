// The TextMate grammar colours real .tess files: the examples, the shipped boards and a file of every keyword.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { tokenize, scopeOf } = require('./tokenize');
const { keywordsOf } = require('../scripts/build-grammar');

const repo = path.join(__dirname, '..', '..', '..');
const read = (p) => fs.readFileSync(path.join(repo, p), 'utf8');

function tessFiles(dir) {
  return fs.readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? tessFiles(path.join(dir, e.name)) : e.name.endsWith('.tess') ? [path.join(dir, e.name)] : []);
}

test('the cockpit example: declarations, keywords, constants, numbers, strings and comments', async () => {
  const tokens = await tokenize(read('examples/ivi/cockpit.tess'));
  assert.match(tokens[0].scopes.join(' '), /comment\.line\.double-slash\.tess/);
  assert.strictEqual(scopeOf(tokens, 'system'), 'storage.type.system.tess');
  assert.strictEqual(scopeOf(tokens, 'cockpit'), 'entity.name.type.system.tess');
  assert.strictEqual(scopeOf(tokens, 'on'), 'keyword.other.on.tess');
  assert.strictEqual(scopeOf(tokens, 'qemu-virt'), 'entity.name.type.board.tess');
  assert.strictEqual(scopeOf(tokens, 'domain'), 'storage.type.domain.tess');
  assert.strictEqual(scopeOf(tokens, 'dom0'), 'entity.name.type.tess');
  assert.strictEqual(scopeOf(tokens, 'variant'), 'storage.type.variant.tess');
  assert.strictEqual(scopeOf(tokens, 'premium'), 'entity.name.type.tess');
  assert.strictEqual(scopeOf(tokens, 'without'), 'keyword.other.tess');
  assert.strictEqual(scopeOf(tokens, 'control'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'at-boot'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'zephyr'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'null'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'direct-map'), 'keyword.other.tess');
  assert.strictEqual(scopeOf(tokens, 'memory'), 'keyword.other.tess');
  assert.strictEqual(scopeOf(tokens, 'passthrough'), 'keyword.other.tess');
  assert.strictEqual(scopeOf(tokens, 'gpio0'), 'variable.other.name.tess');
  assert.strictEqual(scopeOf(tokens, 'uart0'), 'variable.other.name.tess');
  assert.strictEqual(scopeOf(tokens, '512M'), 'constant.numeric.size.tess');
  assert.strictEqual(scopeOf(tokens, '0x70000000'), 'constant.numeric.hex.tess');
  assert.strictEqual(scopeOf(tokens, '4.17'), 'constant.numeric.version.tess');
  assert.strictEqual(scopeOf(tokens, 'Image'), 'string.quoted.double.tess');
  assert.strictEqual(scopeOf(tokens, '{'), 'punctuation.section.block.begin.tess');
});

test('a board: one-line devices, cells, CPU declarations after a brace', async () => {
  const tokens = await tokenize(read('boards/qemu-virt.tess'));
  assert.strictEqual(scopeOf(tokens, 'board'), 'storage.type.board.tess');
  assert.strictEqual(scopeOf(tokens, 'cpu0'), 'entity.name.type.tess');
  assert.strictEqual(scopeOf(tokens, 'uart0'), 'entity.name.type.tess');
  assert.strictEqual(scopeOf(tokens, 'uart'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'spi'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'level-high'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'v3'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, 'aarch64'), 'support.constant.tess');
  assert.strictEqual(scopeOf(tokens, '2G'), 'constant.numeric.size.tess');
  const inline = await tokenize('cluster c { cpu a57_0 mpidr 0x0 }\ndevice d { clocks "/x" <1 812> }');
  assert.strictEqual(scopeOf(inline, 'a57_0'), 'entity.name.type.tess');
  assert.strictEqual(scopeOf(inline, '<'), 'punctuation.section.cells.tess');
  assert.strictEqual(scopeOf(inline, '812'), 'constant.numeric.decimal.tess');
  const display = await tokenize('display from domd { connector lcd 2560x1600 }');
  assert.strictEqual(scopeOf(display, '2560x1600'), 'constant.numeric.resolution.tess');
});

test('keywords inside strings, comments and names are not keywords', async () => {
  const tokens = await tokenize([
    'domain linux-vm { // memory 1G and a domain',
    '  cmdline "memory=1G domain"',
    '  pin 0-3, 5',
    '  /* passthrough',
    '     gpu */ vcpus 2',
    '}',
  ].join('\n'));
  assert.strictEqual(scopeOf(tokens, 'linux-vm'), 'entity.name.type.tess');
  assert.ok(tokens.filter(t => t.line === 1 && t.text.includes('memory')).every(t => t.scopes.some(s => s.startsWith('comment'))));
  assert.ok(tokens.filter(t => t.line === 2 && t.text.includes('memory=1G')).every(t => t.scopes.some(s => s.startsWith('string'))));
  assert.strictEqual(scopeOf(tokens, '-', 3), 'keyword.operator.range.tess');
  assert.ok(tokens.filter(t => t.line === 5 && t.text.includes('gpu')).every(t => t.scopes.some(s => s.startsWith('comment'))));
  assert.strictEqual(scopeOf(tokens, 'vcpus', 5), 'keyword.other.tess');
});

test('every keyword of the Xtext grammar is coloured', async () => {
  const { keywords, constants } = keywordsOf(read('dsl/src/main/java/dev/tessera/dsl/Tessera.xtext'));
  assert.ok(keywords.length > 40 && constants.length > 20, `${keywords.length} keywords, ${constants.length} constants`);
  for (const word of [...keywords, ...constants]) {
    // in the middle of a line, where no declaration pattern applies
    const tokens = await tokenize(`x ${word} y`);
    const scope = scopeOf(tokens, word);
    assert.match(scope, /^(keyword|support\.constant|storage\.type)\./, `'${word}' is coloured as ${scope}`);
  }
});

test('every token of every example and shipped board has a scope of the language', async () => {
  const files = [...tessFiles('examples'), ...tessFiles('boards')];
  assert.ok(files.length >= 10, files.join(', '));
  for (const file of files) {
    const tokens = await tokenize(read(file));
    const bare = tokens.filter(t => t.text.trim() !== '' && t.scopes.length === 1);
    assert.deepStrictEqual(bare.slice(0, 5).map(t => `${file}:${t.line}: '${t.text}'`), [], `${file}: text without a scope`);
  }
});
