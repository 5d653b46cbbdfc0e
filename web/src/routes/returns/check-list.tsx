import type { Check } from '../../../../src/contracts/returns.js';

export function CheckList({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  return (
    <ul className="check-list">
      {checks.map((check, index) => (
        <li key={`${check.code}-${index}`} className={check.passed ? 'check check--pass' : 'check check--fail'}>
          <span className="check__mark" aria-hidden="true">
            {check.passed ? '✓' : '✗'}
          </span>
          <span className="visually-hidden">{check.passed ? 'Passed: ' : 'Failed: '}</span>
          <span>{check.message}</span>
        </li>
      ))}
    </ul>
  );
}
