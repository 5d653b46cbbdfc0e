import { useState } from 'react';
import {
  CONFIG_DOCUMENT_SCHEMAS,
  UpdateConfigBodySchema,
  type ConfigDocuments,
  type ConfigKind,
  type ConfigVersion,
} from '../../../../src/contracts/configuration.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useSaveConfig } from '../../api/config.js';
import { useToast } from '../../ui/toast.js';

/** Errors keyed by document path (`codes.0.label`), plus the comment's and the form's own. */
export interface ConfigFormErrors {
  fields: Record<string, string>;
  comment?: string;
  form?: string;
  isConflict?: boolean;
}

export interface ConfigFormState<K extends ConfigKind> {
  comment: string;
  setComment: (comment: string) => void;
  errors: ConfigFormErrors;
  isPending: boolean;
  submit: (document: ConfigDocuments[K]) => void;
}

const NO_ERRORS: ConfigFormErrors = { fields: {} };

/** Saving a configuration document: validate with the shared schema, require a comment, detect lost updates. */
export function useConfigForm<K extends ConfigKind>(
  kind: K,
  config: ConfigVersion<K>,
  what: string,
): ConfigFormState<K> {
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<ConfigFormErrors>(NO_ERRORS);
  const toast = useToast();
  const save = useSaveConfig(kind, (saved) => toast.show(`${what} saved as version ${saved.version}`));

  function submit(document: ConfigDocuments[K]) {
    const next: ConfigFormErrors = { fields: {} };
    const parsedComment = UpdateConfigBodySchema.shape.comment.safeParse(comment);
    if (!parsedComment.success) next.comment = 'Say why the configuration changes.';
    const parsedDocument = CONFIG_DOCUMENT_SCHEMAS[kind].safeParse(document);
    if (!parsedDocument.success) {
      for (const issue of parsedDocument.error.issues) next.fields[issue.path.map(String).join('.')] ??= issue.message;
      next.form = 'Some values are not valid; they are marked below.';
    }
    setErrors(next);
    if (next.comment || next.form) return;

    save.mutate(
      { document: parsedDocument.data as ConfigDocuments[K], comment: comment.trim(), basedOnVersion: config.version },
      { onError: (error) => setErrors(errorsFrom(error)) },
    );
  }

  return {
    comment,
    setComment,
    errors,
    isPending: save.isPending,
    submit,
  };
}

function errorsFrom(error: unknown): ConfigFormErrors {
  if (!isApiError(error)) return { fields: {}, form: describeError(error) };
  if (error.status === 412 || error.status === 409) {
    return {
      fields: {},
      isConflict: true,
      form: 'Someone else saved a newer version while you were editing. Reload to see it, then make your change again.',
    };
  }
  const fields = error.fieldErrors('document.');
  const comment = fields['comment'];
  delete fields['comment'];
  return { fields, ...(comment ? { comment } : {}), form: describeError(error) };
}
