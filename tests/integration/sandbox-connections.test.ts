// The sandbox never leaves a connection idle that it would later drop: a client that
// reuses a kept-alive connection just as the server's keep-alive timer fires gets
// "other side closed" on its next request (the benchmark died of it at 200,000).
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from './support/sandbox';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
const sandbox = sandboxForFile({ apiKey: KEY, serverHash: HASH });

/** Sends one raw HTTP/1.1 request and reads until the server ends the connection. */
function exchange(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(sandbox.server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    // 'end' is the server's FIN: it comes only when the server closes the connection.
    socket.on('end', () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${KEY}\r\nserver-hash: ${HASH}\r\n\r\n`,
    );
  });
}

describe('sandbox connections', () => {
  it.each([
    ['a data answer', '/bank-connect/v1/session_data/demo-retail/subscribed_data/', 200],
    ['a status answer', '/bank-connect/v1/session_data/demo-retail/session_status/', 200],
    ['an API error', '/bank-connect/v1/session_data/no-such/session_status/', 404],
    ['an unknown path', '/elsewhere', 404],
  ])('closes the connection after %s, saying so', async (_what, path, status) => {
    const answer = await exchange(path);
    const head = answer.slice(0, answer.indexOf('\r\n\r\n'));
    expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}`);
    expect(head).toMatch(/^connection: close$/im);
    expect(head).not.toMatch(/^keep-alive:/im);
    // The whole answer arrived before the close (chunked: the terminating chunk).
    if (/^transfer-encoding: chunked$/im.test(head))
      expect(answer.endsWith('\r\n0\r\n\r\n')).toBe(true);
  });

  it('serves requests one after another from the same client', async () => {
    const url = `${sandbox.server.url}/v1/session_data/demo-retail/subscribed_data/`;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url, { headers: { 'x-api-key': KEY, 'server-hash': HASH } });
      expect(response.headers.get('connection')).toBe('close');
      expect(((await response.json()) as { session_id: string }).session_id).toBe('demo-retail');
    }
  });
});
