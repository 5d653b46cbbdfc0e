import type { ReactNode } from 'react';

/** A message inside a form or page: errors are announced, notes are not. */
export function Alert({ tone, children }: { tone: 'error' | 'warning' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {children}
    </div>
  );
}
