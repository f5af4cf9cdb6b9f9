import { app, dialog, type BrowserWindow, type FileFilter, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { SaveFileRequest, SaveFileResult } from '../../shared/ipc';
import { writeFileAtomic } from './atomic-write';

function fileFilter(kind: 'csv' | 'json'): FileFilter {
  return kind === 'csv' ? { name: 'CSV (comma-separated values)', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] };
}

/** The chosen path, with the kind's extension added when the user typed a name without one. */
function withExtension(path: string, kind: 'csv' | 'json'): string {
  return extname(path) === '' ? `${path}.${kind}` : path;
}

/**
 * Asks where to save (proposing `suggestedName` in the Documents folder), then writes the file
 * atomically as UTF-8. `{ saved: false }` when the user cancels. The request is already validated.
 */
export async function saveTextFile(owner: BrowserWindow | null, request: SaveFileRequest, kind: 'csv' | 'json'): Promise<SaveFileResult> {
  const options: SaveDialogOptions = {
    title: kind === 'csv' ? 'Export CSV' : 'Export JSON',
    defaultPath: join(app.getPath('documents'), request.suggestedName),
    filters: [fileFilter(kind)],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const choice = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
  const path = withExtension(choice.filePath, kind);
  try {
    await writeFileAtomic(path, request.content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not save ${path}: ${reason}`, { cause: error });
  }
  return { saved: true, path };
}
