'use strict';
// Test index that runs smoke.spec.cjs with mocha's BDD interface (describe/it) inside the
// extension host. mocha is not bundled with the extension: it is loaded from the
// repository's node_modules by absolute path (override with CLAUSEMARK_MOCHA_PATH).
const path = require('node:path');

function run() {
  const mochaPath = process.env.CLAUSEMARK_MOCHA_PATH || path.resolve(__dirname, '../../../node_modules/mocha');
  const Mocha = require(mochaPath);
  console.log(`loaded mocha ${require(path.join(mochaPath, 'package.json')).version} from ${mochaPath}`);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'smoke.spec.cjs'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} mocha test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
