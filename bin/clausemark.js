#!/usr/bin/env node
// The published entry point: everything lives in the compiled CLI module.
import { main } from '../out/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
