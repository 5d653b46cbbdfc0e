import { useEffect, type RefObject } from 'react';

/** Whether focus sits where a person types or chooses: those are never taken away from them. */
export function isEditing(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['button', 'submit', 'reset'].includes(element.type);
  return false;
}

/** Puts focus back on the field unless someone is typing elsewhere or a dialog is open. */
export function refocus(field: HTMLInputElement | null): void {
  if (!field || field.disabled || !field.isConnected) return;
  const active = document.activeElement;
  if (active === field || isEditing(active)) return;
  if (document.querySelector('dialog[open]')) return;
  field.focus({ preventScroll: true });
}

/**
 * A keyboard-wedge scanner types into whatever has focus, so the scan field takes it back after a click
 * anywhere else on the page (once the click has done its work). Keyboard moves (Tab) are left alone.
 */
export function useKeepFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    let timer: number | undefined;
    function afterClick() {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => refocus(ref.current), 0);
    }
    document.addEventListener('click', afterClick);
    return () => {
      document.removeEventListener('click', afterClick);
      window.clearTimeout(timer);
    };
  }, [ref]);
}
