import { useId, useState, type ChangeEvent } from 'react';
import { describeError } from '../../api/api-error.js';
import {
  usePhotoDataUrl,
  useUploadInspectionPhotos,
  type Inspection,
  type InspectionPhoto,
} from '../../api/inspections.js';
import { Alert } from '../../ui/alert.js';
import { formatDateTime } from '../../ui/dates.js';
import { Dialog } from '../../ui/dialog.js';
import { useToast } from '../../ui/toast.js';

// The server's limits, checked first so a phone on a slow line does not send what will be refused.
const MAX_FILES = 10;
const MAX_BYTES = 10 * 1024 * 1024;

/** Evidence of the units' condition: taken with the phone's camera (or chosen), shown as thumbnails. */
export function InspectionPhotos({ inspection, canUpload }: { inspection: Inspection; canUpload: boolean }) {
  const upload = useUploadInspectionPhotos();
  const toast = useToast();
  const inputId = useId();
  const hintId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [viewing, setViewing] = useState<InspectionPhoto | null>(null);

  function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    const tooLarge = files.find((file) => file.size > MAX_BYTES);
    const refused =
      files.length > MAX_FILES
        ? `At most ${MAX_FILES} photos at a time.`
        : tooLarge
          ? `${tooLarge.name} is larger than 10 MB.`
          : null;
    setRefusal(refused);
    if (refused) return;
    upload.mutate(
      { inspectionId: inspection.id, files },
      {
        onSuccess: (photos) => {
          toast.show(photos.length === 1 ? 'Photo added' : `${photos.length} photos added`);
          input.value = '';
        },
        onError: (error) => setRefusal(describeError(error)),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      {canUpload ? (
        <div className="field">
          <label htmlFor={inputId} className="field__label">
            Add photos
          </label>
          <input
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-describedby={hintId}
            disabled={upload.isPending}
            onChange={onFiles}
          />
          <p id={hintId} className="field__hint">
            {upload.isPending
              ? 'Uploading…'
              : 'JPEG, PNG, WebP or HEIC, up to 10 MB each and 10 at a time. On a phone this opens the camera.'}
          </p>
          {refusal ? <Alert tone="error">{refusal}</Alert> : null}
        </div>
      ) : null}
      {inspection.photos.length === 0 ? (
        <p className="muted">No photos yet.</p>
      ) : (
        <ul className="photo-grid" aria-label="Photos of the units">
          {inspection.photos.map((photo) => (
            <li key={photo.id}>
              <button type="button" className="photo-thumb" onClick={() => setViewing(photo)}>
                <PhotoImage photo={photo} />
                <span className="photo-thumb__caption">
                  {photo.fileName}
                  <span className="cell-sub">
                    {photo.uploadedBy}, {formatDateTime(photo.uploadedAt)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {viewing ? (
        <Dialog isOpen title={viewing.fileName} onClose={() => setViewing(null)}>
          <PhotoImage photo={viewing} isLarge />
        </Dialog>
      ) : null}
    </section>
  );
}

/** The photo, from its bytes fetched with the bearer token. */
function PhotoImage({ photo, isLarge = false }: { photo: InspectionPhoto; isLarge?: boolean }) {
  const image = usePhotoDataUrl(photo.url);
  if (image.isError) return <span className="photo-missing">Could not load the photo</span>;
  return (
    <img src={image.data} className={isLarge ? 'photo-large' : 'photo-thumb__image'} alt={`Photo ${photo.fileName}`} />
  );
}
