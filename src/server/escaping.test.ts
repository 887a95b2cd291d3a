import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportJsonLines } from '../interchange/export-records.ts';
import { importRecords } from '../interchange/import-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { testKeys, testRecords } from '../testing/factories.ts';
import { buildServer } from './app.ts';

describe('script injection through testimony text', () => {
  it('stores the text verbatim and always renders it escaped', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { facility, organisation } = testRecords();
    const hostile = {
      ...facility,
      name: { en: attack, ko: `교화소 ${attack}` },
      updated_at: '2030-01-01T00:00:00.000Z',
      // Published, so that the public overview shows it.
      confidentiality: 'public' as const,
      status: 'verified' as const,
    };
    const store = openSqliteStore(':memory:');
    const keys = testKeys();
    const report = await importRecords(
      store,
      [{ file: 't', lines: [organisation, hostile].map((value, i) => ({ line: i + 1, value })) }],
      { keys },
    );
    assert.equal(report.ok, true);

    let exported = '';
    for await (const line of exportJsonLines(store, keys)) exported += line;
    assert.ok(exported.includes(JSON.stringify(attack).slice(1, -1)), 'stored verbatim');

    const app = await buildServer(store, { keys });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(address);
      const page = await response.text();
      assert.ok(page.includes('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;'), 'rendered escaped');
      assert.equal(page.includes('<script'), false);
      assert.equal(page.includes('<img'), false);
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
