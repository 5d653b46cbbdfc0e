// Photo uploads: multipart/form-data with one file part per photo (and a few small text fields).
// Every file is read into memory, within the limits below, and accepted only when its bytes are a
// JPEG, PNG, WebP or HEIC image, whatever its name or declared type says. Nothing is stored here:
// the caller decides what to keep (platform/files/content-store.ts).
//
// Register the plugin only in the scope of the routes that take uploads: elsewhere a multipart body
// stays a 415, as Fastify answers any content type it has no parser for. The rest of the request
// pipeline sees no body for a multipart request (request.body is undefined): the NUL check of
// reject-nul.ts is applied here to the fields and file names instead.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_REQUEST,
  PHOTO_FORMATS_TEXT,
  sniffImageType,
  type PhotoType,
} from '../files/image-type.js';
import { findUnstorableText } from './reject-nul.js';

export const MULTIPART_LIMITS = {
  fileSize: MAX_PHOTO_BYTES,
  files: MAX_PHOTOS_PER_REQUEST,
  fields: 10,
  fieldSize: 1000,
  parts: 20,
} as const;

/** Longer file names are refused rather than cut (they are kept with the photo and shown). */
export const MAX_FILE_NAME_LENGTH = 255;

const MEGABYTES = `${MAX_PHOTO_BYTES / (1024 * 1024)} MB`;

export interface UploadedImage {
  /** The name the client gave the file (without any directory part); '' when it gave none. */
  fileName: string;
  /** The media type the client declared for the part; informative only, never trusted. */
  declaredType: string;
  /** The type its bytes are. */
  contentType: PhotoType;
  bytes: Buffer;
}

export interface UploadedForm {
  images: UploadedImage[];
  /** The text fields sent with the files, by name (each name at most once). */
  fields: Record<string, string>;
}

/** Registers @fastify/multipart on `app` (and its children) with the photo upload limits. */
export function registerMultipart(app: FastifyInstance): void {
  void app.register(fastifyMultipart, {
    limits: { ...MULTIPART_LIMITS },
    // An oversized file is reported with the others (by name) rather than ending the request at once.
    throwFileSizeLimit: false,
  });
}

/** The photos of a multipart request, checked; throws an AppError naming every refused file. */
export async function readUploadedImages(request: FastifyRequest): Promise<UploadedImage[]> {
  return (await readUploadedForm(request)).images;
}

interface Refusal extends FieldError {
  code: ErrorCode;
}

/** The photos and text fields of a multipart request, checked. */
export async function readUploadedForm(request: FastifyRequest): Promise<UploadedForm> {
  if (typeof request.isMultipart !== 'function') {
    throw new Error('readUploadedForm: registerMultipart was not called in the scope of this route');
  }
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'photos are sent as multipart/form-data, one file part per photo', {
      errors: [{ path: 'headers.content-type', message: 'must be multipart/form-data' }],
    });
  }

  const images: UploadedImage[] = [];
  const fields: Record<string, string> = {};
  const refusals: Refusal[] = [];
  let fileIndex = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const refusal = checkField(part.fieldname, part.value, part.fieldnameTruncated, part.valueTruncated, fields);
        if (refusal) refusals.push(refusal);
        else fields[part.fieldname] = textOf(part.value);
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        if (part.file.truncated) continue; // over the limit: the rest is discarded, not kept
        chunks.push(chunk);
        size += chunk.length;
      }
      const fileName = part.filename ?? '';
      // A browser sends an empty, nameless file part for a file input left empty: not a photo.
      if (fileName === '' && size === 0 && !part.file.truncated) continue;
      const index = fileIndex++;
      const path = `files.${index}`;
      const label = fileName === '' ? `file ${index + 1} (unnamed)` : fileName;
      if (part.file.truncated) {
        refusals.push({ code: 'payload_too_large', path, message: `${label} is larger than the ${MEGABYTES} limit` });
        continue;
      }
      const nameProblem = checkFileName(fileName);
      if (nameProblem) {
        refusals.push({ code: 'validation_failed', path, message: `the file name ${nameProblem}` });
        continue;
      }
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      const contentType = sniffImageType(bytes);
      if (contentType === null) {
        refusals.push({ code: 'unsupported_media_type', path, message: `${label} is not ${PHOTO_FORMATS_TEXT}` });
        continue;
      }
      images.push({ fileName, declaredType: part.mimetype, contentType, bytes });
    }
  } catch (error) {
    throw toAppError(error);
  }

  if (refusals.length > 0) throw refusedParts(refusals);
  if (images.length === 0) {
    throw new AppError('validation_failed', 'no photo was sent: add at least one image file to the form', {
      errors: [{ path: 'files', message: 'at least one photo is required' }],
    });
  }
  return { images, fields };
}

function textOf(value: unknown): string {
  // A field sent with Content-Type application/json arrives parsed; keep it as the text it was.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function checkField(
  name: string,
  value: unknown,
  isNameTruncated: boolean,
  isValueTruncated: boolean,
  seen: Record<string, string>,
): Refusal | null {
  const path = `fields.${name}`;
  if (isNameTruncated) return { code: 'validation_failed', path, message: 'the field name is too long' };
  if (isValueTruncated)
    return {
      code: 'validation_failed',
      path,
      message: `is longer than ${MULTIPART_LIMITS.fieldSize} bytes`,
    };
  if (Object.hasOwn(seen, name)) return { code: 'validation_failed', path, message: 'is sent more than once' };
  const unstorable = findUnstorableText(name, '') ?? findUnstorableText(textOf(value), '');
  if (unstorable) return { code: 'validation_failed', path, message: `contains ${unstorable.problem}` };
  return null;
}

function checkFileName(fileName: string): string | null {
  if (fileName.length > MAX_FILE_NAME_LENGTH) return `is longer than ${MAX_FILE_NAME_LENGTH} characters`;
  const unstorable = findUnstorableText(fileName, '');
  return unstorable ? `contains ${unstorable.problem}` : null;
}

/** One problem for all refused parts: too large wins (413), then not an image (415), then 400. */
function refusedParts(refusals: Refusal[]): AppError {
  const code: ErrorCode = refusals.some((r) => r.code === 'payload_too_large')
    ? 'payload_too_large'
    : refusals.some((r) => r.code === 'unsupported_media_type')
      ? 'unsupported_media_type'
      : 'validation_failed';
  const errors = refusals.map(({ path, message }) => ({ path, message }));
  const first = refusals.find((r) => r.code === code) ?? refusals[0]!;
  const detail = first.path.startsWith('fields.') ? `${first.path}: ${first.message}` : first.message;
  return new AppError(code, refusals.length > 1 ? `${detail} (and ${refusals.length - 1} more)` : detail, { errors });
}

/** The multipart plugin's and the parser's errors as our own (malformed input is never a 5xx). */
function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_FILES_LIMIT':
      return new AppError('payload_too_large', `at most ${MAX_PHOTOS_PER_REQUEST} photos can be sent in one request`, {
        errors: [{ path: 'files', message: `at most ${MAX_PHOTOS_PER_REQUEST} files` }],
      });
    case 'FST_FIELDS_LIMIT':
      return new AppError(
        'payload_too_large',
        `at most ${MULTIPART_LIMITS.fields} text fields can be sent with photos`,
        {
          errors: [{ path: 'fields', message: `at most ${MULTIPART_LIMITS.fields} fields` }],
        },
      );
    case 'FST_PARTS_LIMIT':
      return new AppError('payload_too_large', `a photo upload has at most ${MULTIPART_LIMITS.parts} parts`, {
        errors: [{ path: '(body)', message: `at most ${MULTIPART_LIMITS.parts} parts` }],
      });
    case 'FST_REQ_FILE_TOO_LARGE': // not raised with throwFileSizeLimit: false; kept for safety
      return new AppError('payload_too_large', `a file is larger than the ${MEGABYTES} limit`);
    case 'FST_PROTO_VIOLATION':
      return new AppError('validation_failed', 'a form field is named like a JavaScript object property', {
        errors: [{ path: 'fields', message: 'reserved field name' }],
      });
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('validation_failed', 'a form field declared as application/json is not valid JSON', {
        errors: [{ path: 'fields', message: 'invalid JSON' }],
      });
    default:
      break;
  }
  const status = error instanceof Error && 'statusCode' in error ? error.statusCode : undefined;
  if (typeof status === 'number' && status >= 500) return error;
  // Busboy's own errors (no boundary, truncated body, a part cut short) and a connection closed
  // early: all are the client's malformed request.
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('validation_failed', `the multipart body could not be read: ${message}`, {
    errors: [{ path: '(body)', message: 'malformed multipart/form-data' }],
  });
}
