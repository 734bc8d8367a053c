'use strict';
/* global describe, it */
const { checks, deliberateFailure } = require('./checks.cjs');

describe('clausemark smoke (mocha BDD in the extension host)', () => {
  for (const [name, fn] of checks) it(name, fn);
  if (process.env.CLAUSEMARK_SMOKE_FAIL === '1') it(deliberateFailure[0], deliberateFailure[1]);
});
