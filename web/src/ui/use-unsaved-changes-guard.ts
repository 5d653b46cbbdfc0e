import { useEffect } from 'react';

const MESSAGE = 'You have changes that are not saved. Leave this page and lose them?';

/**
 * While `isDirty`, leaving the page asks first: closing or reloading the tab (the browser's own
 * question), and following a link inside the app (ours). The app uses a plain BrowserRouter, which
 * has no navigation blocker, so links are checked as they are clicked, before the router sees them.
 * The browser's Back button is not covered.
 */
export function useUnsavedChangesGuard(isDirty: boolean, message = MESSAGE): void {
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank') return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [isDirty, message]);
}
