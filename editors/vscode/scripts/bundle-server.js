#!/usr/bin/env node
// Copies the server jar (the tessera CLI jar, which runs the language server as `tessera lsp`) into server/ and
// the licence beside package.json, so that the .vsix works on its own: `java -jar server/tessera.jar lsp`.
//   TESSERA_JAR=/path/to/tessera.jar node scripts/bundle-server.js
'use strict';
const fs = require('fs');
const path = require('path');

const here = path.join(__dirname, '..');
const jar = process.env.TESSERA_JAR || path.join(here, '..', '..', 'cli', 'target', 'tessera.jar');
if (!fs.existsSync(jar)) {
  console.error(`bundle-server: ${jar} is missing: build the CLI first (./mvnw -pl cli -am install -DskipTests)`);
  process.exit(1);
}
fs.mkdirSync(path.join(here, 'server'), { recursive: true });
fs.copyFileSync(jar, path.join(here, 'server', 'tessera.jar'));
fs.copyFileSync(path.join(here, '..', '..', 'LICENSE'), path.join(here, 'LICENSE'));
console.log(`bundle-server: server/tessera.jar from ${path.relative(process.cwd(), jar)} (${(fs.statSync(jar).size / 1048576).toFixed(1)} MiB)`);
