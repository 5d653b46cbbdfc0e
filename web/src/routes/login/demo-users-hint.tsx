import { ROLES, type Role } from '../../../../src/contracts/common.js';
import { ROLE_LABELS } from '../../ui/labels.js';

/** The demo user of a role: `<role>@demo.local`, but the repair partner's technician is repair@demo.local (src/demo/demo-users.ts). */
const demoEmailOf = (role: Role) => `${role === 'repair_partner' ? 'repair' : role}@demo.local`;

/** The demo data's users, one per role, all with the password "demo". */
export function DemoUsersHint({ onPick }: { onPick: (email: string) => void }) {
  return (
    <aside className="demo-hint" aria-labelledby="demo-hint-title">
      <h2 id="demo-hint-title">Demo users</h2>
      <p>
        Every role has a demo user, mostly <code>&lt;role&gt;@demo.local</code>, with the password <code>demo</code>.
        Pick one to fill in the form:
      </p>
      <ul>
        {ROLES.map((role: Role) => (
          <li key={role}>
            <button type="button" className="link-button" onClick={() => onPick(demoEmailOf(role))}>
              {demoEmailOf(role)}
            </button>
            <span className="demo-hint__role">{ROLE_LABELS[role]}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
