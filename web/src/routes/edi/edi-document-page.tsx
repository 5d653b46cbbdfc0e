import { useMutation } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/api-error.js';
import {
  downloadEdiDocument,
  useEdiDocument,
  useEdiReplies,
  type EdiDocument,
  type EdiDocumentWithContent,
} from '../../api/edi.js';
import { ediDocumentPath, EDI_DOCUMENTS_PATH } from '../../auth/permissions.js';
import { formatDateTime } from '../../ui/dates.js';
import { Fact } from '../../ui/fact.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryView } from '../../ui/query-view.js';
import { useToast } from '../../ui/toast.js';
import { DIRECTION_LABELS, EdiStatusBadge, RecordLinks } from './edi-labels.js';

const titleOf = (document: EdiDocument) =>
  `${document.direction === 'in' ? 'Inbound' : 'Outbound'} ${document.transactionSets.join(', ') || 'X12'}${
    document.interchangeControlNumber ? ` · ${document.interchangeControlNumber}` : ''
  }`;

function ErrorList({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <section className="panel" aria-label="Errors">
      <h2>Errors</h2>
      <ul>
        {errors.map((error, index) => (
          <li key={`${index}-${error}`}>{error}</li>
        ))}
      </ul>
    </section>
  );
}

/** The 997 and 180 queued in answer to an inbound document. */
function Replies({ document }: { document: EdiDocument }) {
  const replies = useEdiReplies(document);
  if (document.direction !== 'in' || !replies.data || replies.data.length === 0) return null;
  return (
    <section className="panel" aria-label="Answers">
      <h2>Answers</h2>
      <ul>
        {replies.data.map((reply) => (
          <li key={reply.id}>
            <Link to={ediDocumentPath(reply.id)}>
              {reply.transactionSets.join(', ')} · {reply.interchangeControlNumber ?? reply.id}
            </Link>{' '}
            <EdiStatusBadge status={reply.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DocumentView({ document }: { document: EdiDocumentWithContent }) {
  const toast = useToast();
  const download = useMutation({ mutationFn: () => downloadEdiDocument(document) });
  return (
    <>
      <section className="panel" aria-label="The document">
        <p>
          <EdiStatusBadge status={document.status} />
        </p>
        <dl className="facts">
          <Fact term="Partner" value={document.partnerName ?? 'Unknown sender'} />
          <Fact term="Direction" value={DIRECTION_LABELS[document.direction]} />
          <Fact term="Transaction sets" value={document.transactionSets.join(', ') || '—'} />
          <Fact term="Control number" value={document.interchangeControlNumber ?? '—'} />
          <Fact term="File" value={document.fileName ?? '—'} />
          <Fact term="Kept" value={formatDateTime(document.createdAt)} />
          <Fact term="Sent" value={document.sentAt ? formatDateTime(document.sentAt) : '—'} />
        </dl>
        <p>
          Records: <RecordLinks records={document.records} />
        </p>
        {document.inReplyTo ? (
          <p>
            In reply to <Link to={ediDocumentPath(document.inReplyTo)}>the inbound document</Link>
          </p>
        ) : null}
      </section>
      <ErrorList errors={document.errors} />
      <Replies document={document} />
      <section className="panel" aria-label="Content">
        <div className="panel__header">
          <h2>Content</h2>
          <button
            type="button"
            className="button button--small"
            disabled={download.isPending}
            onClick={() =>
              download.mutate(undefined, {
                onError: (error) => toast.show(`The file was not downloaded: ${describeError(error)}`, 'error'),
              })
            }
          >
            {download.isPending ? 'Downloading…' : 'Download'}
          </button>
        </div>
        <pre className="code-block" aria-label="X12 content">
          {document.content}
        </pre>
      </section>
    </>
  );
}

/** One EDI document: its status, errors, the records it created, what it answers, and its content. */
export function EdiDocumentPage() {
  const { documentId = '' } = useParams();
  const query = useEdiDocument(documentId);
  return (
    <>
      <PageHeader
        back={{ to: EDI_DOCUMENTS_PATH, label: 'EDI documents' }}
        title={query.data ? titleOf(query.data) : 'EDI document'}
      />
      <QueryView query={query} loadingLabel="Loading the document…" errorTitle="Could not load the document">
        {(document) => <DocumentView document={document} />}
      </QueryView>
    </>
  );
}
