// Photos of inspected goods. The bytes go to the content store under their SHA-256 (the same
// photo uploaded twice is stored once); the row says which inspection it belongs to, who took it
// and when. Photos are added while the inspection is open and served only to those who may read
// inspections. Written before the row: a photo stored but not recorded (the transaction failed)
// is an orphan file, harmless; a row without its file would be a broken promise.
import type { UploadedImage } from '../platform/http/multipart.js';
import type { ContentStore, StoredContent } from '../platform/files/content-store.js';
import type { RequestContext } from '../platform/actor.js';
import { assertCan } from '../platform/access.js';
import { AppError } from '../platform/errors.js';
import { runInTransaction, type Platform } from '../platform/unit-of-work.js';
import type { InspectionPhotosTable } from './inspection.tables.js';
import { toPhoto } from './inspection.queries.js';

/** More than this per inspection is a mistake (a burst from a phone), not evidence. */
export const MAX_PHOTOS_PER_INSPECTION = 40;

export async function addInspectionPhotos(
  platform: Platform,
  ctx: RequestContext,
  store: ContentStore,
  inspectionId: string,
  images: readonly UploadedImage[],
) {
  assertCan(ctx.actor, 'inspection.perform');
  const existing = await platform.db
    .selectFrom('inspections')
    .select(['id', 'status'])
    .where('id', '=', inspectionId)
    .executeTakeFirst();
  if (!existing) throw new AppError('not_found', `inspection ${inspectionId} was not found`);
  if (existing.status === 'completed')
    throw new AppError('invalid_transition', `inspection ${inspectionId} is completed; photos can no longer be added`);
  const stored: Array<{ image: UploadedImage; content: StoredContent }> = [];
  for (const image of images) stored.push({ image, content: await store.put(image.bytes) });
  return runInTransaction(platform, ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('inspections')
      .select(['id', 'rma_id', 'status'])
      .where('id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    if (row.status === 'completed')
      throw new AppError(
        'invalid_transition',
        `inspection ${inspectionId} is completed; photos can no longer be added`,
      );
    const count = await tx.db
      .selectFrom('inspection_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('inspection_id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) + images.length > MAX_PHOTOS_PER_INSPECTION)
      throw new AppError(
        'rule_violation',
        `an inspection keeps at most ${MAX_PHOTOS_PER_INSPECTION} photos; it has ${Number(count.n)}`,
      );
    const rows: InspectionPhotosTable[] = stored.map(({ image, content }) => ({
      id: tx.ids.next('pho'),
      inspection_id: inspectionId,
      sha256: content.sha256,
      content_type: image.contentType,
      bytes: content.bytes,
      file_name: image.fileName || `photo-${content.sha256.slice(0, 8)}`,
      uploaded_by: ctx.actor.name,
      uploaded_by_id: ctx.actor.personId,
      uploaded_at: tx.now,
    }));
    await tx.db.insertInto('inspection_photos').values(rows).execute();
    tx.audit({
      entityType: 'inspection',
      entityId: inspectionId,
      streamId: row.rma_id,
      action: 'inspection.photos_added',
      after: { photos: rows.map((r) => ({ id: r.id, sha256: r.sha256, fileName: r.file_name })) },
    });
    return rows.map(toPhoto);
  });
}

/** The photo's bytes, for those who may read inspections; another inspection's photo id is a 404. */
export async function openInspectionPhoto(
  platform: Platform,
  ctx: RequestContext,
  store: ContentStore,
  inspectionId: string,
  photoId: string,
) {
  assertCan(ctx.actor, 'inspection.read');
  return openEvidencePhoto(platform, store, inspectionId, photoId);
}

/**
 * A photo's bytes for a reader another context has already let in: a supplier sees the photos
 * that are the evidence of its own claim (recovery checks the claim and that the photo is on it).
 */
export async function openEvidencePhoto(
  platform: Platform,
  store: ContentStore,
  inspectionId: string,
  photoId: string,
) {
  const photo = await platform.db
    .selectFrom('inspection_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  if (!photo) throw new AppError('not_found', `photo ${photoId} of inspection ${inspectionId} was not found`);
  const content = await store.open(photo.sha256);
  if (!content) throw new AppError('not_found', `the file of photo ${photoId} is missing from the store`);
  return { ...content, contentType: photo.content_type, fileName: photo.file_name, sha256: photo.sha256 };
}
