import { readFileSync } from 'node:fs';

export interface RssNow {
  /** VmRSS, MiB: what the process holds in memory. */
  rssMiB: number;
  /** RssAnon (heap, stacks, buffers) and RssFile (the node binary and other mapped files, shared), MiB. */
  anonMiB: number;
  fileMiB: number;
}

/** VmRSS and its anonymous/file parts from /proc/<pid>/status, or null when the process has ended. */
export function readRss(pid: number): RssNow | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mib = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
    return { rssMiB: mib('VmRSS'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile') };
  } catch {
    return null;
  }
}

/** Samples VmRSS of a process from /proc every `everyMs`; `stop()` gives the highest and the last value in MiB. */
export function sampleRss(pid: number, everyMs = 100) {
  let max = 0;
  let last = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      last = kb / 1024;
      max = Math.max(max, last);
    } catch {
      // the process has ended
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return { maxMiB: Math.round(max), lastMiB: Math.round(last) };
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; null when it has ended. */
export function readCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    const ticksPerSecond = 100; // USER_HZ on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}
