import { readFileSync } from 'node:fs';

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
