import { useEffect, type RefObject } from 'react';

/**
 * After a refused submit, puts the keyboard on the first field marked invalid (or on `fallback`
 * inside the form). `trigger` changes once per refused submit.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, trigger: unknown, fallback?: string) {
  useEffect(() => {
    const form = formRef.current;
    if (!form || !trigger) return;
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      (fallback ? form.querySelector<HTMLElement>(fallback) : null);
    target?.focus();
  }, [formRef, trigger, fallback]);
}
