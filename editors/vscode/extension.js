// Starts `natlint lsp` for RouterOS scripts. The server does all the work; this file only tells VS Code
// how to launch it (setting natlint.command) and which documents it serves.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('natlint').get('command', ['natlint', 'lsp']);
  const server = { command: command[0], args: command.slice(1), transport: TransportKind.stdio };
  client = new LanguageClient('natlint', 'natlint', server, {
    documentSelector: [{ language: 'routeros' }, { pattern: '**/*.rsc' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
