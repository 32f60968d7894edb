/**
 * Message ids: 16 lower-case hex digits, an instance prefix (start time in seconds) and a counter, so ids stay
 * unique across simulator restarts in dev.
 */
export function createMessageIdGenerator(
  prefix = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0'),
): () => string {
  let counter = 0;
  return () => {
    counter = (counter + 1) % 0x100000000;
    return `${prefix}${counter.toString(16).padStart(8, '0')}`;
  };
}
