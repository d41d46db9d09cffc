import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type SentMessage = { token: string; body: { touser: string; msgtype: string; text?: { content: string } } };

/**
 * A stand-in for api.weixin.qq.com on loopback: issues access tokens, accepts Customer Service
 * messages, and can be told to expire tokens, answer an errcode, or go down and come back up.
 */
export class FakeWeChatApi {
  readonly sent: SentMessage[] = [];
  tokensIssued = 0;
  /** errcodes to answer the next sends with, in order (then 0). */
  readonly sendErrors: number[] = [];
  private readonly valid = new Set<string>();
  private server?: Server;
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts listening (on the same port as before after a stop, so the app's base URL stays right). */
  async start(): Promise<this> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every token issued so far stops working (as when WeChat expires them). */
  expireTokens() {
    this.valid.clear();
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.url);
    const reply = (body: object) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('grant_type') !== 'client_credential' || url.searchParams.get('secret') !== 'fakesecret') {
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      }
      const token = `TOKEN-${++this.tokensIssued}`;
      this.valid.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const token = url.searchParams.get('access_token') ?? '';
        if (!this.valid.has(token)) return reply({ errcode: 42001, errmsg: 'access_token expired' });
        const errcode = this.sendErrors.shift() ?? 0;
        if (errcode === 0) this.sent.push({ token, body: JSON.parse(raw) });
        reply({ errcode, errmsg: errcode ? 'refused' : 'ok' });
      });
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  }
}
