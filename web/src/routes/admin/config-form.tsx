import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ConfigDocuments, ConfigKind } from '../../../../src/contracts/configuration.js';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.js';
import { useUnsavedChangesGuard } from '../../ui/use-unsaved-changes-guard.js';
import { SaveConfigBar } from './save-config-bar.js';
import type { ConfigFormState } from './use-config-form.js';

/**
 * A configuration editor's form: on submit it saves the document the editor builds; after a refused
 * save it puts the keyboard on the first invalid field. The save bar comes after the editor's fields.
 */
export function ConfigForm<K extends ConfigKind>({
  form,
  toDocument,
  onReload,
  children,
}: {
  form: ConfigFormState<K>;
  toDocument: () => ConfigDocuments[K];
  onReload: () => void;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, form.errors);
  // The editor is re-created for each stored version, so its first document is the saved one:
  // anything else on screen, or a comment typed, is an edit that leaving would lose.
  const current = JSON.stringify(toDocument());
  const [saved] = useState(current);
  useUnsavedChangesGuard((current !== saved || form.comment.trim() !== '') && !form.isPending);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    form.submit(toDocument());
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      {children}
      <SaveConfigBar
        comment={form.comment}
        onCommentChange={form.setComment}
        errors={form.errors}
        isPending={form.isPending}
        onReload={onReload}
      />
    </form>
  );
}
