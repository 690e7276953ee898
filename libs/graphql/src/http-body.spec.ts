import { GATEWAY_BODY_LIMIT_BYTES, httpErrorAnswer, SUBGRAPH_BODY_LIMIT_BYTES } from './http-body';

describe('answers to errors raised before GraphQL runs', () => {
  it('names body-parser failures with a code and no internals', () => {
    expect(httpErrorAnswer({ type: 'entity.too.large', status: 413 }, 256 * 1024)).toEqual({
      status: 413,
      body: {
        errors: [
          {
            message: 'The request body exceeds the limit of 256 KB',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      },
    });
    const parse = Object.assign(new SyntaxError('Unexpected end of JSON input at /srv/x.js'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    expect(httpErrorAnswer(parse, 1024).body.errors).toEqual([
      { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('masks anything else as an internal error', () => {
    expect(httpErrorAnswer(new Error('ENOENT /srv/app'), 1024)).toEqual({
      status: 500,
      body: {
        errors: [
          { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      },
    });
  });

  it('lets subgraphs accept more than the gateway forwards', () => {
    expect(SUBGRAPH_BODY_LIMIT_BYTES).toBeGreaterThan(GATEWAY_BODY_LIMIT_BYTES);
  });
});
