import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, SAMPLE_IMAGES } from '../../../tests/http/support/multipart.js';
import { expectProblem } from '../../../tests/http/support/problems.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REQUEST } from '../files/image-type.js';
import { readUploadedForm, readUploadedImages, registerMultipart } from './multipart.js';
import { registerProblemHandlers } from './problem.js';
import { registerRequestBodyRules } from './request-body.js';

let app: FastifyInstance;

beforeAll(async () => {
  // As in the server: the body rules and the problem handlers on the root, the upload routes in a
  // scope of their own with the multipart plugin.
  app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
  registerRequestBodyRules(app);
  registerProblemHandlers(app);
  app.post('/json', (request, reply) => reply.send({ body: request.body }));
  await app.register((scope, _options, done) => {
    registerMultipart(scope);
    scope.post('/photos', async (request) => {
      const images = await readUploadedImages(request);
      return images.map(({ fileName, declaredType, contentType, bytes }) => ({
        fileName,
        declaredType,
        contentType,
        bytes: bytes.length,
      }));
    });
    scope.post('/photos-with-fields', async (request) => {
      const { images, fields } = await readUploadedForm(request);
      return { files: images.map((i) => i.fileName), fields };
    });
    done();
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

function post(body: ReturnType<typeof multipartBody>, url = '/photos') {
  return app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

const jpeg = { fileName: 'front.jpg', contentType: 'image/jpeg', bytes: SAMPLE_IMAGES.jpeg };
const png = { fileName: 'label.png', contentType: 'image/png', bytes: SAMPLE_IMAGES.png };

describe('readUploadedImages', () => {
  it('reads every photo, typed by its bytes', async () => {
    const res = await post(
      multipartBody([
        jpeg,
        png,
        { fileName: 'side.webp', contentType: 'image/webp', bytes: SAMPLE_IMAGES.webp },
        // A phone sending HEIC as an unknown binary: its bytes decide.
        { fileName: 'IMG_0042.HEIC', contentType: 'application/octet-stream', bytes: SAMPLE_IMAGES.heic },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      {
        fileName: 'front.jpg',
        declaredType: 'image/jpeg',
        contentType: 'image/jpeg',
        bytes: SAMPLE_IMAGES.jpeg.length,
      },
      { fileName: 'label.png', declaredType: 'image/png', contentType: 'image/png', bytes: SAMPLE_IMAGES.png.length },
      {
        fileName: 'side.webp',
        declaredType: 'image/webp',
        contentType: 'image/webp',
        bytes: SAMPLE_IMAGES.webp.length,
      },
      {
        fileName: 'IMG_0042.HEIC',
        declaredType: 'application/octet-stream',
        contentType: 'image/heic',
        bytes: SAMPLE_IMAGES.heic.length,
      },
    ]);
  });

  it('refuses a file that is not an image, whatever its name and declared type say', async () => {
    const res = await post(
      multipartBody([
        jpeg,
        { fileName: 'photo.jpg', contentType: 'image/jpeg', bytes: Buffer.from('not a photo at all\n') },
        { fileName: 'scan.heic', contentType: 'image/heic', bytes: SAMPLE_IMAGES.avif },
      ]),
    );
    expectProblem(res, 415, 'unsupported_media_type');
    expect(res.json()).toMatchObject({
      detail: 'photo.jpg is not a JPEG, PNG, WebP or HEIC image (and 1 more)',
      errors: [
        { path: 'files.1', message: 'photo.jpg is not a JPEG, PNG, WebP or HEIC image' },
        { path: 'files.2', message: 'scan.heic is not a JPEG, PNG, WebP or HEIC image' },
      ],
    });
  });

  it('refuses a file over the size limit with 413, naming it; the limit itself is accepted', async () => {
    const atLimit = Buffer.concat([SAMPLE_IMAGES.jpeg, Buffer.alloc(MAX_PHOTO_BYTES - SAMPLE_IMAGES.jpeg.length)]);
    const overLimit = Buffer.concat([atLimit, Buffer.alloc(1)]);
    const ok = await post(multipartBody([{ ...jpeg, fileName: 'exactly-10mb.jpg', bytes: atLimit }]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()[0].bytes).toBe(MAX_PHOTO_BYTES);

    const res = await post(multipartBody([png, { ...jpeg, fileName: 'huge.jpg', bytes: overLimit }]));
    expectProblem(res, 413, 'payload_too_large');
    expect(res.json()).toMatchObject({
      detail: 'huge.jpg is larger than the 10 MB limit',
      errors: [{ path: 'files.1', message: 'huge.jpg is larger than the 10 MB limit' }],
    });
  });

  it('refuses a request without any photo', async () => {
    for (const body of [multipartBody([], { note: 'forgot the photos' }), multipartBody([])]) {
      const res = await post(body);
      expectProblem(res, 400, 'validation_failed');
      expect(res.json()).toMatchObject({
        detail: 'no photo was sent: add at least one image file to the form',
        errors: [{ path: 'files' }],
      });
    }
    // A browser's empty file input (an empty part without a file name) is no photo either.
    const empty = await post(
      multipartBody([{ fileName: '', contentType: 'application/octet-stream', bytes: Buffer.alloc(0) }]),
    );
    expectProblem(empty, 400, 'validation_failed');
    const withEmpty = await post(
      multipartBody([{ fileName: '', contentType: 'application/octet-stream', bytes: Buffer.alloc(0) }, png]),
    );
    expect(withEmpty.json()).toEqual([expect.objectContaining({ fileName: 'label.png' })]);
  });

  it(`refuses more than ${MAX_PHOTOS_PER_REQUEST} photos in one request with 413`, async () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => ({ ...png, fileName: `p${i}.png` }));
    const ok = await post(multipartBody(photos(MAX_PHOTOS_PER_REQUEST)));
    expect(ok.json()).toHaveLength(MAX_PHOTOS_PER_REQUEST);
    const res = await post(multipartBody(photos(MAX_PHOTOS_PER_REQUEST + 1)));
    expectProblem(res, 413, 'payload_too_large');
    expect(res.json().detail).toBe(`at most ${MAX_PHOTOS_PER_REQUEST} photos can be sent in one request`);
  });

  it('answers a body that is not multipart with 415, and JSON routes elsewhere still work', async () => {
    const json = await app.inject({ method: 'POST', url: '/photos', payload: { photo: 'base64…' } });
    expectProblem(json, 415, 'unsupported_media_type');
    expect(json.json().errors).toEqual([{ path: 'headers.content-type', message: 'must be multipart/form-data' }]);
    const raw = await app.inject({
      method: 'POST',
      url: '/photos',
      payload: SAMPLE_IMAGES.jpeg,
      headers: { 'content-type': 'image/jpeg' },
    });
    expectProblem(raw, 415, 'unsupported_media_type');
    const other = await app.inject({ method: 'POST', url: '/json', payload: { a: 1 } });
    expect(other.json()).toEqual({ body: { a: 1 } });
    // Outside the upload scope there is no multipart parser: still a 415.
    expectProblem(await post(multipartBody([jpeg]), '/json'), 415, 'unsupported_media_type');
  });

  it('answers a malformed multipart body with 400, never a 5xx', async () => {
    const whole = multipartBody([jpeg]);
    const cases = [
      { payload: whole.payload, headers: { 'content-type': 'multipart/form-data' } }, // no boundary
      { payload: 'garbage without any boundary', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      { payload: whole.payload.subarray(0, whole.payload.length - 40), headers: whole.headers }, // cut short
    ];
    // A field named like an Object.prototype member (refused by the plugin, not merged into objects).
    const proto = multipartBody([{ ...jpeg, field: 'constructor' }]);
    cases.push({ payload: proto.payload, headers: proto.headers });
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/photos', ...c });
      expectProblem(res, 400, 'validation_failed');
    }
  });

  it('refuses file names and fields that cannot be stored', async () => {
    const nul = await post(multipartBody([{ ...jpeg, fileName: 'bad\u0000name.jpg' }]));
    expectProblem(nul, 400, 'validation_failed');
    expect(nul.json().errors).toEqual([{ path: 'files.0', message: 'the file name contains a NUL character' }]);
    const long = await post(multipartBody([{ ...jpeg, fileName: `${'x'.repeat(300)}.jpg` }]));
    expectProblem(long, 400, 'validation_failed');
  });
});

describe('readUploadedForm', () => {
  it('returns the text fields with the photos, and refuses long or repeated fields', async () => {
    const res = await post(
      multipartBody([jpeg], { note: 'scratch on the lid', lineId: 'rml_01' }),
      '/photos-with-fields',
    );
    expect(res.json()).toEqual({ files: ['front.jpg'], fields: { note: 'scratch on the lid', lineId: 'rml_01' } });

    const long = await post(multipartBody([jpeg], { note: 'x'.repeat(1001) }), '/photos-with-fields');
    expectProblem(long, 400, 'validation_failed');
    expect(long.json().errors).toEqual([{ path: 'fields.note', message: 'is longer than 1000 bytes' }]);

    const field = (value: string) => `--b0undary\r\nContent-Disposition: form-data; name="note"\r\n\r\n${value}\r\n`;
    const repeated = Buffer.concat([
      Buffer.from(field('one') + field('two')),
      Buffer.from(
        `--b0undary\r\nContent-Disposition: form-data; name="photos"; filename="front.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      SAMPLE_IMAGES.jpeg,
      Buffer.from('\r\n--b0undary--\r\n'),
    ]);
    const headers = { 'content-type': 'multipart/form-data; boundary=b0undary' };
    const res2 = await app.inject({ method: 'POST', url: '/photos-with-fields', payload: repeated, headers });
    expectProblem(res2, 400, 'validation_failed');
    expect(res2.json().errors).toEqual([{ path: 'fields.note', message: 'is sent more than once' }]);
  });
});
