import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { envVarsOf } from './env-var';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function convert(raw: string, type: unknown, variable: string): unknown {
  if (type === Number) {
    const n = Number(raw);
    if (raw.trim() === '' || Number.isNaN(n)) throw new ConfigError(`Invalid configuration: ${variable} must be a number (got "${raw}")`);
    return n;
  }
  if (type === Boolean) {
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    throw new ConfigError(`Invalid configuration: ${variable} must be true or false (got "${raw}")`);
  }
  return raw;
}

/**
 * Builds a config object from the environment: each `@EnvVar` property takes the variable when set (converted to
 * the property's declared type), otherwise keeps the class default; then class-validator checks the result and
 * the first problem stops the boot with a message naming the variable.
 */
export function loadConfig<T extends object>(Cls: new () => T, env: Env = process.env): T {
  const config = new Cls();
  const vars = envVarsOf(Cls.prototype);
  for (const [property, variable] of vars) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const type = Reflect.getMetadata('design:type', Cls.prototype, property);
    (config as Record<string | symbol, unknown>)[property] = convert(raw, type, variable);
  }
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const messages = errors.map((e) => {
      const variable = vars.get(e.property) ?? e.property;
      const shown = vars.has(e.property) && /SECRET|PASSWORD|KEY/.test(variable) ? '(hidden)' : JSON.stringify(e.value);
      const reasons = Object.values(e.constraints ?? {}).map((m) => m.replace(e.property, variable));
      return `${variable} ${reasons.join('; ')} (got ${shown})`;
    });
    throw new ConfigError(`Invalid configuration: ${messages.join(' | ')}`);
  }
  return config;
}
