// The Tessera extension: starts the Tessera language server (`java -jar tessera.jar lsp`, or a command of your
// choice) for .tess files and adds the command that generates the outputs of the open system.
'use strict';
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind, ExecuteCommandRequest } = require('vscode-languageclient/node');

let client;

/** How to start the server, from the settings: a command, else java -jar (configured or bundled jar) lsp. */
function serverOptions(context) {
  const cfg = vscode.workspace.getConfiguration('tessera');
  const command = cfg.get('server.command') || [];
  if (command.length > 0) return { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  const jar = cfg.get('server.jar') || context.asAbsolutePath(path.join('server', 'tessera.jar'));
  return { command: cfg.get('server.java') || 'java', args: ['-jar', jar, 'lsp'], transport: TransportKind.stdio };
}

/** Xtext's server needs a root folder: without an open folder, the folder of the first .tess file is the root. */
function workspaceFolder() {
  if (vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 0) return undefined;
  const doc = vscode.window.activeTextEditor && vscode.window.activeTextEditor.document;
  if (!doc || doc.uri.scheme !== 'file') return undefined;
  const dir = vscode.Uri.file(path.dirname(doc.uri.fsPath));
  return { uri: dir, name: path.basename(dir.fsPath), index: 0 };
}

function createClient(context) {
  return new LanguageClient('tessera', 'Tessera', serverOptions(context), {
    documentSelector: [{ scheme: 'file', language: 'tessera' }],
    workspaceFolder: workspaceFolder(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.tess') },
  });
}

async function generateOutputs() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'tessera') {
    vscode.window.showErrorMessage('Tessera: open the .tess file of a system first.');
    return;
  }
  // the server generates from the file on disk, as `tessera generate` does
  if (editor.document.isDirty && !(await editor.document.save())) return;
  const output = vscode.workspace.getConfiguration('tessera').get('outputFolder');
  const args = [editor.document.uri.toString()];
  if (output) args.push(null, output);
  // the server reports the outcome itself (window/showMessage)
  return client.sendRequest(ExecuteCommandRequest.type, { command: 'tessera.generate', arguments: args });
}

async function activate(context) {
  client = createClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('tessera.generateOutputs', generateOutputs),
    vscode.commands.registerCommand('tessera.restartServer', async () => {
      await client.stop();
      client = createClient(context);
      await client.start();
    }),
  );
  await client.start();
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate, serverOptions };
