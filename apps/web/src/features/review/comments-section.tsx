import { useState } from 'react';
import type { CommentSubject, ScenarioComment } from '../../lib/api/review';
import { getDisplayName } from '../../lib/org/display-name';
import { describeSubject, splitMentions } from '../../lib/review/review-words';
import { postComment, resolveComment, useReview } from '../../stores/review-store';
import { useSession } from '../../stores/session-store';
import { useView } from '../../stores/view-store';

function useSubjectNames() {
  const index = useSession((s) => s.index);
  return {
    person: (id: string) => {
      const p = index?.byId.get(id);
      return p ? getDisplayName(p) : undefined;
    },
    team: (id: string) => index?.teamsById.get(id)?.name,
  };
}

function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment-body">
      {splitMentions(body).map((part, k) =>
        part.mention ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, in order.
          <mark key={k} className="mention">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

function CommentItem({ c, canComment }: { c: ScenarioComment; canComment: boolean }) {
  const names = useSubjectNames();
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    try {
      await resolveComment(c.id, !c.resolved);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`comment${c.resolved ? ' is-resolved' : ''}`} data-comment-id={c.id}>
      <div className="comment-head">
        <strong>{c.author}</strong>
        <span className="muted">
          on {describeSubject(c.subject, names)} · rev {c.revision} ·{' '}
          {c.createdAt.slice(0, 16).replace('T', ' ')}
        </span>
      </div>
      <CommentBody body={c.body} />
      <div className="comment-foot">
        {c.resolved && <span className="chip chip-ok">Resolved by {c.resolvedBy}</span>}
        {canComment && (
          <button
            type="button"
            className="btn btn-ghost btn-xs"
            onClick={() => void toggle()}
            disabled={busy}
          >
            {c.resolved ? 'Reopen' : 'Resolve'}
          </button>
        )}
      </div>
    </li>
  );
}

function Composer() {
  const selectedId = useView((s) => s.selectedId);
  const revision = useSession((s) => s.revision);
  const names = useSubjectNames();
  const [on, setOn] = useState<'scenario' | 'selected' | 'revision'>('scenario');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectedName = selectedId ? names.person(selectedId) : undefined;
  const subject: CommentSubject =
    on === 'selected' && selectedId
      ? { kind: 'person', id: selectedId }
      : on === 'revision'
        ? { kind: 'revision', id: String(revision) }
        : { kind: 'scenario', id: null };
  const submit = async () => {
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await postComment(body.trim(), subject);
      setBody('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field-label" htmlFor="comment-subject">
        Comment on
      </label>
      <select
        id="comment-subject"
        className="select"
        value={on}
        onChange={(e) => setOn(e.target.value as typeof on)}
      >
        <option value="scenario">The whole scenario</option>
        {selectedName && <option value="selected">{selectedName} (selected)</option>}
        <option value="revision">Revision {revision}</option>
      </select>
      <textarea
        className="input comment-input"
        aria-label="Comment"
        placeholder="Write a comment; @name mentions someone"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
        }}
      />
      {error && <p className="form-error">{error}</p>}
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !body.trim()}>
        {busy ? 'Posting…' : 'Post comment'}
      </button>
    </form>
  );
}

/** The comments of the open scenario: open first or all, resolve/reopen, and a composer. */
export function CommentsSection({ canComment }: { canComment: boolean }) {
  const comments = useReview((s) => s.comments);
  const [showResolved, setShowResolved] = useState(false);
  const open = comments.filter((c) => !c.resolved);
  const shown = showResolved ? comments : open;
  return (
    <section className="review-section" aria-labelledby="comments-title">
      <div className="review-section-head">
        <h3 id="comments-title">
          Comments <span className="muted">({open.length} open)</span>
        </h3>
        <label className="check">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          Show resolved
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{comments.length === 0 ? 'No comments yet.' : 'No open comments.'}</p>
      ) : (
        <ul className="comment-list">
          {shown.map((c) => (
            <CommentItem key={c.id} c={c} canComment={canComment} />
          ))}
        </ul>
      )}
      {canComment ? (
        <Composer />
      ) : (
        <p className="muted">
          You may read this scenario but not comment on it (ask its author to share it for comment).
        </p>
      )}
    </section>
  );
}
