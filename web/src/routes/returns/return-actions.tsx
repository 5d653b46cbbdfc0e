import { useState } from 'react';
import type { RmaView } from '../../../../src/contracts/returns.js';
import { isApiError } from '../../api/api-error.js';
import { useRmaAction, type RmaAction } from '../../api/rmas.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { canCancelReturns, canCloseReturns, canDecideApprovals } from '../../auth/permissions.js';
import { useToast } from '../../ui/toast.js';
import { CommentDialog } from './comment-dialog.js';

/** The moves of the state machine explained in a comment (routing has its own panel). */
type ActionKind = Exclude<RmaAction['kind'], 'routing'>;

const DIALOGS: Record<ActionKind, { title: string; label: string; hint: string; confirm: string; done: string }> = {
  approve: {
    title: 'Approve return',
    label: 'Comment',
    hint: 'Why is this return approved? The comment is kept in the return’s history.',
    confirm: 'Approve',
    done: 'approved',
  },
  reject: {
    title: 'Reject return',
    label: 'Comment',
    hint: 'Why is this return rejected? The customer can see this comment.',
    confirm: 'Reject',
    done: 'rejected',
  },
  cancel: {
    title: 'Cancel return',
    label: 'Reason',
    hint: 'Why is the return cancelled?',
    confirm: 'Cancel return',
    done: 'cancelled',
  },
  close: {
    title: 'Close return',
    label: 'Note',
    hint: 'Its goods are worked through. How was it settled? The note is kept in the return’s history.',
    confirm: 'Close return',
    done: 'closed',
  },
};

/** Closing needs the goods worked through: some received, none on the way or waiting (as the server checks). */
function isWorkedThrough(rma: RmaView): boolean {
  const u = rma.progress.units;
  const received = u.total - u.expected - u.inTransit;
  return received > 0 && u.inTransit + u.awaitingInspection + u.awaitingDisposition === 0;
}

/** The buttons the return's state machine and the user's role allow. */
export function ReturnActions({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  const toast = useToast();
  const action = useRmaAction(rma);
  const [open, setOpen] = useState<ActionKind | null>(null);
  const allowed = new Set(rma.allowedTransitions);
  const canDecide = canDecideApprovals(user.role) && rma.status === 'pending_approval';
  const available: ActionKind[] = [
    ...(canDecide && allowed.has('authorized') ? (['approve'] as const) : []),
    ...(canDecide && allowed.has('rejected') ? (['reject'] as const) : []),
    ...(canCancelReturns(user.role) && allowed.has('cancelled') ? (['cancel'] as const) : []),
    ...(canCloseReturns(user.role) && rma.status === 'authorized' && allowed.has('closed') && isWorkedThrough(rma)
      ? (['close'] as const)
      : []),
  ];
  if (available.length === 0) return null;

  function confirm(kind: ActionKind, text: string) {
    const request: RmaAction =
      kind === 'cancel' ? { kind, reason: text } : kind === 'close' ? { kind, note: text } : { kind, comment: text };
    action.mutate(request, {
      onSuccess: (updated) => {
        setOpen(null);
        action.reset();
        toast.show(`${updated.rmaNumber} ${DIALOGS[kind].done}`);
      },
      onError: (error) => {
        // The return is reloaded, and the action may no longer apply: say why here, not in the dialog.
        if (!isConflict(error)) return;
        setOpen(null);
        toast.show(
          `Someone else changed ${rma.rmaNumber} while you were looking at it. The latest version is shown — check it and try again.`,
          'error',
        );
      },
    });
  }

  return (
    <div className="button-row">
      {available.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`button ${kind === 'approve' ? 'button--primary' : kind === 'reject' ? 'button--danger' : ''}`}
          onClick={() => {
            action.reset();
            setOpen(kind);
          }}
        >
          {DIALOGS[kind].confirm}
        </button>
      ))}
      {open ? (
        <CommentDialog
          key={open}
          isOpen
          title={`${DIALOGS[open].title} ${rma.rmaNumber}`}
          label={DIALOGS[open].label}
          hint={DIALOGS[open].hint}
          confirmLabel={DIALOGS[open].confirm}
          isDanger={open === 'reject' || open === 'cancel'}
          isPending={action.isPending}
          error={action.error}
          onConfirm={(text) => confirm(open, text)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

function isConflict(error: unknown): boolean {
  return isApiError(error) && (error.status === 412 || error.code === 'version_conflict');
}
