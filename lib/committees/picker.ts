// The committee form's action picker, on the server (ADR 0026): a region holds hundreds
// of actions at national scale (thousands at ten times that), more than a page should
// carry, so the form asks for the ones matching its filter, at most PICKER_RESULTS at a
// time. Pure: the matching and the cut, apart from the reads.
import { fold } from '@/lib/fold';
import type { LinkableTerritory } from './queries';

/** Actions offered at once: beyond, the picker says how many match and asks for a narrower filter. */
export const PICKER_RESULTS = 50;

export interface LinkableSearch {
  groups: LinkableTerritory[];
  /** Actions shown (at most PICKER_RESULTS) and actions matching the filter. */
  shown: number;
  total: number;
}

/** The groups that match the filter (reference, title words or territory name; case and accents ignored). */
export function filterActionGroups(territories: LinkableTerritory[], filter: string): LinkableTerritory[] {
  const needle = fold(filter.trim());
  return territories
    .map((g) => (needle ? { ...g, actions: g.actions.filter((a) => fold(`${a.reference} ${a.title} ${g.territory.name}`).includes(needle)) } : g))
    .filter((g) => g.actions.length > 0);
}

/** The first `max` matching actions, in list order, and how many match in all. */
export function searchActionGroups(territories: LinkableTerritory[], filter: string, max = PICKER_RESULTS): LinkableSearch {
  const matching = filterActionGroups(territories, filter);
  const total = matching.reduce((n, g) => n + g.actions.length, 0);
  const groups: LinkableTerritory[] = [];
  let shown = 0;
  for (const g of matching) {
    if (shown >= max) break;
    const actions = g.actions.slice(0, max - shown);
    groups.push({ ...g, actions });
    shown += actions.length;
  }
  return { groups, shown, total };
}

/** The descriptions of the given actions (the selection), in list order. */
export function pickActions(territories: LinkableTerritory[], ids: readonly string[]): LinkableTerritory[] {
  const wanted = new Set(ids);
  return territories.map((g) => ({ ...g, actions: g.actions.filter((a) => wanted.has(a.id)) })).filter((g) => g.actions.length > 0);
}
