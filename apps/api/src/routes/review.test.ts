import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp, TEST_ADMIN } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';
import { SseReader } from '../testing/sse';

type Opened = Awaited<ReturnType<typeof openTestApp>>;

// Who is who on org acme: hr and a VP approve; the editor (Grace's director) drafts; the viewer reads.
const WHO = {
  admin: TEST_ADMIN,
  hr: 'hr@acme.example',
  editor: 'ed@acme.example',
  vp: 'vp@acme.example',
  viewer: 'vi@acme.example',
  reader: 'reader@acme.example',
  outsider: 'out@other.example',
} as const;
type Who = keyof typeof WHO;

describe.each(ENGINES)('comments, approval and adoption, on %s', (engine) => {
  let t: Opened;
  const tokens = {} as Record<Who, string>;
  const request = (who: Who, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens[who]}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return t.anonymous.request(path, { ...init, headers });
  };
  const post = (who: Who, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(who, path, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
      headers,
    });
  const ops = (who: Who, id: string, revision: number, list: unknown[]) =>
    post(who, `/api/scenarios/${id}/ops`, { ops: list }, { 'if-match': `"${revision}"` });
  const audit = async (action: string) =>
    ((await readJson(await request('admin', '/api/audit?limit=500'))).events as Json[]).filter(
      (e) => e.action === action,
    );

  beforeAll(async () => {
    t = await openTestApp(engine);
    tokens.admin = (await t.identity.createToken(TEST_ADMIN, 'a', { actor: 'system' }))?.token as string;
    tokens.hr = await t.tokenFor(WHO.hr, 'hr', 'acme');
    tokens.editor = await t.tokenFor(WHO.editor, 'editor', 'acme');
    tokens.vp = await t.tokenFor(WHO.vp, 'editor', 'acme');
    tokens.viewer = await t.tokenFor(WHO.viewer, 'viewer', 'acme');
    tokens.reader = await t.tokenFor(WHO.reader, 'viewer', 'acme');
    tokens.outsider = await t.tokenFor(WHO.outsider, 'editor', 'other');
    expect((await post('admin', '/api/orgs', smallOrg('acme'))).status).toBe(201);
    // The editor's scenario: Edsger (e1) moves from Grace to Linus and the Web team.
    expect((await post('editor', '/api/orgs/acme/scenarios', { id: 'split', name: 'Split' })).status).toBe(
      201,
    );
    const saved = await ops('editor', 'split', 1, [
      { type: 'changeManager', personId: 'e1', managerId: 'linus' },
      { type: 'assignTeam', personId: 'e1', teamId: 'web' },
    ]);
    expect(saved.status, await saved.clone().text()).toBe(201);
    // Shared with the viewer for comment, with the VP and HR to edit; the reader is not shared in.
    for (const [w, access] of [
      [WHO.viewer, 'comment'],
      [WHO.vp, 'edit'],
      [WHO.hr, 'view'],
    ] as const) {
      expect((await post('editor', '/api/scenarios/split/share', { with: w, access })).status).toBe(200);
    }
    // Another scenario on the same baseline, shared with the org: offered a rebase after the adoption.
    expect(
      (
        await post('editor', '/api/orgs/acme/scenarios', {
          id: 'other',
          name: 'Other',
          visibility: 'org',
          ops: [
            { type: 'changeManager', personId: 'e2', managerId: 'linus' },
            { type: 'assignTeam', personId: 'e1', teamId: 'core' },
          ],
        })
      ).status,
    ).toBe(201);
    const clash = await post('editor', '/api/orgs/acme/scenarios', {
      id: 'clash',
      name: 'Clash',
      ops: [
        { type: 'changeManager', personId: 'e2', managerId: 'linus' },
        { type: 'changeManager', personId: 'linus', managerId: 'e1' },
      ],
    });
    expect(clash.status, await clash.clone().text()).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('comments', () => {
    it('takes a comment with @mentions of users who may see the scenario, and records it', async () => {
      const res = await post('editor', '/api/scenarios/split/comments', {
        body: 'Can @vp take this from March? cc @vi@acme.example and @reader (not shared) @nobody',
        subject: { kind: 'person', id: 'e1' },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const c = await readJson(res);
      expect(c).toMatchObject({
        author: WHO.editor,
        subject: { kind: 'person', id: 'e1' },
        revision: 2,
        mentions: [WHO.vp, WHO.viewer],
        resolved: false,
      });
      const events = await audit('comment.add');
      expect(events.at(0)).toMatchObject({ actor: WHO.editor, subject: 'split', orgId: 'acme' });
    });

    it('lets a viewer comment only on a scenario shared with them for comment', async () => {
      expect((await post('viewer', '/api/scenarios/split/comments', { body: 'Looks right' })).status).toBe(
        201,
      );
      // The org-wide scenario gives the viewer "view" only (a viewer's edit is capped at comment).
      const other = await post('viewer', '/api/scenarios/other/comments', { body: 'hm' });
      expect(other.status).toBe(201);
      // A scenario not shared with the reader is a 404, for reads and writes alike.
      expect((await request('reader', '/api/scenarios/split/comments')).status).toBe(404);
      expect((await post('reader', '/api/scenarios/split/comments', { body: 'x' })).status).toBe(404);
      expect((await request('outsider', '/api/scenarios/split/comments')).status).toBe(404);
      expect((await post('hr', '/api/scenarios/split/comments', { body: 'x' })).status).toBe(403);
    });

    it('refuses a subject that is not in the scenario, naming it', async () => {
      const res = await post('editor', '/api/scenarios/split/comments', {
        body: 'x',
        subject: { kind: 'team', id: 'ghost' },
      });
      expect(res.status).toBe(422);
      expect((await readJson(res)).errors[0]).toMatchObject({
        path: 'subject.id',
        message: 'no team "ghost" in the scenario',
      });
      const rev = await post('editor', '/api/scenarios/split/comments', {
        body: 'x',
        subject: { kind: 'revision', id: '9' },
      });
      expect(rev.status).toBe(422);
    });

    it('resolves and reopens, shown in the list and the summaries', async () => {
      const list = (await readJson(await request('viewer', '/api/scenarios/split/comments')))
        .comments as Json[];
      expect(list).toHaveLength(2);
      const first = list[0].id as string;
      const resolved = await readJson(await post('vp', `/api/scenarios/split/comments/${first}/resolve`));
      expect(resolved).toMatchObject({ resolved: true, resolvedBy: WHO.vp });
      let summary = await readJson(await request('editor', '/api/scenarios/split'));
      expect(summary.review).toEqual({ state: 'draft', openComments: 1 });
      const reopened = await readJson(await post('editor', `/api/scenarios/split/comments/${first}/reopen`));
      expect(reopened.resolved).toBe(false);
      summary = await readJson(await request('editor', '/api/scenarios/split'));
      expect(summary.review.openComments).toBe(2);
      expect((await post('editor', '/api/scenarios/split/comments/nope/resolve')).status).toBe(404);
      expect((await audit('comment.resolve')).length).toBe(1);
      expect((await audit('comment.reopen')).length).toBe(1);
    });
  });

  it("puts a comment and an approval change on the scenario's live feed for the others", async () => {
    const res = await request('viewer', '/api/scenarios/other/events');
    expect(res.status).toBe(200);
    const feed = new SseReader(res);
    await feed.nextNamed('ready');
    const made = await readJson(
      await post('editor', '/api/scenarios/other/comments', {
        body: 'Over to @vi',
        subject: { kind: 'team', id: 'web' },
      }),
    );
    const comment = JSON.parse((await feed.nextNamed('comment')).data);
    expect(comment).toMatchObject({
      id: made.id,
      author: WHO.editor,
      mentions: [WHO.viewer],
      subject: { kind: 'team', id: 'web' },
    });
    expect((await post('editor', '/api/scenarios/other/review/submit', { approvers: [WHO.vp] })).status).toBe(
      200,
    );
    const approval = JSON.parse((await feed.nextNamed('approval')).data);
    expect(approval).toMatchObject({
      scenarioId: 'other',
      state: 'in-review',
      approvers: [{ email: WHO.vp, decision: 'pending' }],
    });
    await feed.close();
  });

  describe('approval', () => {
    it('refuses deciding on a draft and submitting without edit access', async () => {
      expect((await post('vp', '/api/scenarios/split/review/approve', {})).status).toBe(409);
      expect(
        (await post('viewer', '/api/scenarios/split/review/submit', { approvers: [WHO.vp] })).status,
      ).toBe(403);
      const unknown = await post('editor', '/api/scenarios/split/review/submit', { approvers: [WHO.reader] });
      expect(unknown.status).toBe(422);
      expect((await readJson(unknown)).errors[0].path).toBe('approvers.0');
    });

    it('submits to a named approver and a role; only they decide; all must approve', async () => {
      const res = await post('editor', '/api/scenarios/split/review/submit', {
        approvers: [WHO.vp],
        role: 'hr',
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const review = await readJson(res);
      expect(review.state).toBe('in-review');
      expect(review.approvers.map((a: Json) => a.email).sort()).toEqual([WHO.hr, WHO.vp]);
      // The author, an admin and the viewer are not named: 403.
      for (const who of ['editor', 'admin', 'viewer'] as const) {
        expect((await post(who, '/api/scenarios/split/review/approve', {})).status, who).toBe(403);
      }
      expect((await post('vp', '/api/scenarios/split/review/request-changes', {})).status).toBe(422);
      const changes = await post('vp', '/api/scenarios/split/review/request-changes', {
        comment: 'Keep Edsger on Core',
      });
      expect((await readJson(changes)).state).toBe('changes-requested');
      expect(
        (await readJson(await post('vp', '/api/scenarios/split/review/approve', { comment: 'fine' }))).state,
      ).toBe('in-review');
      const approved = await readJson(await post('hr', '/api/scenarios/split/review/approve'));
      expect(approved.state).toBe('approved');
      const listed = (await readJson(await request('editor', '/api/orgs/acme/scenarios')))
        .scenarios as Json[];
      expect(listed.find((s) => s.id === 'split').review.state).toBe('approved');
      expect((await audit('review.approve')).map((e) => e.actor).sort()).toEqual([WHO.hr, WHO.vp]);
      expect((await audit('review.submit'))[0].detail).toMatchObject({ state: 'in-review', role: 'hr' });
    });

    it('resets every approval when a new revision is saved, and needs them again', async () => {
      expect(
        (
          await ops('editor', 'split', 2, [
            { type: 'updatePerson', personId: 'e3', changes: { title: 'Staff Engineer' } },
          ])
        ).status,
      ).toBe(201);
      const review = await readJson(await request('viewer', '/api/scenarios/split/review'));
      expect(review.state).toBe('in-review');
      expect(review.revision).toBe(3);
      expect(review.approvers.map((a: Json) => a.decision)).toEqual(['pending', 'pending']);
      expect(review.history.map((e: Json) => e.kind)).toEqual([
        'submit',
        'request-changes',
        'approve',
        'approve',
      ]);
      expect((await post('hr', '/api/scenarios/split/adopt', { effectiveDate: '2025-03-01' })).status).toBe(
        409,
      );
      for (const who of ['vp', 'hr'] as const) {
        expect((await post(who, '/api/scenarios/split/review/approve', {})).status).toBe(200);
      }
    });
  });

  it('answers junk bodies with a 4xx problem, never a 5xx', async () => {
    for (const path of [
      'review/approve',
      'review/request-changes',
      'adopt',
      'rebase',
      'comments',
      'review/submit',
    ]) {
      for (const [body, type] of [
        ['not json', 'text/plain'],
        ['{"comment": 5}', 'application/json'],
        ['[1,2', 'application/json'],
      ]) {
        const res = await request('hr', `/api/scenarios/split/${path}`, {
          method: 'POST',
          body,
          headers: { 'content-type': type },
        });
        expect(res.status, `${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${body}`).toBeLessThan(500);
      }
    }
  });

  describe('adoption', () => {
    it('previews the change list: exactly the moved and retitled people, CSV and xlsx', async () => {
      const list = await readJson(
        await request('viewer', '/api/scenarios/split/change-list?effectiveDate=2025-03-01'),
      );
      expect(list.adopted).toBe(false);
      expect(list.rows.map((r: Json) => [r.personId, r.changed])).toEqual([
        ['e1', ['manager', 'team']],
        ['e3', ['title']],
      ]);
      expect(list.announcements.map((a: Json) => [a.managerId, a.summary])).toEqual([
        ['grace', '1 leaves (Edsger).'],
        ['linus', '1 joins your team (Edsger); 1 changes in place (Ken).'],
      ]);
      const csv = await request(
        'viewer',
        '/api/scenarios/split/change-list?format=csv&effectiveDate=2025-03-01',
      );
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe(
        'Employee ID,Worker,Effective Date,Reason,Manager Employee ID,Manager,Supervisory Organization,Job Level,Business Title,Worker Status,Previous Manager,Previous Supervisory Organization,Previous Job Level,Previous Business Title,Previous Worker Status',
      );
      expect(lines.slice(1)).toEqual([
        'e1,Edsger,2025-03-01,"Reorganization: manager, team",linus,Linus,Web,L4,,active,Grace,Core,L4,,active',
        'e3,Ken,2025-03-01,Reorganization: title,linus,Linus,Web,L4,Staff Engineer,active,Linus,Web,L4,,active',
      ]);
      const bamboo = await (
        await request('viewer', '/api/scenarios/split/change-list?format=csv&columns=bamboohr')
      ).text();
      expect(
        bamboo.split('\r\n')[0].startsWith('Employee #,Name,Date,Reason,Reports To ID,Reports To,Department'),
      ).toBe(true);
      const xlsx = await request(
        'viewer',
        '/api/scenarios/split/change-list?format=xlsx&effectiveDate=2025-03-01',
      );
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await xlsx.arrayBuffer());
      const sheet = book.getWorksheet('Change list');
      expect(sheet?.rowCount).toBe(3);
      expect(sheet?.getRow(2).getCell(1).value).toBe('e1');
      expect(sheet?.getRow(1).getCell(7).value).toBe('Supervisory Organization');
      expect((await request('reader', '/api/scenarios/split/change-list')).status).toBe(404);
    });

    it('lets only admins and HR adopt an approved scenario; the old baseline is kept', async () => {
      for (const who of ['editor', 'vp', 'viewer'] as const) {
        expect((await post(who, '/api/scenarios/split/adopt', {})).status, who).toBe(403);
      }
      expect((await post('reader', '/api/scenarios/split/adopt', {})).status).toBe(404);
      expect((await post('hr', '/api/scenarios/split/adopt', { effectiveDate: '2025-02-30' })).status).toBe(
        422,
      );
      const res = await post('hr', '/api/scenarios/split/adopt', { effectiveDate: '2025-03-01' });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(await readJson(res)).toEqual({
        scenarioId: 'split',
        orgId: 'acme',
        baselineRevision: 2,
        effectiveDate: '2025-03-01',
        changes: 2,
        // Clash is private to the editor: HR is not told of it.
        rebase: [{ scenarioId: 'other', name: 'Other' }],
      });
      // The org's baseline is the adopted state; the scenario says adopted; a second adoption is refused.
      const org = await readJson(await request('viewer', '/api/orgs/acme'));
      expect(org.org.people.find((p: Json) => p.id === 'e1')).toMatchObject({
        managerId: 'linus',
        teamId: 'web',
      });
      expect((await readJson(await request('viewer', '/api/scenarios/split/review'))).state).toBe('adopted');
      expect((await post('hr', '/api/scenarios/split/adopt', {})).status).toBe(409);
      const adopted = await readJson(await request('viewer', '/api/scenarios/split/change-list'));
      expect(adopted).toMatchObject({ adopted: true, baselineRevision: 2, effectiveDate: '2025-03-01' });
      expect(adopted.rows).toHaveLength(2);
      const events = await audit('scenario.adopt');
      expect(events[0]).toMatchObject({
        actor: WHO.hr,
        subject: 'split',
        detail: { baselineRevision: 2, changes: 2 },
      });
      // The old scenario still reads on its own baseline (revision 1).
      const other = await readJson(await request('editor', '/api/scenarios/other'));
      expect(other.baselineRevision).toBe(1);
      expect(other.state.people.find((p: Json) => p.id === 'e1')).toMatchObject({
        managerId: 'grace',
        teamId: 'core',
      });
    });

    it('offers the other scenario a rebase with its conflicts per op', async () => {
      const preview = await readJson(await request('viewer', '/api/scenarios/other/rebase'));
      expect(preview).toMatchObject({ from: 1, to: 2, upToDate: false, kept: 2, conflicts: [] });
      expect((await post('viewer', '/api/scenarios/other/rebase', {})).status).toBe(403);
      const res = await post('editor', '/api/scenarios/other/rebase', { name: 'Other on the new baseline' });
      expect(res.status, await res.clone().text()).toBe(201);
      const body = await readJson(res);
      expect(body.scenario).toMatchObject({
        name: 'Other on the new baseline',
        baselineRevision: 2,
        author: WHO.editor,
      });
      const rebased = await readJson(await request('editor', `/api/scenarios/${body.scenario.id}`));
      expect(rebased.state.people.find((p: Json) => p.id === 'e1')).toMatchObject({
        managerId: 'linus',
        teamId: 'core',
      });
      expect((await post('editor', `/api/scenarios/${body.scenario.id}/rebase`, {})).status).toBe(409);
      expect((await audit('scenario.rebase'))[0].detail).toMatchObject({
        from: 'other',
        kept: 2,
        conflicts: [],
      });
    });

    it('lists a conflicting op by index when it no longer applies', async () => {
      // Made on baseline 1: Linus under Edsger. On baseline 2 Edsger reports to Linus: a loop.
      const preview = await readJson(await request('editor', '/api/scenarios/clash/rebase'));
      expect(preview).toMatchObject({ from: 1, to: 2, upToDate: false, kept: 1 });
      expect(preview.conflicts).toHaveLength(1);
      expect(preview.conflicts[0]).toMatchObject({
        opIndex: 1,
        code: 'cycle',
        op: { personId: 'linus', managerId: 'e1' },
      });
      // A scenario made after the adoption is on baseline 2 and up to date.
      expect((await post('editor', '/api/orgs/acme/scenarios', { id: 'late', name: 'Late' })).status).toBe(
        201,
      );
      expect(await readJson(await request('editor', '/api/scenarios/late/rebase'))).toMatchObject({
        from: 2,
        to: 2,
        upToDate: true,
      });
    });
  });
});
