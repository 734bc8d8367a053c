import * as vscode from 'vscode';
import type { FileStat, WorkspaceFileSystem } from '../core/workspace/fileSystem.js';
import { nodeFileSystem } from '../core/workspace/nodeFileSystem.js';

const encoder = new TextEncoder();

/**
 * The disk as the core sees it from the editor: an open editor buffer wins over the file on disk (so an
 * unsaved edit is what gets checked), everything else comes from the real file system.
 */
export const editorFileSystem: WorkspaceFileSystem = {
  async readFile(absolutePath) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === absolutePath);
    return open ? encoder.encode(open.getText()) : nodeFileSystem.readFile(absolutePath);
  },
  async stat(absolutePath): Promise<FileStat | undefined> {
    return nodeFileSystem.stat(absolutePath);
  },
  realpath: (absolutePath) => nodeFileSystem.realpath(absolutePath),
  findFiles: (root, include, exclude) => nodeFileSystem.findFiles(root, include, exclude),
};
