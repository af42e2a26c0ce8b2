import { describe, expect, it } from 'vitest';
import { checkReviewEvent, getReviewState, type ReviewEvent } from './review-state';

const submit = (revision: number, approvers = ['vp@x.com', 'hr@x.com']): ReviewEvent => ({
  kind: 'submit',
  by: 'dir@x.com',
  revision,
  approvers,
});

describe('getReviewState', () => {
  it('is a draft with no events', () => {
    expect(getReviewState([], 3)).toEqual({
      state: 'draft',
      revision: null,
      submittedBy: null,
      role: null,
      approvers: [],
    });
  });

  it('goes in-review → approved when every approver approves the revision under review', () => {
    const one = getReviewState([submit(2), { kind: 'approve', by: 'vp@x.com', revision: 2 }], 2);
    expect(one.state).toBe('in-review');
    expect(one.approvers.map((a) => a.decision)).toEqual(['approved', 'pending']);
    const both = getReviewState(
      [
        submit(2),
        { kind: 'approve', by: 'vp@x.com', revision: 2 },
        { kind: 'approve', by: 'hr@x.com', revision: 2, comment: 'ok' },
      ],
      2,
    );
    expect(both.state).toBe('approved');
    expect(both.approvers).toEqual([
      { email: 'vp@x.com', decision: 'approved' },
      { email: 'hr@x.com', decision: 'approved', comment: 'ok' },
    ]);
  });

  it('one request for changes wins over approvals; approving after it clears it', () => {
    const events: ReviewEvent[] = [
      submit(2),
      { kind: 'approve', by: 'vp@x.com', revision: 2 },
      { kind: 'request-changes', by: 'hr@x.com', revision: 2, comment: 'keep Lee with Ana' },
    ];
    expect(getReviewState(events, 2).state).toBe('changes-requested');
    expect(getReviewState([...events, { kind: 'approve', by: 'hr@x.com', revision: 2 }], 2).state).toBe(
      'approved',
    );
  });

  it('a new revision after the submission resets every decision', () => {
    const approved: ReviewEvent[] = [
      submit(2),
      { kind: 'approve', by: 'vp@x.com', revision: 2 },
      { kind: 'approve', by: 'hr@x.com', revision: 2 },
    ];
    const after = getReviewState(approved, 3);
    expect(after.state).toBe('in-review');
    expect(after.revision).toBe(3);
    expect(after.approvers.map((a) => a.decision)).toEqual(['pending', 'pending']);
    // vp approves revision 3: hr's old approval (of revision 2) does not count.
    const again = getReviewState([...approved, { kind: 'approve', by: 'vp@x.com', revision: 3 }], 3);
    expect(again.state).toBe('in-review');
    expect(again.approvers.map((a) => a.decision)).toEqual(['approved', 'pending']);
  });

  it('ignores decisions of people who are not named approvers', () => {
    const s = getReviewState(
      [submit(1, ['vp@x.com']), { kind: 'approve', by: 'intruder@x.com', revision: 1 }],
      1,
    );
    expect(s.state).toBe('in-review');
  });

  it('adoption is final', () => {
    const events: ReviewEvent[] = [
      submit(1, ['vp@x.com']),
      { kind: 'approve', by: 'vp@x.com', revision: 1 },
      { kind: 'adopt', by: 'hr@x.com', revision: 1 },
    ];
    expect(getReviewState(events, 1).state).toBe('adopted');
    expect(getReviewState(events, 5).state).toBe('adopted');
  });
});

describe('checkReviewEvent', () => {
  const inReview = getReviewState([submit(2, ['vp@x.com'])], 2);
  it('refuses decisions on a draft, by non-approvers, and adoption before approval', () => {
    expect(
      checkReviewEvent(getReviewState([], 1), { kind: 'approve', by: 'vp@x.com', revision: 1 }, 1)?.code,
    ).toBe('not_in_review');
    expect(checkReviewEvent(inReview, { kind: 'approve', by: 'ed@x.com', revision: 2 }, 2)?.code).toBe(
      'not_approver',
    );
    expect(checkReviewEvent(inReview, { kind: 'approve', by: 'vp@x.com', revision: 2 }, 2)).toBeUndefined();
    expect(checkReviewEvent(inReview, { kind: 'adopt', by: 'hr@x.com', revision: 2 }, 2)?.code).toBe(
      'not_approved',
    );
    expect(checkReviewEvent(inReview, submit(2, []), 2)?.code).toBe('no_approvers');
  });
  it('refuses adopting an approval of an older revision', () => {
    const approved = getReviewState(
      [submit(2, ['vp@x.com']), { kind: 'approve', by: 'vp@x.com', revision: 2 }],
      2,
    );
    expect(checkReviewEvent(approved, { kind: 'adopt', by: 'hr@x.com', revision: 3 }, 3)?.code).toBe(
      'not_approved',
    );
  });
});
