#!/usr/bin/env node
// Clausemark as a language server: `clausemark-language-server --stdio` for Neovim, Helix, Zed, Emacs and others.
import '../out/src/server/start.js';
