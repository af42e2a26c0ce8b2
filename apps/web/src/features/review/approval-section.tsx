import { useState } from 'react';
import { createPortal } from 'react-dom';
import { ReviewStateChip } from '../../components/review-state-chip';
import type { Approver } from '../../lib/api/review';
import { decideReview, submitReview, useReview } from '../../stores/review-store';
import { AdoptDialog } from './adopt-dialog';

const DECISION_TEXT: Record<Approver['decision'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

function SubmitForm() {
  const [emails, setEmails] = useState('');
  const [hr, setHr] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const list = emails
        .split(/[,;\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      await submitReview(list, hr ? 'hr' : undefined);
      setEmails('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field-label" htmlFor="approvers">
        Approvers
      </label>
      <input
        id="approvers"
        className="input"
        placeholder="vp@company.com, finance@company.com"
        value={emails}
        onChange={(e) => setEmails(e.target.value)}
      />
      <label className="check">
        <input type="checkbox" checked={hr} onChange={(e) => setHr(e.target.checked)} />
        and HR on this org
      </label>
      {error && <p className="form-error">{error}</p>}
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy || (!emails.trim() && !hr)}>
        {busy ? 'Submitting…' : 'Submit for approval'}
      </button>
    </form>
  );
}

function DecisionForm() {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (kind: 'approve' | 'request-changes') => {
    setBusy(true);
    setError(null);
    try {
      await decideReview(kind, comment.trim());
      setComment('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="review-form">
      <textarea
        className="input"
        rows={2}
        aria-label="Comment on your decision"
        placeholder="Comment (needed to ask for changes)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {error && <p className="form-error">{error}</p>}
      <div className="review-actions">
        <button
          type="button"
          className="btn btn-primary btn-sm"
          disabled={busy}
          onClick={() => void act('approve')}
        >
          Approve
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={busy || !comment.trim()}
          onClick={() => void act('request-changes')}
        >
          Request changes
        </button>
      </div>
    </div>
  );
}

/**
 * The approval of the open scenario: its state, the approvers and their decisions; submit (with
 * edit access), approve or ask for changes (named approvers), adopt (admins and HR, once approved).
 */
export function ApprovalSection(props: { me: string | null; canEdit: boolean; canAdopt: boolean }) {
  const review = useReview((s) => s.review);
  const [adopting, setAdopting] = useState(false);
  if (!review) return null;
  const open = review.state === 'in-review' || review.state === 'changes-requested';
  const isApprover = props.me !== null && review.approvers.some((a) => a.email === props.me?.toLowerCase());
  return (
    <section className="review-section" aria-labelledby="approval-title">
      <div className="review-section-head">
        <h3 id="approval-title">Approval</h3>
        <ReviewStateChip state={review.state} />
      </div>
      {review.approvers.length > 0 && (
        <ul className="approver-list" aria-label="Approvers">
          {review.approvers.map((a) => (
            <li key={a.email}>
              <span>{a.email}</span>
              <span className={`chip decision-${a.decision}`}>{DECISION_TEXT[a.decision]}</span>
              {a.comment && <q className="muted">{a.comment}</q>}
            </li>
          ))}
        </ul>
      )}
      {review.state === 'in-review' &&
        review.approvers.every((a) => a.decision === 'pending') &&
        review.submittedBy && (
          <p className="muted">
            Submitted by {review.submittedBy}; any new revision asks the approvers again.
          </p>
        )}
      {open && isApprover && <DecisionForm />}
      {props.canEdit && review.state !== 'adopted' && review.state !== 'approved' && <SubmitForm />}
      {review.state === 'approved' && props.canAdopt && (
        <button type="button" className="btn btn-primary btn-sm" onClick={() => setAdopting(true)}>
          Adopt as the new baseline…
        </button>
      )}
      {review.state === 'approved' && !props.canAdopt && (
        <p className="muted">Approved. Admins and HR can adopt it as the org's new baseline.</p>
      )}
      {adopting && createPortal(<AdoptDialog onClose={() => setAdopting(false)} />, document.body)}
    </section>
  );
}
