// The one Node version check, before anything that needs Node 24 is loaded (node:sqlite,
// zstd). Plain CommonJS that any Node can read, so an older Node gets one line and exit 2
// instead of a stack trace. The version needed is package.json's `engines.node`.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const engines = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).engines;
const needed = Number(/\d+/.exec(engines.node)[0]);
const running = Number(process.versions.node.split('.')[0]);
if (running < needed) {
  process.stderr.write(
    `bcv needs Node ${needed} or newer (this is Node ${process.versions.node}): ` +
      'run `. scripts/use-node.sh` (Linux, bash or zsh) or `nvm install`, then try again\n',
  );
  process.exit(2);
}
