import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type SentMessage = { token: string; body: { touser: string; msgtype: string; text?: { content: string } } };

/**
 * What the next sends do after WeChat took the message (it counts as sent): never answer, drop the
 * connection, or answer with something that is not WeChat's JSON (a proxy's 502 page).
 */
export type SendMishap = 'hang' | 'drop' | 'html502';

/**
 * A stand-in for api.weixin.qq.com on loopback: issues access tokens, accepts Customer Service
 * messages, and can be told to expire tokens, answer an errcode, misbehave after accepting a
 * message, or go down and come back up. Checks what WeChat checks: the method, the AppID and
 * AppSecret, a JSON body.
 */
export class FakeWeChatApi {
  readonly sent: SentMessage[] = [];
  tokensIssued = 0;
  /** Token requests, by AppID. */
  readonly tokenRequests: string[] = [];
  /** errcodes to answer the next sends with, in order (then 0). */
  readonly sendErrors: number[] = [];
  /** What the next sends do after accepting the message, in order (then answer normally). */
  readonly sendMishaps: SendMishap[] = [];
  /** Delay before answering a send (to hold a send open while something else happens). */
  sendDelayMs = 0;
  /** The AppSecret every account of the tests uses. */
  secret = 'fakesecret';
  private readonly hanging = new Set<ServerResponse>();
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
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
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
    if (url.pathname === '/cgi-bin/token') {
      if (req.method !== 'GET') return reply({ errcode: 43001, errmsg: 'require GET method' });
      const appId = url.searchParams.get('appid') ?? '';
      this.tokenRequests.push(appId);
      if (url.searchParams.get('grant_type') !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== this.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `TOKEN-${++this.tokensIssued}`;
      this.valid.add(token);
      return reply({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/custom/send') {
      if (req.method !== 'POST') return reply({ errcode: 43002, errmsg: 'require POST method' });
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const token = url.searchParams.get('access_token') ?? '';
        if (!this.valid.has(token)) return reply({ errcode: 42001, errmsg: 'access_token expired' });
        let body: SentMessage['body'];
        try {
          if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new Error('not JSON');
          body = JSON.parse(raw);
        } catch {
          return reply({ errcode: 47001, errmsg: 'data format error' });
        }
        const errcode = this.sendErrors.shift() ?? 0;
        if (errcode === 0) this.sent.push({ token, body });
        const mishap = errcode === 0 ? this.sendMishaps.shift() : undefined;
        if (mishap === 'hang') {
          this.hanging.add(res);
          return;
        }
        if (mishap === 'drop') return req.socket.destroy();
        if (mishap === 'html502') {
          res.statusCode = 502;
          res.setHeader('Content-Type', 'text/html');
          return res.end('<html><body>502 Bad Gateway</body></html>');
        }
        const answer = () => reply({ errcode, errmsg: errcode ? 'refused' : 'ok' });
        if (this.sendDelayMs) setTimeout(answer, this.sendDelayMs);
        else answer();
      });
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  }
}
