// A process's settings come from environment variables. Each one is declared once, as a
// `Setting`, beside the code that uses it (the Mongo ones in libs/mongo, a service's own in
// `src/<service>.env.ts`): its variable, its default, what values it takes and why it exists.
// `readSettings` reads a group of them and reports every bad value at once, so a deployment
// learns all its mistakes from one failed start, each named by its variable.

export interface Setting<T> {
  variable: string;
  /** What the variable is for. */
  doc: string;
  /** A key or password: its value is never printed, not even in an error. */
  sensitive?: boolean;
  /** The value, or a message saying what the variable must be (`must be …`). */
  parse(raw: string | undefined, env: NodeJS.ProcessEnv): T | SettingProblem;
}

export class SettingProblem {
  constructor(readonly message: string) {}
}

export type Settings = Record<string, Setting<unknown>>;
export type SettingValues<S extends Settings> = {
  [K in keyof S]: S[K] extends Setting<infer T> ? T : never;
};

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

const given = (raw: string | undefined): raw is string => raw !== undefined && raw !== '';

/** Free text; an empty variable counts as unset. */
export function text(variable: string, fallback: string, doc: string): Setting<string> {
  return { variable, doc, parse: (raw) => (given(raw) ? raw : fallback) };
}

/** Free text with no default: undefined when unset. */
export function optionalText(variable: string, doc: string): Setting<string | undefined> {
  return { variable, doc, parse: (raw) => (given(raw) ? raw : undefined) };
}

/** A whole number within [min, max]. */
export function wholeNumber(
  variable: string,
  fallback: number,
  range: { min: number; max?: number },
  doc: string,
): Setting<number> {
  const { min, max = Number.MAX_SAFE_INTEGER } = range;
  const bounds = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  return {
    variable,
    doc,
    parse(raw) {
      if (!given(raw)) return fallback;
      const value = Number(raw);
      return Number.isInteger(value) && value >= min && value <= max
        ? value
        : new SettingProblem(`must be a whole number ${bounds}`);
    },
  };
}

/** `1`, `true` or `on`; `0`, `false` or `off`. */
export function flag(variable: string, fallback: boolean, doc: string): Setting<boolean> {
  return {
    variable,
    doc,
    parse(raw) {
      if (!given(raw)) return fallback;
      if (['1', 'true', 'on'].includes(raw)) return true;
      if (['0', 'false', 'off'].includes(raw)) return false;
      return new SettingProblem('must be 1 or 0 (true or false, on or off)');
    },
  };
}

/** A comma-separated list; blanks around and between items are dropped. */
export function list(variable: string, fallback: string[], doc: string): Setting<string[]> {
  return {
    variable,
    doc,
    parse(raw) {
      const items = (given(raw) ? raw : fallback.join(','))
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return items.length ? items : new SettingProblem('must name at least one item');
    },
  };
}

/**
 * A key or password: required when NODE_ENV is production; elsewhere a development value keeps
 * `npm start` to one command.
 */
export function secret(variable: string, developmentValue: string, doc: string): Setting<string> {
  return {
    variable,
    doc,
    sensitive: true,
    parse(raw, env) {
      if (given(raw)) return raw;
      if (env.NODE_ENV === 'production') return new SettingProblem('must be set in production');
      return developmentValue;
    },
  };
}

/** Reads every setting of the group; one SettingsError naming each bad variable. */
export function readSettings<S extends Settings>(
  settings: S,
  env: NodeJS.ProcessEnv = process.env,
): SettingValues<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(settings)) {
    const raw = env[setting.variable];
    const value = setting.parse(raw, env);
    if (value instanceof SettingProblem) {
      problems.push(
        `${setting.variable} ${value.message}${given(raw) && !setting.sensitive ? `, got ${JSON.stringify(raw)}` : ''}`,
      );
    } else {
      values[key] = value;
    }
  }
  if (problems.length) throw new SettingsError(problems);
  return values as SettingValues<S>;
}
