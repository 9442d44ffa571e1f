/**
 * Octokit parses every GitHub answer with JSON.parse (scripts/lib/relay/octokit-json.ts in place of
 * json-with-bigint, whose parse on Node 20 is an order of magnitude slower), in the tests as in
 * the bundles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOctokit } from '../../scripts/lib/relay/github-client.ts';
import { bundleDir } from '../support/bundles.ts';
import { hostileApi, type HostileApi } from '../support/hostile-api.ts';

let server: HostileApi | undefined;
afterAll(async () => server?.close());

describe("Octokit's JSON", () => {
  it('an answer is parsed by JSON.parse: a whole number past 2^53 arrives as a number, not a BigInt, and what is sent is plain JSON', async () => {
    let body = '';
    server = await hostileApi((req, res, path) => {
      if (req.method === 'POST') {
        // hostileApi resumes the request; read what arrived before answering.
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => void res.writeHead(201, { 'content-type': 'application/json' }).end('{"sha":"abc","size":1}'));
        return;
      }
      if (path === '/user') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"bob","id":12345678901234567890}');
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
    const octokit = createOctokit(server.url, 'tok');
    const user = await octokit.rest.users.getAuthenticated();
    expect(user.data.login).toBe('bob');
    expect(typeof user.data.id).toBe('number');
    await octokit.rest.git.createBlob({ owner: 'bob', repo: 'r', content: '12n', encoding: 'utf-8' });
    expect(JSON.parse(body)).toEqual({ content: '12n', encoding: 'utf-8' });
  });

  it('no bundle carries json-with-bigint', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.mjs') ? [join(dir, e.name)] : [],
      );
    const all = files(bundleDir());
    expect(all.length).toBeGreaterThan(5);
    // A string of json-with-bigint's that minifying keeps (its check for Node 22's JSON.rawJSON).
    expect(all.filter((f) => readFileSync(f, 'utf8').includes('"RawJSON"'))).toEqual([]);
  });
});
