import { describe, expect, it } from 'vitest';
import { launchOptionsFromArgv } from './launch-options';

describe('launchOptionsFromArgv', () => {
  it('is demo mode only with --demo after the executable', () => {
    expect(launchOptionsFromArgv(['/usr/bin/electron', '.', '--demo'])).toEqual({ demo: true });
    expect(launchOptionsFromArgv(['/opt/Branchdesk/branchdesk', '--demo'])).toEqual({ demo: true });
    expect(launchOptionsFromArgv(['/opt/Branchdesk/branchdesk'])).toEqual({ demo: false });
    expect(launchOptionsFromArgv(['--demo'])).toEqual({ demo: false });
    expect(launchOptionsFromArgv(['/x', '--demo=1'])).toEqual({ demo: false });
  });
});
