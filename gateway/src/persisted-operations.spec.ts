import { createHash } from 'node:crypto';
import { parseSafelist, persistedQueryStore } from './persisted-operations';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const body = 'query Me { me { id } }';
const manifest = (operations: unknown[]) =>
  JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations });

describe('parseSafelist', () => {
  it('reads an Apollo manifest and the clients held to it', () => {
    const safelist = parseSafelist(manifest([{ id: sha(body), name: 'Me', type: 'query', body }]), [
      'jiceng-web',
    ]);
    expect(safelist.operations.get(sha(body))).toEqual({ id: sha(body), name: 'Me', body });
    expect([...safelist.clients]).toEqual(['jiceng-web']);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ format: 'relay', version: 1, operations: [] }), /format/],
    [
      'no operations',
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1 }),
      /list/,
    ],
    [
      'an id that is not the hash',
      manifest([{ id: sha('x'), body }]),
      /operations\[0\]: id must be/,
    ],
    ['an empty body', manifest([{ id: sha(''), body: '' }]), /operations\[0\]: body/],
  ])('refuses %s, naming the entry', (_case, json, message) => {
    expect(() => parseSafelist(json, ['web'], 'ops.json')).toThrow(message);
  });

  it('refuses a safelist that holds no client to it', () => {
    expect(() => parseSafelist(manifest([]), [])).toThrow(/SAFELIST_CLIENTS/);
  });
});

describe('persistedQueryStore', () => {
  it('answers the safelist by hash, under Apollo key prefix, and never evicts it', async () => {
    const safelist = parseSafelist(manifest([{ id: sha(body), body }]), ['web']);
    const store = persistedQueryStore(11, safelist);
    await store.set(`apq:${sha('query { a }')}`, 'query { a }'); // fills the 11 bytes
    await store.set(`apq:${sha(body)}`, 'something else');
    expect(await store.get(`apq:${sha(body)}`)).toBe(body);
    expect(await store.get(`apq:${sha('query { a }')}`)).toBe('query { a }');
  });

  it('keeps at most maxBytes of registrations, least recently used out first', async () => {
    const store = persistedQueryStore(30, undefined);
    const texts = ['query { aaaaaaaa }', 'query { bbbbbbbb }', 'query { cccccccc }']; // 18 bytes
    await store.set(`apq:${sha(texts[0])}`, texts[0]);
    expect(await store.get(`apq:${sha(texts[0])}`)).toBe(texts[0]);
    await store.set(`apq:${sha(texts[1])}`, texts[1]); // 36 bytes: the first goes
    expect(await store.get(`apq:${sha(texts[0])}`)).toBeUndefined();
    expect(await store.get(`apq:${sha(texts[1])}`)).toBe(texts[1]);
    await store.set(`apq:${sha('x'.repeat(31))}`, 'x'.repeat(31)); // larger than the store
    expect(await store.get(`apq:${sha('x'.repeat(31))}`)).toBeUndefined();
    expect(await store.get(`apq:${sha(texts[1])}`)).toBe(texts[1]);
    expect(await store.delete(`apq:${sha(texts[1])}`)).toBe(true);
    expect(await store.get(`apq:${sha(texts[1])}`)).toBeUndefined();
  });
});
