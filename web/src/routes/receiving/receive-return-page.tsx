import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ReceiptResult } from '../../../../src/contracts/receiving.js';
import type { ClaimedCondition, RmaView } from '../../../../src/contracts/returns.js';
import { describeError } from '../../api/api-error.js';
import { newIdempotencyKey } from '../../api/client.js';
import { useReceiveReturn, type ReceiveReturnBody } from '../../api/receipts.js';
import { useRma } from '../../api/rmas.js';
import { startingSiteId, useSites } from '../../api/sites.js';
import { useCurrentUser } from '../../auth/auth-context.js';
import { RECEIPT_EXCEPTIONS_PATH, RECEIVE_PATH } from '../../auth/permissions.js';
import { Alert } from '../../ui/alert.js';
import { Badge, ProgressBadge, StatusBadge } from '../../ui/badge.js';
import { DataTable, type Column } from '../../ui/data-table.js';
import { Field, SelectField } from '../../ui/field.js';
import { CONDITION_OPTIONS } from '../../ui/options.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { beep, prepareBeeps } from './beep.js';
import { ReceiveByHandForm } from './receive-by-hand-form.js';
import { readableScan } from './receipt-labels.js';
import { ReturnExceptionsPanel } from './return-exceptions-panel.js';
import { answerFor, refusalFor, type ScanAnswer } from './scan-answers.js';
import { refocus, useKeepFocus } from './use-keep-focus.js';

/** How many answers the screen keeps in its list of this session's scans. */
const ANSWERS_KEPT = 30;

/** Receiving one return at the dock: scan after scan, each answered at once, the lines ticking down. */
export function ReceiveReturnPage() {
  const { rmaId = '' } = useParams();
  const query = useRma(rmaId);
  return (
    <QueryView query={query} loadingLabel="Loading the return…" errorTitle="Could not load the return">
      {(rma) => <ReceiveReturn rma={rma} />}
    </QueryView>
  );
}

interface LineRow {
  id: string;
  lineNumber: number;
  sku: string;
  productName: string;
  productId: string;
  quantity: number;
  received: number;
  expected: number;
}

const lineColumns: Column<LineRow>[] = [
  { key: 'line', header: 'Line', render: (line) => line.lineNumber },
  {
    key: 'product',
    header: 'Product',
    render: (line) => (
      <>
        <span className="receive-lines__sku">{line.sku}</span> <span className="muted">{line.productName}</span>
      </>
    ),
  },
  { key: 'quantity', header: 'On the return', render: (line) => line.quantity, align: 'right' },
  { key: 'received', header: 'Received', render: (line) => line.received, align: 'right' },
  { key: 'expected', header: 'Expected', render: (line) => line.expected, align: 'right' },
  {
    key: 'state',
    header: 'State',
    render: (line) =>
      line.expected === 0 ? (
        <Badge tone="success">All here</Badge>
      ) : line.received > 0 ? (
        <Badge tone="info">Partly here</Badge>
      ) : (
        <Badge tone="neutral">Awaited</Badge>
      ),
  },
];

/** Units of a line already received, as the return's progress tells it (everything not still out). */
function receivedFromProgress(line: RmaView['lines'][number]): number {
  const units = line.progress.units;
  return Math.max(0, units.total - units.expected - units.inTransit);
}

function ReceiveReturn({ rma }: { rma: RmaView }) {
  const user = useCurrentUser();
  const sites = useSites();
  const siteList = sites.data?.items ?? [];
  const [chosenSiteId, setChosenSiteId] = useState<string | null>(null);
  const siteId = chosenSiteId ?? startingSiteId(siteList, user.siteId);
  const [condition, setCondition] = useState<ClaimedCondition>('unopened');
  const [scan, setScan] = useState('');
  const [answers, setAnswers] = useState<ScanAnswer[]>([]);
  const [lastAnswer, setLastAnswer] = useState<ScanAnswer | null>(null);
  // Receipts only add units, so the highest count any answer reported is the latest: answers that
  // arrive out of order cannot tick a line back up.
  const [counted, setCounted] = useState<Record<string, { quantity: number; received: number }>>({});
  const scanRef = useRef<HTMLInputElement>(null);
  const nextAnswerId = useRef(1);
  const receive = useReceiveReturn(rma.id);
  useKeepFocus(scanRef);

  const isReceivable = rma.status === 'authorized';
  const lines: LineRow[] = rma.lines.map((line) => {
    const reported = counted[line.id];
    const quantity = Math.max(line.quantity, reported?.quantity ?? 0);
    const received = Math.max(receivedFromProgress(line), reported?.received ?? 0);
    return {
      id: line.id,
      lineNumber: line.lineNumber,
      sku: line.sku,
      productName: line.productName,
      productId: line.productId,
      quantity,
      received,
      expected: Math.max(0, quantity - received),
    };
  });

  const settle = useCallback((answer: ScanAnswer) => {
    setAnswers((current) =>
      current.some((entry) => entry.id === answer.id)
        ? current.map((entry) => (entry.id === answer.id ? answer : entry))
        : [answer, ...current].slice(0, ANSWERS_KEPT),
    );
    if (answer.tone !== 'pending') {
      setLastAnswer(answer);
      beep(answer.tone);
      // After the render, so a field the answer enabled or revealed can take focus.
      window.setTimeout(() => refocus(scanRef.current), 0);
    }
  }, []);

  const mergeLines = useCallback((result: ReceiptResult) => {
    setCounted((current) => {
      const next = { ...current };
      for (const line of result.lines) {
        const before = next[line.rmaLineId];
        next[line.rmaLineId] = {
          quantity: Math.max(before?.quantity ?? 0, line.quantity),
          received: Math.max(before?.received ?? 0, line.received),
        };
      }
      return next;
    });
  }, []);

  /** Sends one receipt at once (each with its own idempotency key) and answers it when the server does. */
  const send = useCallback(
    async (body: ReceiveReturnBody, label: string): Promise<boolean> => {
      const id = nextAnswerId.current++;
      settle({ id, label, tone: 'pending', title: 'Checking…', detail: '' });
      try {
        const result = await receive.mutateAsync({ body, idempotencyKey: newIdempotencyKey() });
        mergeLines(result);
        settle(answerFor(id, label, result, rma));
        return true;
      } catch (error) {
        settle(refusalFor(id, label, describeError(error)));
        return false;
      }
    },
    [receive, settle, mergeLines, rma],
  );

  function submitScan(event: FormEvent) {
    event.preventDefault();
    prepareBeeps();
    // The raw scanner output, group separators and all: the server reads the GS1 elements from it.
    const raw = scan;
    if (raw.trim() === '') return;
    setScan('');
    if (siteId === '') {
      settle(refusalFor(nextAnswerId.current++, readableScan(raw), 'Choose the receiving site before scanning.'));
      return;
    }
    void send({ siteId, items: [{ scan: raw, condition }] }, readableScan(raw));
  }

  return (
    <>
      <PageHeader
        back={{ to: RECEIVE_PATH, label: 'Receive another return' }}
        title={
          <>
            Receiving {rma.rmaNumber} <StatusBadge status={rma.status} />
          </>
        }
        subtitle={
          <>
            {rma.customerName} · <ProgressBadge progress={rma.progress} />{' '}
            <Link to={`/returns/${rma.id}`}>Open the return</Link>
          </>
        }
      />
      {isReceivable ? (
        <section className="panel scan-station">
          <form className="scan-station__form" onSubmit={submitScan} noValidate aria-label="Scan the goods">
            <Field
              label="Scan"
              className="scan-station__scan"
              hint="Scan each item's barcode, or type its GTIN or SKU and press Enter."
            >
              {(control) => (
                <input
                  ref={scanRef}
                  className="input input--scan"
                  autoComplete="off"
                  autoCapitalize="off"
                  autoCorrect="off"
                  spellCheck={false}
                  enterKeyHint="send"
                  autoFocus
                  value={scan}
                  onChange={(event) => setScan(event.target.value)}
                  {...control}
                />
              )}
            </Field>
            <SelectField
              label="Receiving site"
              value={siteId}
              placeholder={sites.isPending ? 'Loading sites…' : 'Choose the site'}
              options={siteList.map((site) => ({ value: site.id, label: `${site.code} · ${site.name}` }))}
              error={sites.isError ? describeError(sites.error) : undefined}
              onChange={(event) => setChosenSiteId(event.target.value)}
            />
            <SelectField
              label="Condition"
              hint="Applies to the next scans."
              value={condition}
              options={CONDITION_OPTIONS}
              onChange={(event) => setCondition(event.target.value as ClaimedCondition)}
            />
            <button type="submit" className="button button--primary scan-station__send">
              Receive
            </button>
          </form>
          <LastAnswer answer={lastAnswer} />
        </section>
      ) : (
        <Alert tone="warning">
          {rma.rmaNumber} is {rma.status.replace(/_/g, ' ')}: only authorized returns can be received. Record goods that
          came without an authorized return as an unauthorized arrival.
        </Alert>
      )}
      <section className="panel" aria-labelledby="receive-lines-heading">
        <h2 id="receive-lines-heading">Expected goods</h2>
        <div className="receive-lines">
          <DataTable
            columns={lineColumns}
            rows={lines}
            rowKey={(line) => line.id}
            caption={`Lines of ${rma.rmaNumber}`}
          />
        </div>
      </section>
      {answers.length > 0 ? <AnswerLog answers={answers} /> : null}
      {isReceivable ? (
        <ReceiveByHandForm
          lines={lines}
          condition={condition}
          siteId={siteId}
          onReceive={(body, label) => send(body, label)}
          onRefuse={(label, message) => settle(refusalFor(nextAnswerId.current++, label, message))}
        />
      ) : null}
      <ReturnExceptionsPanel rmaId={rma.id} queuePath={RECEIPT_EXCEPTIONS_PATH} />
    </>
  );
}

/** The latest answer, big and coloured, and read out by screen readers as it comes. */
function LastAnswer({ answer }: { answer: ScanAnswer | null }) {
  const tone = answer?.tone ?? 'idle';
  return (
    <div
      className={`scan-answer scan-answer--${tone}`}
      data-tone={tone}
      role="status"
      aria-live="assertive"
      aria-atomic="true"
      aria-label="Last scan"
    >
      {answer ? (
        // A new node per answer, so the same words twice (two over-receipts) are announced twice.
        <div key={answer.id}>
          <p className="scan-answer__title">{answer.title}</p>
          {answer.detail ? <p className="scan-answer__detail">{answer.detail}</p> : null}
          <p className="scan-answer__scan">Scanned: {answer.label}</p>
        </div>
      ) : (
        <p className="scan-answer__title">Ready: scan the first item.</p>
      )}
    </div>
  );
}

function AnswerLog({ answers }: { answers: ScanAnswer[] }) {
  return (
    <section className="panel" aria-labelledby="scan-log-heading">
      <h2 id="scan-log-heading">Scans</h2>
      <ol className="scan-log" aria-label="Scans, newest first">
        {answers.map((answer) => (
          <li key={answer.id} className={`scan-log__item scan-log__item--${answer.tone}`}>
            <span className="scan-log__scan">{answer.label}</span>
            <span className="scan-log__result">
              {answer.title}
              {answer.detail ? ` ${answer.detail}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
