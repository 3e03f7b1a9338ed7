#!/usr/bin/env node
// `bcv` as npm links it (`npx bcv`): checks the Node version, then runs the built CLI, or
// says in one line how to build it. The CLI itself is out/cli/bcv.cjs (src/cli).
'use strict';
require('./check-node.cjs');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const built = join(__dirname, '..', 'out', 'cli', 'bcv.cjs');
if (!existsSync(built)) {
  process.stderr.write(
    `bcv is not built yet: run \`npm run build:cli\` in ${resolve(__dirname, '..')}, then try again\n`,
  );
  process.exit(2);
}
require(built).runAsProcess();
