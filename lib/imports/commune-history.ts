// Resolution of commune codes of earlier years, and of a groupement's SIREN, to the
// current official geography, through the history that @etalab/decoupage-administratif
// itself ships: the `anciensCodes` of current communes and the `chefLieu` of
// "communes déléguées" and "communes associées". No hand-made table.
import { readData } from '@/prisma/seed/geography';

export interface SourceCommuneEntry {
  code: string;
  nom: string;
  type: string; // commune-actuelle, commune-deleguee, commune-associee, arrondissement-municipal
  chefLieu?: string;
  commune?: string; // arrondissement-municipal → its commune
  anciensCodes?: string[];
  siren?: string;
}

interface SourceGroup {
  code: string; // SIREN
  nom: string;
  membres: { code: string }[];
}

export type ResolutionKind = 'current' | 'commune-deleguee' | 'commune-associee' | 'ancien-code' | 'arrondissement';

export interface ResolvedCommune {
  code: string;
  name: string;
  via: ResolutionKind;
  /** Name of the code as the package knows it when it is not a current commune. */
  formerName?: string;
}

export interface CommuneHistory {
  resolve(code: string): ResolvedCommune | null;
  /** SIREN of the EPCI a current commune belongs to, if any. */
  epciOf(code: string): string | undefined;
  /**
   * EPCI meant by a groupement SIREN: the EPCI itself; for an établissement public
   * territorial (Grand Paris) or a commune, the EPCI of its communes.
   */
  epcisOfGroup(siren: string): { sirens: string[]; kind: 'epci' | 'ept' | 'commune' } | null;
  epciName(siren: string): string | undefined;
}

export interface HistorySource {
  communes: SourceCommuneEntry[];
  epcis: SourceGroup[];
  epts: SourceGroup[];
}

/** Builds the index from the package's data (or from given entries, for tests). */
export function buildCommuneHistory(source: HistorySource): CommuneHistory {
  const current = new Map<string, SourceCommuneEntry>();
  const linked = new Map<string, SourceCommuneEntry>(); // déléguée / associée / arrondissement
  const formerCode = new Map<string, string>();
  const communeBySiren = new Map<string, string>();
  for (const c of source.communes) {
    if (c.type === 'commune-actuelle') {
      current.set(c.code, c);
      if (c.siren) communeBySiren.set(c.siren, c.code);
      for (const old of c.anciensCodes ?? []) if (!formerCode.has(old)) formerCode.set(old, c.code);
    } else if (!linked.has(c.code)) linked.set(c.code, c);
  }
  const epciOfCommune = new Map<string, string>();
  const epciNames = new Map<string, string>();
  for (const e of source.epcis) {
    epciNames.set(e.code, e.nom);
    for (const m of e.membres) epciOfCommune.set(m.code, e.code);
  }
  const epts = new Map(source.epts.map((e) => [e.code, e]));

  const resolve = (code: string, depth = 0): ResolvedCommune | null => {
    const now = current.get(code);
    if (now) return { code, name: now.nom, via: 'current' };
    if (depth > 4) return null;
    const link = linked.get(code);
    const target = link?.type === 'arrondissement-municipal' ? link.commune : link?.chefLieu;
    if (link && target && target !== code) {
      const r = resolve(target, depth + 1);
      if (r) {
        const via: ResolutionKind = link.type === 'arrondissement-municipal' ? 'arrondissement' : link.type === 'commune-associee' ? 'commune-associee' : 'commune-deleguee';
        return { code: r.code, name: r.name, via, formerName: link.nom };
      }
    }
    const merged = formerCode.get(code);
    if (merged) {
      const r = resolve(merged, depth + 1);
      if (r) return { code: r.code, name: r.name, via: 'ancien-code' };
    }
    return null;
  };

  return {
    resolve: (code) => resolve(code),
    epciOf: (code) => epciOfCommune.get(code),
    epciName: (siren) => epciNames.get(siren),
    epcisOfGroup(siren) {
      if (epciNames.has(siren)) return { sirens: [siren], kind: 'epci' };
      const ept = epts.get(siren);
      if (ept) {
        const sirens = [...new Set(ept.membres.map((m) => epciOfCommune.get(m.code)).filter((s): s is string => !!s))].sort();
        return sirens.length ? { sirens, kind: 'ept' } : null;
      }
      const commune = communeBySiren.get(siren);
      const epci = commune ? epciOfCommune.get(commune) : undefined;
      return epci ? { sirens: [epci], kind: 'commune' } : null;
    },
  };
}

let cached: CommuneHistory | undefined;

/** The index over @etalab/decoupage-administratif (built once per process). */
export function communeHistory(): CommuneHistory {
  cached ??= buildCommuneHistory({
    communes: readData<SourceCommuneEntry[]>('communes.json'),
    epcis: readData<SourceGroup[]>('epci.json'),
    epts: readData<SourceGroup[]>('ept.json'),
  });
  return cached;
}
