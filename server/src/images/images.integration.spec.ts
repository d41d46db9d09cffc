import * as fs from 'node:fs';
import type { Stream } from 'node:stream';
import * as path from 'node:path';
import sharp from 'sharp';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { VisitorTokens } from '../chat/visitor-tokens';
import { startTestApp, TestApp } from '../testing/test-app';
import { ChatImageEntity } from './chat-image.entity';
import { ImageStore } from './image-store';
import { MAX_IMAGE_BYTES, UPLOADS_PER_MINUTE } from './image-limits';
import { ImagesService } from './images.service';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c0392b' } });
const png = (width = 64, height = 48) => solid(width, height).png().toBuffer();

/** Reads any response body as raw bytes, whatever its type. */
function bytes(res: Stream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('Chat images (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const rows = () => t.app.get(DataSource).getRepository(ChatImageEntity).find();
  /** Every file under <dataDir>/uploads, temporary ones included. */
  const storedFiles = (): string[] => {
    const root = path.join(t.config.dataDir, 'uploads');
    return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
  };
  const expectNothingStored = async () => {
    expect(await rows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
  };
  const visitor = () => t.app.get(VisitorTokens).issue();
  const images = () => t.app.get(ImagesService);
  const uploadAs = (token: string, data: Buffer, filename = 'photo.png', contentType = 'image/png') =>
    t.http().post('/api/chat/images').set('X-Visitor-Token', token).attach('file', data, { filename, contentType });
  const get = (agent: TestAgent, url: string) => agent.get(url).buffer(true).parse(bytes);

  it('should store a staff PNG and serve it back with the safe headers', async () => {
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const res = await agent.post('/api/chat/images').attach('file', await png(64, 48), 'screen.png').expect(201);
    const id: string = res.body.id;
    expect(res.body).toEqual({ id, url: `/api/chat/images/${id}`, thumbUrl: `/api/chat/images/${id}/thumb`, width: 64, height: 48, mime: 'image/png' });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // Public: a client without any session can load it (an <img> in the visitor's page).
    const image = await get(t.http(), res.body.url).expect(200);
    expect(image.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=31536000, immutable',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(image.headers['content-disposition']).toMatch(/^inline/);
    const meta = await sharp(image.body as Buffer).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 64, height: 48 });

    const [row] = await rows();
    expect(row).toMatchObject({ id, mime: 'image/png', width: 64, height: 48, uploaderType: 'staff', bytes: (image.body as Buffer).length });
    expect(row.storagePath).toBe(`images/${id.slice(0, 2)}/${id}.png`);
    expect(storedFiles().sort()).toEqual([path.join('images', id.slice(0, 2), `${id}.png`), path.join('thumbs', id.slice(0, 2), `${id}.webp`)].sort());
  });

  it('should accept an upload from a web-chat visitor with a valid token', async () => {
    const { visitorId, token } = visitor();
    const jpeg = await solid(40, 30).jpeg().toBuffer();
    const res = await uploadAs(token, jpeg, 'IMG_0001.JPG', 'image/jpeg').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/jpeg', width: 40, height: 30 });
    const [row] = await rows();
    expect(row).toMatchObject({ id: res.body.id, uploaderType: 'visitor', uploaderId: visitorId });
    await get(t.http(), res.body.url).expect(200).expect('Content-Type', 'image/jpeg');

    // The chat page's token wins over a staff cookie in the same browser: the image is the visitor's.
    const staffBrowser = await t.signIn('lin.xiao@hearth.demo');
    const both = await staffBrowser.post('/api/chat/images').set('X-Visitor-Token', token).attach('file', jpeg, 'b.jpg').expect(201);
    expect(await images().findForSender(both.body.id, { type: 'visitor', id: visitorId })).toEqual(both.body);
  });

  it('should decide the type by content: HTML named x.png and sent as image/png is refused with 415', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
    const res = await uploadAs(visitor().token, html, 'x.png', 'image/png').expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'image.unsupported_type' });
    expect(res.body.message).toMatch(/JPEG, PNG, GIF and WebP/);
    await expectNothingStored();
  });

  it('should refuse an SVG with 415', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const res = await uploadAs(visitor().token, svg, 'logo.svg', 'image/svg+xml').expect(415);
    expect(res.body.code).toBe('image.unsupported_type');
    await expectNothingStored();
  });

  it('should refuse a file over 5 MB with 413 and store nothing', async () => {
    const big = Buffer.concat([await png(), Buffer.alloc(MAX_IMAGE_BYTES, 1)]);
    const res = await uploadAs(visitor().token, big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'image.too_large' });
    expect(res.body.message).toMatch(/5 MB/);
    expect(res.body.requestId).toBeDefined();
    await expectNothingStored();
  });

  it('should answer 400 for a file that starts like a PNG but is not one, and store nothing', async () => {
    const fake = Buffer.concat([(await png()).subarray(0, 8), Buffer.from('not really a png at all')]);
    const res = await uploadAs(visitor().token, fake).expect(400);
    expect(res.body).toMatchObject({ code: 'image.unreadable' });
    expect(res.body.message).toMatch(/PNG/);

    const cut = await solid(200, 200).jpeg().toBuffer();
    const truncated = await uploadAs(visitor().token, cut.subarray(0, cut.length / 2), 'cut.jpg', 'image/jpeg').expect(400);
    expect(truncated.body.code).toBe('image.unreadable');
    await expectNothingStored();
  });

  it('should answer 400 image.missing without a file, and image.bad_form for another field name', async () => {
    const { token } = visitor();
    const none = await t.http().post('/api/chat/images').set('X-Visitor-Token', token).field('note', 'hello').expect(400);
    expect(none.body.code).toBe('image.missing');
    const json = await t.http().post('/api/chat/images').set('X-Visitor-Token', token).send({ file: 'x' }).expect(400);
    expect(json.body.code).toBe('image.missing');
    const empty = await uploadAs(token, Buffer.alloc(0)).expect(400);
    expect(empty.body.code).toBe('image.missing');
    const wrongField = await t.http().post('/api/chat/images').set('X-Visitor-Token', token).attach('image', await png(), 'a.png').expect(400);
    expect(wrongField.body.code).toBe('image.bad_form');
    await expectNothingStored();
  });

  it('should answer 401 without a session or visitor token, and for a bad visitor token', async () => {
    const anonymous = await t.http().post('/api/chat/images').attach('file', await png(), 'a.png').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'auth.required' });

    const { token } = visitor();
    for (const bad of ['v1.not-a-uuid.sig', `${token.slice(0, -2)}xx`, '']) {
      const res = await uploadAs(bad, await png()).expect(401);
      expect(res.body.code).toBe('auth.invalid_visitor_token');
    }
    await t.http().post('/api/chat/images').set('Cookie', 'hearth_session=forged').attach('file', await png(), 'a.png').expect(401);
    await expectNothingStored();
  });

  it('should make a WebP thumbnail of at most 320 px and downscale originals beyond 2560 px', async () => {
    const res = await uploadAs(visitor().token, await png(3000, 1200)).expect(201);
    expect(res.body).toMatchObject({ width: 2560, height: 1024 });

    const thumb = await get(t.http(), res.body.thumbUrl).expect(200);
    expect(thumb.headers).toMatchObject({ 'content-type': 'image/webp', 'x-content-type-options': 'nosniff' });
    expect(await sharp(thumb.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 320, height: 128 });

    const original = await get(t.http(), res.body.url).expect(200);
    expect(await sharp(original.body as Buffer).metadata()).toMatchObject({ width: 2560, height: 1024 });
  });

  it('should strip EXIF (camera, GPS) and apply the orientation it carried', async () => {
    // 40×20 pixels stored sideways, with EXIF saying "rotate 90°" and where the photo was taken.
    const photo = await solid(40, 20)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'HearthPhone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 13/1 44/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .toBuffer();
    const input = await sharp(photo).metadata();
    expect(input.exif).toBeDefined();
    expect(input.xmp).toBeDefined();
    expect(input.orientation).toBe(6);

    const res = await uploadAs(visitor().token, photo, 'IMG_0002.jpg', 'image/jpeg').expect(201);
    expect(res.body).toMatchObject({ width: 20, height: 40 });
    const stored = (await get(t.http(), res.body.url).expect(200)).body as Buffer;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes('HearthPhone')).toBe(false);
  });

  it('should keep an animated GIF animated, with a still WebP thumbnail', async () => {
    const frames = await Promise.all(['#e74c3c', '#27ae60', '#2980b9'].map((c) => sharp({ create: { width: 30, height: 20, channels: 3, background: c } }).png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } }).gif({ loop: 0, delay: 200 }).toBuffer();
    const res = await uploadAs(visitor().token, gif, 'dance.gif', 'image/gif').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/gif', width: 30, height: 20 });

    const stored = (await get(t.http(), res.body.url).expect(200).expect('Content-Type', 'image/gif')).body as Buffer;
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'gif', pages: 3, width: 30, height: 20 });
    const thumb = (await get(t.http(), res.body.thumbUrl).expect(200)).body as Buffer;
    const thumbMeta = await sharp(thumb).metadata();
    expect(thumbMeta).toMatchObject({ format: 'webp', width: 30, height: 20 });
    expect(thumbMeta.pages ?? 1).toBe(1);
  });

  it('should answer 404 for a malformed or unknown id', async () => {
    for (const url of ['/api/chat/images/not-a-uuid', '/api/chat/images/1/thumb', "/api/chat/images/'%20OR%201=1"]) {
      const res = await t.http().get(url).expect(404);
      expect(res.body.code).toBe('image.not_found');
    }
    const unknown = await t.http().get('/api/chat/images/3f6c2a9e-1b7d-4c1e-9a55-0e2f0d9b8c11').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'image.not_found' });
    expect(unknown.headers['cache-control'] ?? '').not.toMatch(/immutable/);
    await t.http().get('/api/chat/images/3f6c2a9e-1b7d-4c1e-9a55-0e2f0d9b8c11/thumb').expect(404);
  });

  it('should let a visitor send only their own images, and staff only staff images', async () => {
    const a = visitor();
    const b = visitor();
    const fromA = (await uploadAs(a.token, await png()).expect(201)).body;
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const fromLin = (await lin.post('/api/chat/images').attach('file', await png(), 'a.png').expect(201)).body;
    const emma = (await t.signIn('emma@hearth.demo').then((agent) => agent.get('/api/auth/me'))).body.staff;

    expect(await images().findForSender(fromA.id, { type: 'visitor', id: a.visitorId })).toEqual(fromA);
    expect(await images().findForSender(fromA.id, { type: 'visitor', id: b.visitorId })).toBeNull();
    expect(await images().findForSender(fromA.id, { type: 'staff', id: emma.id })).toBeNull();
    // A colleague may send an image another staff member uploaded.
    expect(await images().findForSender(fromLin.id, { type: 'staff', id: emma.id })).toEqual(fromLin);
    expect(await images().findForSender(fromLin.id, { type: 'visitor', id: a.visitorId })).toBeNull();
    expect(await images().findForSender('not-a-uuid', { type: 'visitor', id: a.visitorId })).toBeNull();
    expect(await images().findForSender('3f6c2a9e-1b7d-4c1e-9a55-0e2f0d9b8c11', { type: 'staff', id: emma.id })).toBeNull();
  });

  it('should limit uploads per uploader with 429 and Retry-After', async () => {
    const a = visitor();
    const image = await png(8, 8);
    for (let i = 0; i < UPLOADS_PER_MINUTE; i++) await uploadAs(a.token, image).expect(201);
    const res = await uploadAs(a.token, image).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another uploader is not affected.
    await uploadAs(visitor().token, image).expect(201);
    expect(await rows()).toHaveLength(UPLOADS_PER_MINUTE + 1);
  });

  it('should sweep unfinished uploads a crash left behind, and keep fresh ones', async () => {
    const store = t.app.get(ImageStore);
    const dir = path.join(store.root, 'images', 'ab');
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, 'x.jpg.1a2b3c.tmp');
    const fresh = path.join(dir, 'y.jpg.4d5e6f.tmp');
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(fresh, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(await store.sweepTemporaryFiles(3600_000)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
