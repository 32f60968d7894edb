import 'reflect-metadata';

const ENV_KEY = Symbol('env-var');

/** Binds a config property to an environment variable; the loader reads, converts and validates it. */
export function EnvVar(name: string): PropertyDecorator {
  return (target, property) => {
    const map: Map<string | symbol, string> = Reflect.getMetadata(ENV_KEY, target) ?? new Map();
    map.set(property, name);
    Reflect.defineMetadata(ENV_KEY, map, target);
  };
}

export function envVarsOf(target: object): Map<string | symbol, string> {
  return Reflect.getMetadata(ENV_KEY, target) ?? new Map();
}
