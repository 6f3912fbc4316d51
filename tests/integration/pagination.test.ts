// Long lists are paginated on the server; out-of-range pages fall back to the last page.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listActionsPage } from '@/lib/actions/queries';
import { listProgrammeActions } from '@/lib/programme/queries';
import { listTerritoriesPage } from '@/lib/territories/queries';
import { pageParam } from '@/lib/pagination';
import { actor, DEMO } from '../fixtures';

describe('server-side pagination', () => {
  it('pages a plan without overlap, and clamps a page past the end', async () => {
    const lead = await actor(DEMO.cdpTarnNord);
    const total = await db.action.count({ where: { territory: { slug: 'tarn-nord' }, archivedAt: null } });
    expect(total).toBeGreaterThan(3);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 3); page++) {
      const r = await listActionsPage(lead, 'tarn-nord', { sort: 'title' }, page, 3);
      expect(r.total).toBe(total);
      seen.push(...r.items.map((a) => a.id));
    }
    expect(new Set(seen).size).toBe(total);
    const last = await listActionsPage(lead, 'tarn-nord', {}, pageParam('999999999'), 3);
    expect(last.page).toBe(Math.ceil(total / 3));
    expect(last.items.length).toBeGreaterThan(0);
    for (const bad of ['Infinity', '1e400', '-1']) expect((await listActionsPage(lead, 'tarn-nord', {}, pageParam(bad), 3)).page).toBe(1);
    // A raw non-integer page from another caller is treated as page 1, never an error.
    expect((await listActionsPage(lead, 'tarn-nord', {}, Number.POSITIVE_INFINITY, 3)).page).toBe(1);
  });

  it('pages the programme list and the territory list with their sort', async () => {
    const national = await actor(DEMO.national);
    const all = await listProgrammeActions(national, {}, Number.POSITIVE_INFINITY, 10);
    expect(all.page).toBe(1);
    const beyond = await listProgrammeActions(national, { sort: 'budget' }, 1e9, 10);
    expect(beyond.page).toBe(Math.ceil(all.total / 10));
    const territories = await listTerritoriesPage(national, { page: 1, pageSize: 5, sort: 'actions' });
    expect(territories.sort).toBe('actions');
    expect(territories.items).toHaveLength(5);
    const counts = territories.items.map((t) => t.actionCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect((await listTerritoriesPage(national, { page: 1, pageSize: 5, sort: 'drop table' })).sort).toBe('name');
    const lastPage = await listTerritoriesPage(national, { page: 10_000, pageSize: 5 });
    expect(lastPage.page).toBe(Math.ceil(lastPage.total / 5));
  });
});
