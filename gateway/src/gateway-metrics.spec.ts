import { GatewayMetrics, OperationLabels } from './gateway-metrics';

describe('OperationLabels', () => {
  it('keeps valid names and calls a missing one anonymous', () => {
    const labels = new OperationLabels();
    expect(labels.label('MemberById')).toBe('MemberById');
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label(null)).toBe('anonymous');
    expect(labels.label('')).toBe('anonymous');
  });

  it('counts names over 64 characters and malformed ones as other', () => {
    const labels = new OperationLabels();
    expect(labels.label('a'.repeat(64))).toBe('a'.repeat(64));
    expect(labels.label('a'.repeat(65))).toBe('other');
    expect(labels.label('has space')).toBe('other');
    expect(labels.label('bad"label\n')).toBe('other');
  });

  it('bounds the distinct names: after the first 500, new ones are other, known ones stay', () => {
    const labels = new OperationLabels();
    for (let i = 0; i < 500; i++) expect(labels.label(`Op${i}`)).toBe(`Op${i}`);
    expect(labels.label('Op500')).toBe('other');
    expect(labels.label('Op0')).toBe('Op0');
    expect(labels.label('Op499')).toBe('Op499');
  });
});

describe('GatewayMetrics', () => {
  it('times subgraph fetches by service and outcome in its own registry', async () => {
    const metrics = new GatewayMetrics();
    metrics.startFetch('members')('success');
    metrics.startFetch('members')('error');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /jiceng_gateway_subgraph_fetch_duration_seconds_count\{service="members",outcome="success"\} 1/,
    );
    expect(text).toMatch(
      /jiceng_gateway_subgraph_fetch_duration_seconds_count\{service="members",outcome="error"\} 1/,
    );
    // The process metrics are in the same registry.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    // A second gateway in the same process starts from zero.
    expect(await new GatewayMetrics().registry.metrics()).not.toMatch(/service="members"/);
  });
});
