/** A listening port from an environment value (0..65535, digits only); the error names the variable. */
export function portFromEnv(name: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`${name} must be a port number, got "${text}"`);
  return port;
}
