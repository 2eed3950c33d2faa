// Tokenizes .tess text with the generated TextMate grammar, as VS Code does (vscode-textmate + oniguruma).
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'tessera.tmLanguage.json');
let grammarPromise;

function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    const onigLib = oniguruma.loadWASM(wasm).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => scopeName === 'source.tess'
        ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    });
    grammarPromise = registry.loadGrammar('source.tess');
  }
  return grammarPromise;
}

/** [{ line, text, scopes }] for every token of the text. */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const tokens = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) tokens.push({ line: i + 1, text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return tokens;
}

/** The innermost scope of the first token whose text is `text` (on `line`, when given). */
function scopeOf(tokens, text, line) {
  const t = tokens.find(x => x.text === text && (line === undefined || x.line === line));
  if (!t) throw new Error(`no token '${text}'${line ? ' on line ' + line : ''}`);
  return t.scopes[t.scopes.length - 1];
}

module.exports = { tokenize, scopeOf };
