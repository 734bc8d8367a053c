'use strict';
// Same checks as index.cjs plus one that always fails: proves the runner exits 1 and prints the error.
const { runChecks } = require('./index.cjs');

module.exports = { run: () => runChecks({ fail: true }) };
