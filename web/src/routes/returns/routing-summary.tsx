import type { Routing } from '../../../../src/contracts/returns.js';

export function RoutingSummary({ routing }: { routing: Routing }) {
  const isAutomatic = routing.decision === 'auto_approve';
  return (
    <div className={`routing routing--${isAutomatic ? 'auto' : 'approval'}`}>
      <p className="routing__decision">
        {isAutomatic ? 'Authorized immediately on submit' : 'Needs a customer-service manager’s approval'}
      </p>
      {routing.reasons.length > 0 ? (
        <ul>
          {routing.reasons.map((reason, index) => (
            <li key={`${index}-${reason}`}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
