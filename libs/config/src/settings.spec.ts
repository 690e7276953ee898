import {
  flag,
  list,
  optionalText,
  readSettings,
  secret,
  SettingsError,
  text,
  wholeNumber,
} from './settings';

const SETTINGS = {
  name: text('NAME', 'jiceng', 'a name'),
  tag: optionalText('TAG', 'a tag'),
  port: wholeNumber('PORT', 4000, { min: 1, max: 65_535 }, 'a port'),
  publish: flag('PUBLISH', true, 'whether to publish'),
  brokers: list('BROKERS', ['127.0.0.1:9092'], 'brokers'),
  key: secret('KEY', 'dev-key', 'a key'),
};

describe('readSettings', () => {
  it('takes the defaults for unset and empty variables', () => {
    expect(readSettings(SETTINGS, { PORT: '' })).toEqual({
      name: 'jiceng',
      tag: undefined,
      port: 4000,
      publish: true,
      brokers: ['127.0.0.1:9092'],
      key: 'dev-key',
    });
  });

  it('parses what is given', () => {
    const env = {
      NAME: 'x',
      TAG: 't',
      PORT: '80',
      PUBLISH: '0',
      BROKERS: ' a:1 , b:2 ,',
      KEY: 'k',
    };
    expect(readSettings(SETTINGS, env)).toEqual({
      name: 'x',
      tag: 't',
      port: 80,
      publish: false,
      brokers: ['a:1', 'b:2'],
      key: 'k',
    });
  });

  it('names every bad variable at once, and never prints a secret', () => {
    const env = { PORT: '0', PUBLISH: 'yes', BROKERS: ',', NODE_ENV: 'production' };
    let error: unknown;
    try {
      readSettings(SETTINGS, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems).toEqual([
      'PORT must be a whole number from 1 to 65535, got "0"',
      'PUBLISH must be 1 or 0 (true or false, on or off), got "yes"',
      'BROKERS must name at least one item, got ","',
      'KEY must be set in production',
    ]);
  });

  it('rejects fractions and words as whole numbers', () => {
    for (const bad of ['1.5', 'soon', '-3']) {
      expect(() => readSettings({ n: wholeNumber('N', 1, { min: 0 }, 'n') }, { N: bad })).toThrow(
        `N must be a whole number at least 0, got "${bad}"`,
      );
    }
  });
});
