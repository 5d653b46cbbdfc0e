import { useState, type FormEvent } from 'react';
import type { Rma, RoutingInstruction } from '../../../../src/contracts/returns.js';
import { describeError, isApiError } from '../../api/api-error.js';
import { useRmaAction } from '../../api/rmas.js';
import { useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canRerouteReturns } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { formatDateTime } from '../../ui/dates.js';
import { Dialog } from '../../ui/dialog.js';
import { SelectField, TextAreaField } from '../../ui/field.js';
import { useToast } from '../../ui/toast.js';

const VERDICTS: Record<RoutingInstruction['candidates'][number]['verdict'], { label: string; tone: BadgeTone }> = {
  chosen: { label: 'Chosen', tone: 'success' },
  farther: { label: 'Farther', tone: 'muted' },
  at_capacity: { label: 'Full', tone: 'warning' },
  not_certified: { label: 'Not certified', tone: 'danger' },
};

/** Staff: where an authorized return's goods go, why the rules chose it, and sending them elsewhere. */
export function RoutingInstructionPanel({ rma }: { rma: Rma }) {
  const user = useCurrentUser();
  const [isRerouting, setRerouting] = useState(false);
  const instruction = rma.routingInstruction;
  if (!instruction) return null;
  const canReroute = rma.status === 'authorized' && canRerouteReturns(user.role);
  return (
    <section className="panel" aria-labelledby="routing-instruction-title">
      <h2 id="routing-instruction-title">Where the goods go</h2>
      {instruction.siteId === null ? (
        <Alert tone="warning">No site is certified for these goods. Send this return to a site by hand.</Alert>
      ) : (
        <p>
          <strong>
            {instruction.siteCode} · {instruction.siteName}
          </strong>{' '}
          {instruction.basis === 'rules' ? (
            <Badge tone="info">By the routing rules v{instruction.rulesVersion}</Badge>
          ) : (
            <Badge tone="warning">Overridden by {instruction.decidedBy}</Badge>
          )}{' '}
          <span className="muted">{formatDateTime(instruction.decidedAt)}</span>
        </p>
      )}
      <ul>
        {instruction.explanation.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {instruction.candidates.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Sites the rules considered, nearest first</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Verdict</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {instruction.candidates.map((candidate) => (
                <tr key={candidate.siteCode}>
                  <td>{candidate.siteCode}</td>
                  <td>
                    <Badge tone={VERDICTS[candidate.verdict].tone}>{VERDICTS[candidate.verdict].label}</Badge>
                  </td>
                  <td>{candidate.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canReroute ? (
        <button type="button" className="button" onClick={() => setRerouting(true)}>
          Send to another site…
        </button>
      ) : null}
      {isRerouting ? <RerouteDialog rma={rma} onClose={() => setRerouting(false)} /> : null}
    </section>
  );
}

function RerouteDialog({ rma, onClose }: { rma: Rma; onClose: () => void }) {
  const sites = useSites();
  const reroute = useRmaAction(rma);
  const toast = useToast();
  const [siteId, setSiteId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ siteId?: string; reason?: string }>({});
  const serverErrors = isApiError(reroute.error) ? reroute.error.fieldErrors() : {};
  const options = (sites.data?.items ?? [])
    .filter(
      (site) =>
        site.legalEntityId === rma.legalEntityId &&
        site.isActive &&
        site.capabilities.includes('receiving') &&
        site.id !== rma.routingInstruction?.siteId,
    )
    .map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      siteId: siteId === '' ? 'Choose the site the goods should go to.' : undefined,
      reason: reason.trim().length < 3 ? 'Say why the rules are overridden.' : undefined,
    };
    setErrors(found);
    if (found.siteId || found.reason) return;
    reroute.mutate(
      { kind: 'routing', siteId, reason: reason.trim() },
      {
        onSuccess: (updated) => {
          toast.show(
            `${updated.rmaNumber} now goes to ${options.find((o) => o.value === siteId)?.label ?? 'the new site'}`,
          );
          onClose();
        },
      },
    );
  }

  const general = reroute.error && Object.keys(serverErrors).length === 0 ? describeError(reroute.error) : null;
  return (
    <Dialog isOpen title={`Send ${rma.rmaNumber} to another site`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {general ? <Alert tone="error">{general}</Alert> : null}
        <SelectField
          label="Site"
          placeholder={sites.isPending ? 'Loading sites…' : 'Choose a site'}
          options={options}
          value={siteId}
          error={errors.siteId ?? serverErrors['siteId']}
          hint="Sites of the same legal entity that receive goods. A site must hold the goods’ certifications."
          onChange={(event) => setSiteId(event.target.value)}
          data-autofocus
        />
        <TextAreaField
          label="Reason"
          value={reason}
          maxLength={500}
          error={errors.reason ?? serverErrors['reason']}
          hint="Kept with the return, beside the rules’ own decision."
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button--primary" disabled={reroute.isPending}>
            {reroute.isPending ? 'Saving…' : 'Send there'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
