// Import of the official territory list (every data.gouv.fr edition: see
// lib/imports/official-list.ts). A territory is identified by (programme phase, id_ti);
// its EPCI come from the file (groupement edition) or from its communes through the
// official geography (commune edition, earlier codes resolved by lib/imports/commune-history);
// départements and regions from its EPCI.
//
// Two steps: `previewTerritoryImport` says what the file would do and writes nothing;
// `importTerritories` applies it. The preview carries a fingerprint of the file and
// of the territories it was computed against; an apply given that fingerprint is
// refused (CONFLICT, with a fresh preview) when anything changed in between, so what is
// applied is exactly what was previewed. All-or-nothing; idempotent; never deletes: a
// territory missing from the edition is reported, national staff decide its status.
import crypto from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import { AppError, conflict, invalid } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/authz/policy';
import { recordAudit, roleOn } from '@/lib/audit/audit';
import { deriveTerritoryGeography } from '@/lib/territories/composition';
import { slugify } from '@/lib/slug';
import { communeHistory } from './commune-history';
import { readEdition, type CodeMapping, type EditionFormat, type LineError } from './official-list';

export { parseCsv } from './official-list';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ERRORS = 50;
export const DEFAULT_PROGRAMME_PHASE = 2;
export const PROGRAMME_PHASES = [1, 2] as const;

interface Named {
  code: string;
  name: string;
}

export interface CompositionChange {
  officialId: string;
  slug: string;
  name: string;
  epcisAdded: Named[];
  epcisRemoved: Named[];
  departementsAdded: string[];
  departementsRemoved: string[];
  regionsAdded: string[];
  regionsRemoved: string[];
}

export interface ImportReport {
  rows: number;
  territories: number;
  created: { officialId: string; name: string; slug: string; epcis: number; departementCodes: string[]; regionCodes: string[] }[];
  updated: { officialId: string; name: string; changes: string[] }[];
  unchanged: number;
  runId: string | null;
  /** Added to the original shape: the preview/apply details. */
  dryRun: boolean;
  phase: number;
  format: EditionFormat;
  fingerprint: string;
  renamed: { officialId: string; slug: string; from: string; to: string }[];
  compositionChanged: CompositionChange[];
  /** Territories of the phase that the edition does not list: reported, never deleted. */
  missing: { officialId: string; name: string; slug: string; status: string }[];
  mappedCodes: CodeMapping[];
  notes: string[];
}

export interface ImportOptions {
  filename?: string | null;
  phase?: number;
  dryRun?: boolean;
  /** Fingerprint of the preview being confirmed; the apply is refused if it no longer matches. */
  expectedFingerprint?: string | null;
}

interface TerritoryState {
  id: string;
  slug: string;
  programmePhase: number;
  officialId: string | null;
  name: string;
  status: string;
  compositionIllustrative: boolean;
  epcis: string[];
}

interface EpciGeo {
  siren: string;
  name: string;
  departementCodes: string[];
  regionCodes: string[];
  population: number;
}

interface Plan {
  phase: number;
  report: ImportReport;
  creates: { officialId: string; name: string; slug: string; sirens: string[] }[];
  updates: { id: string; officialId: string; before: { name: string; epcis: string[] }; after: { name: string; epcis: string[] } }[];
  epciBySiren: Map<string, EpciGeo>;
}

function refuse(errors: LineError[]): AppError {
  const lines = errors.map((e) => (e.line > 0 ? `Ligne ${e.line} : ${e.message}.` : `${e.message}`));
  const shown = lines.slice(0, MAX_ERRORS);
  if (lines.length > MAX_ERRORS) shown.push(`… et ${lines.length - MAX_ERRORS} autres erreurs.`);
  const counted = errors.filter((e) => e.line > 0).length;
  return invalid({ file: shown }, counted ? `Fichier refusé : ${counted} ligne(s) en erreur. Aucune modification n'a été faite.` : "Fichier refusé. Aucune modification n'a été faite.");
}

function parsePhase(phase: number | undefined): number {
  const p = phase ?? DEFAULT_PROGRAMME_PHASE;
  if (!(PROGRAMME_PHASES as readonly number[]).includes(p)) throw invalid({ phase: ['Phase du programme inconnue (1 ou 2).'] });
  return p;
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

async function loadState(tx: Tx, sirens: string[]): Promise<{ territories: TerritoryState[]; epcis: EpciGeo[] }> {
  const [rows, epcis] = await Promise.all([
    tx.territory.findMany({
      select: { id: true, slug: true, programmePhase: true, officialId: true, name: true, status: true, compositionIllustrative: true, epcis: { select: { epciSiren: true } } },
      orderBy: { id: 'asc' },
    }),
    tx.epci.findMany({ where: { siren: { in: sirens } }, select: { siren: true, name: true, departementCodes: true, regionCodes: true, population: true }, orderBy: { siren: 'asc' } }),
  ]);
  const territories = rows.map(({ epcis: e, ...t }) => ({ ...t, epcis: e.map((x) => x.epciSiren).sort() }));
  return { territories, epcis };
}

const diff = <T>(a: T[], b: T[]) => {
  const sb = new Set(b);
  return a.filter((x) => !sb.has(x));
};

/** Computes what the edition does to the territories, deterministically from (file, phase, state). */
function plan(text: string, phase: number, history = communeHistory()) {
  const edition = readEdition(text, history);
  return {
    edition,
    build(state: { territories: TerritoryState[]; epcis: EpciGeo[] }): Plan {
      const epciBySiren = new Map(state.epcis.map((e) => [e.siren, e]));
      const epciName = (s: string) => epciBySiren.get(s)?.name ?? history.epciName(s) ?? s;
      const ofPhase = new Map(state.territories.filter((t) => t.programmePhase === phase && t.officialId).map((t) => [t.officialId as string, t]));
      const usedSlugs = new Set(state.territories.map((t) => t.slug));
      const errors: LineError[] = [];
      const fingerprint = sha256(JSON.stringify({ v: 1, phase, file: sha256(text), state }));
      const report: ImportReport = {
        rows: edition.rows,
        territories: edition.territories.size,
        created: [],
        updated: [],
        unchanged: 0,
        runId: null,
        dryRun: true,
        phase,
        format: edition.format,
        fingerprint,
        renamed: [],
        compositionChanged: [],
        missing: [],
        mappedCodes: edition.mappings,
        notes: [...edition.notes],
      };
      const result: Plan = { phase, report, creates: [], updates: [], epciBySiren };
      for (const w of [...edition.territories.values()].sort((a, b) => a.officialId.localeCompare(b.officialId))) {
        const sirens = [...w.epcis].sort();
        const unknown = sirens.filter((s) => !epciBySiren.has(s));
        if (unknown.length) {
          errors.push({ line: w.firstLine, message: `${w.officialId} : EPCI ${unknown.join(', ')} absent(s) de la base (géographie à recharger)` });
          continue;
        }
        if (!sirens.length) {
          errors.push({ line: w.firstLine, message: `${w.officialId} : aucun EPCI ne correspond à ses communes` });
          continue;
        }
        const geo = deriveTerritoryGeography(sirens.map((s) => epciBySiren.get(s) as EpciGeo));
        const current = ofPhase.get(w.officialId);
        if (!current) {
          if (!w.name) {
            errors.push({ line: w.firstLine, message: `${w.officialId} : territoire inconnu, et le fichier ne donne pas son nom (colonne lib_ti)` });
            continue;
          }
          const base = slugify(w.name) || 'territoire';
          let slug = base;
          for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
          usedSlugs.add(slug);
          result.creates.push({ officialId: w.officialId, name: w.name, slug, sirens });
          report.created.push({ officialId: w.officialId, name: w.name, slug, epcis: sirens.length, departementCodes: geo.departementCodes, regionCodes: geo.regionCodes });
          continue;
        }
        const name = w.name ?? current.name;
        const changes: string[] = [];
        if (current.name !== name) {
          changes.push(`nom : « ${current.name} » → « ${name} »`);
          report.renamed.push({ officialId: w.officialId, slug: current.slug, from: current.name, to: name });
        }
        if (current.epcis.join() !== sirens.join()) {
          const before = deriveTerritoryGeography(current.epcis.map((s) => epciBySiren.get(s)).filter((e): e is EpciGeo => !!e));
          const change: CompositionChange = {
            officialId: w.officialId,
            slug: current.slug,
            name,
            epcisAdded: diff(sirens, current.epcis).map((code) => ({ code, name: epciName(code) })),
            epcisRemoved: diff(current.epcis, sirens).map((code) => ({ code, name: epciName(code) })),
            departementsAdded: diff(geo.departementCodes, before.departementCodes),
            departementsRemoved: diff(before.departementCodes, geo.departementCodes),
            regionsAdded: diff(geo.regionCodes, before.regionCodes),
            regionsRemoved: diff(before.regionCodes, geo.regionCodes),
          };
          report.compositionChanged.push(change);
          changes.push(`EPCI : ${current.epcis.length} → ${sirens.length}`);
          if (change.epcisAdded.length) changes.push(`EPCI ajouté(s) : ${change.epcisAdded.map((e) => `${e.name} (${e.code})`).join(', ')}`);
          if (change.epcisRemoved.length) changes.push(`EPCI retiré(s) : ${change.epcisRemoved.map((e) => `${e.name} (${e.code})`).join(', ')}`);
        }
        if (!changes.length) {
          report.unchanged += 1;
          continue;
        }
        result.updates.push({ id: current.id, officialId: w.officialId, before: { name: current.name, epcis: current.epcis }, after: { name, epcis: sirens } });
        report.updated.push({ officialId: w.officialId, name, changes });
      }
      for (const [officialId, t] of [...ofPhase.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        if (!edition.territories.has(officialId)) report.missing.push({ officialId, name: t.name, slug: t.slug, status: t.status });
      }
      if (errors.length) throw refuse(errors.sort((a, b) => a.line - b.line));
      return result;
    },
  };
}

function prepare(actor: Actor, text: string, options: ImportOptions) {
  authorize(actor, 'import:territories', null);
  const phase = parsePhase(options.phase);
  if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw invalid({ file: ['Fichier trop volumineux (10 Mo au maximum).'] });
  const p = plan(text, phase);
  if (p.edition.errors.length) throw refuse(p.edition.errors);
  const sirens = [...new Set([...p.edition.territories.values()].flatMap((t) => [...t.epcis]))];
  return { phase, p, sirens };
}

/** What the file would do, written nowhere. National staff only. */
export async function previewTerritoryImport(actor: Actor, text: string, options: Omit<ImportOptions, 'dryRun' | 'expectedFingerprint'> = {}): Promise<ImportReport> {
  const { p, sirens } = prepare(actor, text, options);
  // Current communes' EPCI may be absent from the Epci table's union: read them all at once.
  const state = await loadState(db, [...new Set([...sirens, ...(await currentEpciSirens())])]);
  return p.build(state).report;
}

// EPCI named by the current compositions, so that removals are described too.
async function currentEpciSirens(tx: Tx = db): Promise<string[]> {
  return (await tx.territoryEpci.findMany({ distinct: ['epciSiren'], select: { epciSiren: true } })).map((e) => e.epciSiren);
}

/**
 * Imports the official list (or, with `dryRun`, only previews it). National staff only.
 * With `expectedFingerprint`, refuses (CONFLICT, `current`: the new preview) when the
 * file or the territories differ from those of that preview.
 */
export async function importTerritories(actor: Actor, text: string, filenameOrOptions: string | null | ImportOptions = null): Promise<ImportReport> {
  const options: ImportOptions = typeof filenameOrOptions === 'object' && filenameOrOptions !== null ? filenameOrOptions : { filename: filenameOrOptions };
  if (options.dryRun) return previewTerritoryImport(actor, text, options);
  const { p, sirens } = prepare(actor, text, options);
  let stale: ImportReport | null = null;
  const report = await db.$transaction(
    async (tx) => {
      // Territory writers wait until the import is done (readers do not): the state
      // compared with the preview is the state written over.
      await tx.$executeRaw`LOCK TABLE "Territory", "TerritoryEpci" IN SHARE ROW EXCLUSIVE MODE`;
      const state = await loadState(tx, [...new Set([...sirens, ...(await currentEpciSirens(tx))])]);
      const result = p.build(state);
      if (options.expectedFingerprint && options.expectedFingerprint !== result.report.fingerprint) {
        stale = result.report;
        return null;
      }
      await write(tx, actor, result);
      const out: ImportReport = { ...result.report, dryRun: false };
      const run = await tx.importRun.create({
        data: { kind: 'territories', filename: options.filename ?? null, userId: actor.id, report: JSON.parse(JSON.stringify({ ...out, runId: undefined, mappedCodes: out.mappedCodes.length })) },
        select: { id: true },
      });
      out.runId = run.id;
      await recordAudit(tx, {
        actor,
        entityType: 'Import',
        entityId: run.id,
        operation: 'import',
        after: { phase: out.phase, format: out.format, created: out.created.length, updated: out.updated.length, unchanged: out.unchanged, missing: out.missing.length },
      });
      return out;
    },
    { timeout: 60_000 },
  );
  if (!report) {
    throw conflict("La liste des territoires a changé depuis l'aperçu (ou le fichier n'est plus le même) : rien n'a été importé. Vérifiez le nouvel aperçu avant de confirmer.", stale);
  }
  return report;
}

async function write(tx: Tx, actor: Actor, { phase, creates, updates, epciBySiren }: Plan): Promise<void> {
  const geoOf = (sirens: string[]) => deriveTerritoryGeography(sirens.map((s) => epciBySiren.get(s) as EpciGeo));
  if (creates.length) {
    const rows = creates.map((c) => ({ id: crypto.randomUUID(), slug: c.slug, name: c.name, officialId: c.officialId, programmePhase: phase, phase: 'NEW' as const, ...geoOf(c.sirens) }));
    await tx.territory.createMany({ data: rows });
    await tx.territoryEpci.createMany({ data: creates.flatMap((c, i) => c.sirens.map((epciSiren) => ({ territoryId: rows[i]!.id, epciSiren }))) });
    await tx.actionPlan.createMany({ data: rows.map((r) => ({ territoryId: r.id })) });
    await tx.auditLog.createMany({
      data: creates.map((c, i) => ({
        actorId: actor.id,
        actorRole: roleOn(actor, null),
        entityType: 'Territory',
        entityId: rows[i]!.id,
        operation: 'import-create',
        territoryId: rows[i]!.id,
        after: { officialId: c.officialId, name: c.name, epcis: c.sirens },
      })),
    });
  }
  for (const u of updates) {
    const epcisChanged = u.before.epcis.join() !== u.after.epcis.join();
    if (epcisChanged) {
      await tx.territoryEpci.deleteMany({ where: { territoryId: u.id } });
      await tx.territoryEpci.createMany({ data: u.after.epcis.map((epciSiren) => ({ territoryId: u.id, epciSiren })) });
    }
    // A new version too (ADR 0021): an administrator's edit based on the previous one gets a conflict.
    const { version } = await tx.territory.update({
      where: { id: u.id },
      data: { name: u.after.name, version: { increment: 1 }, ...(epcisChanged && { ...geoOf(u.after.epcis), compositionIllustrative: false }) },
      select: { version: true },
    });
    await recordAudit(tx, { actor, entityType: 'Territory', entityId: u.id, operation: 'import-update', territoryId: u.id, entityVersion: version, before: u.before, after: u.after });
  }
}

export async function listImportRuns(actor: Actor) {
  authorize(actor, 'import:territories', null);
  return db.importRun.findMany({ where: { kind: 'territories' }, orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, createdAt: true, filename: true, report: true } });
}
