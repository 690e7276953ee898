import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  dataOf,
  startApp,
  withSubgraphStack,
  YUNHE_SAMPLE,
  type AppProcess,
} from '@jiceng/testing';

// The explorer in a real browser (Debian's chromium) in front of the real gateway and the
// organizations subgraph: a development token, a cookbook query, its answer and a CSV download.
// The page must work offline: any request off 127.0.0.1, or a CSP violation, fails the test.

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the explorer in a browser', () => {
  const stack = withSubgraphStack({
    tag: 'explorer',
    services: ['organizations'],
    tree: YUNHE_SAMPLE,
  });
  let browser: Browser;
  let page: Page;
  const foreignRequests: string[] = [];
  const cspViolations: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 800 },
    });
    page = await context.newPage();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1')
        foreignRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text()))
        cspViolations.push(message.text());
      else if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('mints a development token, runs a cookbook query and downloads its list as CSV', async () => {
    await page.goto(`${stack.gateway.baseUrl}/explorer`);
    await page.locator('summary', { hasText: '开发令牌' }).click();
    await page.locator('select[name="role"]').selectOption('ADMIN');
    await page.getByRole('button', { name: '生成令牌' }).click();
    // A string, not a function: this file is compiled without the DOM's types.
    await page.waitForFunction(
      `document.querySelector('input[name="token"]').value.startsWith('ey')`,
    );

    await page.getByRole('button', { name: /示例查询/ }).click();
    await page.getByRole('button', { name: '按名称找组织' }).click();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.getByText('运河区委').first().waitFor({ timeout: 30_000 });
    // Monaco renders spaces as no-break spaces.
    const answer = (await response.innerText()).replace(/\s+/g, ' ');
    expect(answer).toContain('"name": "运河区委", "kindLabel": "党委"');

    // The docs explorer, with the schema's Chinese descriptions (introspection is on here).
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query').first().waitFor();

    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    await page.getByRole('button', { name: /示例查询/ }).click();
    await page.screenshot({ path: join(ROOT, 'tmp', 'explorer.png') });

    // An entry about a named organization gets its id looked up by its exact name (the demo's),
    // not the first of the many names containing it.
    const district = dataOf(
      await stack.q(
        stack.adminToken,
        'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
        {
          i: {
            name: '中共沧州市运河区委员会',
            kind: 'PARTY_COMMITTEE',
            sector: 'STATE_ORGAN',
            regionCode: '130903',
            parentId: stack.org.province,
          },
        },
      ),
    ).createOrganization.id as string;
    await page.getByRole('button', { name: '运河区 星级评定' }).click();
    const variables = page.locator('section.graphiql-editor-tool[aria-label="Variables"]');
    await variables.getByText(district).waitFor();
    await page.getByRole('button', { name: '按名称找组织' }).click();
    await variables.getByText('"运河区"').waitFor();

    await page
      .getByRole('button', { name: /下载 CSV/ })
      .first()
      .click();
    await page.locator('input[list="explorer-result-lists"]').fill('organizations');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.explorer-panel').getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    await page.getByRole('status').getByText('已下载').waitFor();
    expect(download.suggestedFilename()).toBe('organizations.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFid,name,kindLabel,sectorLabel,parent.name,descendantCount',
    );
    expect(csv).toContain('运河区委');

    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
    // Monaco's workers and everything else loaded: nothing failed quietly either.
    expect(consoleErrors).toEqual([]);
  });

  it('sends the bundle gzipped, under its strict policy', async () => {
    const res = await fetch(`${stack.gateway.baseUrl}/explorer/explorer.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
  });

  it('sends a browser opening /graphql to the explorer', async () => {
    const res = await fetch(`${stack.gateway.baseUrl}/graphql`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer');
  });
});

describe('the explorer where it must not be', () => {
  const productionSecrets = {
    NODE_ENV: 'production',
    JWT_SECRET: 'explorer-e2e-jwt-secret-of-enough-length-0123456789',
    CLAIMS_SECRET: 'explorer-e2e-claims-secret-of-enough-length-0123456789',
  };
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });
  const start = async (env: Record<string, string>) => {
    const app = await startApp('gateway', env);
    apps.push(app);
    return app.baseUrl;
  };
  const devToken = (base: string) =>
    fetch(`${base}/explorer/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ADMIN' }),
    });

  it('is off in production, and mints no token there even with EXPLORER=1', async () => {
    const [off, on] = await Promise.all([
      start(productionSecrets),
      start({ ...productionSecrets, EXPLORER: '1' }),
    ]);
    expect((await fetch(`${off}/explorer`)).status).toBe(404);
    expect((await devToken(off)).status).toBe(404);
    const page = await fetch(`${on}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await devToken(on)).status).toBe(404);
    expect(await (await fetch(`${on}/explorer/settings.json`)).json()).toEqual({
      devTokens: false,
      roles: [],
    });
    // No redirect in production: /graphql answers a browser as any client.
    const graphql = await fetch(`${on}/graphql`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(graphql.status).not.toBe(302);
  });

  it('mints no token with an identity provider', async () => {
    const base = await start({
      OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
      OIDC_ISSUER: 'https://idp.example',
      OIDC_AUDIENCE: 'jiceng',
    });
    expect((await fetch(`${base}/explorer`)).status).toBe(200);
    expect((await devToken(base)).status).toBe(404);
  });
});
