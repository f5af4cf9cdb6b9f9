/** The machine a run happened on, for the results and the README. */
import { cpus, loadavg, totalmem, release, platform } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ram_gb: number;
  os: string;
  node: string;
  chromium: string;
  postgres: string;
  /** 1-minute load average when the run started and ended (other jobs on a shared machine). */
  load_start: number;
  load_end: number;
}

export function baseMachineInfo(): Omit<MachineInfo, 'chromium' | 'postgres' | 'load_end'> {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ram_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    load_start: loadAverage(),
  };
}

export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ram_gb} GB RAM, ${m.os}; Node ${m.node}, Chromium ${m.chromium}, ${m.postgres}; load average ${m.load_start} at start, ${m.load_end} at end`;
}
