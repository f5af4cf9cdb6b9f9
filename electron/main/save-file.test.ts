import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn<(name: string) => string>() },
  dialog: { showSaveDialog: vi.fn() },
}));
vi.mock('electron', () => electron);

const { saveTextFile } = await import('./save-file');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-save-'));
  electron.app.getPath.mockImplementation((name) => (name === 'documents' ? dir : '/nowhere'));
  electron.dialog.showSaveDialog.mockReset();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saveTextFile', () => {
  it('proposes the name in Documents with a CSV filter and writes the chosen file', async () => {
    const target = join(dir, 'at-risk.csv');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const result = await saveTextFile(null, { suggestedName: 'at-risk.csv', content: 'id\nc1\n' }, 'csv');
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('id\nc1\n');
    const [options] = electron.dialog.showSaveDialog.mock.calls[0] as [{ defaultPath: string; filters: { extensions: string[] }[] }];
    expect(options.defaultPath).toBe(join(dir, 'at-risk.csv'));
    expect(options.filters).toEqual([{ name: expect.any(String), extensions: ['csv'] }]);
  });
  it('attaches the dialog to the window when there is one', async () => {
    const owner = { id: 1 };
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await saveTextFile(owner as never, { suggestedName: 'a.json', content: '{}' }, 'json');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(owner, expect.objectContaining({ filters: [{ name: 'JSON', extensions: ['json'] }] }));
  });
  it('saves nothing when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await saveTextFile(null, { suggestedName: 'a.csv', content: 'x' }, 'csv')).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });
  it('adds the extension when the user typed a name without one', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, 'customer') });
    const result = await saveTextFile(null, { suggestedName: 'c.json', content: '{"a":1}' }, 'json');
    expect(result).toEqual({ saved: true, path: join(dir, 'customer.json') });
    expect(await readFile(join(dir, 'customer.json'), 'utf8')).toBe('{"a":1}');
  });
  it('keeps the extension the user typed, whatever it is', async () => {
    for (const name of ['export.csv', 'export.txt']) {
      electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: join(dir, name) });
      expect(await saveTextFile(null, { suggestedName: 'a.csv', content: 'x' }, 'csv')).toEqual({ saved: true, path: join(dir, name) });
    }
  });
  it('reports a write failure naming the path, leaving nothing behind', async () => {
    const target = join(dir, 'folder.csv');
    await mkdir(target);
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(saveTextFile(null, { suggestedName: 'a.csv', content: 'x' }, 'csv')).rejects.toThrow(`Could not save ${target}:`);
    expect(await readdir(dir)).toEqual(['folder.csv']);
  });
});
