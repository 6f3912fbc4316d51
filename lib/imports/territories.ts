// Import of the official territory list (data.gouv.fr format: one row per commune,
// columns insee_com, lib_com, id_ti, lib_ti). Each territory's EPCI are derived
// from the official geography; départements and regions from its EPCI.
// All-or-nothing: a malformed file changes nothing. Idempotent: the same file
// twice changes nothing the second time.
import { db } from '@/lib/db';
import { invalid } from '@/lib/errors';
import { authorize, type Actor } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/audit';
import { deriveTerritoryGeography } from '@/lib/territories/composition';
import { slugify } from '@/lib/slug';
import { readGeographySource } from '@/prisma/seed/geography';

const REQUIRED = ['insee_com', 'lib_com', 'id_ti', 'lib_ti'] as const;
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ERRORS = 50;

export interface ImportReport {
  rows: number;
  territories: number;
  created: { officialId: string; name: string; slug: string }[];
  updated: { officialId: string; name: string; changes: string[] }[];
  unchanged: number;
  runId: string | null;
}

interface ParsedRow {
  line: number;
  insee: string;
  commune: string;
  officialId: string;
  name: string;
}

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF), delimiter , or ;. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''));
  const [header = [], ...rows] = nonEmpty;
  return { header: header.map((h) => h.trim().toLowerCase()), rows };
}


function validate(text: string): ParsedRow[] {
  const errors: string[] = [];
  if (Buffer.byteLength(text, 'utf8') > MAX_BYTES) throw invalid({ file: ['Fichier trop volumineux (10 Mo au maximum).'] });
  const { header, rows } = parseCsv(text);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw invalid({ file: [`Colonnes manquantes : ${missing.join(', ')}. Colonnes attendues : ${REQUIRED.join(', ')}.`] });
  }
  if (!rows.length) throw invalid({ file: ['Le fichier ne contient aucune ligne de données.'] });
  const idx = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof REQUIRED)[number], number>;
  const communes = readGeographySource().communes;
  const parsed: ParsedRow[] = [];
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    const get = (c: (typeof REQUIRED)[number]) => (cells[idx[c]] ?? '').trim();
    const row = { line, insee: get('insee_com').toUpperCase(), commune: get('lib_com'), officialId: get('id_ti').toLowerCase(), name: get('lib_ti') };
    const problems: string[] = [];
    if (cells.length < header.length) problems.push(`${cells.length} colonnes au lieu de ${header.length}`);
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(row.insee)) problems.push(`code INSEE « ${row.insee} » invalide`);
    else if (!communes.has(row.insee)) problems.push(`commune ${row.insee} absente de la géographie officielle`);
    if (!/^ti-[0-9a-z]{1,12}$/.test(row.officialId)) problems.push(`identifiant « ${row.officialId} » invalide (attendu : ti-XXXX)`);
    if (!row.name || row.name.length > 200) problems.push('nom du territoire (lib_ti) vide ou trop long');
    const known = names.get(row.officialId);
    if (known && row.name && known !== row.name) problems.push(`${row.officialId} porte deux noms : « ${known} » et « ${row.name} »`);
    const previous = seen.get(row.insee);
    if (previous) problems.push(`commune ${row.insee} déjà listée ligne ${previous}`);
    if (problems.length) errors.push(`Ligne ${line} : ${problems.join(' ; ')}.`);
    else {
      names.set(row.officialId, row.name);
      seen.set(row.insee, line);
      parsed.push(row);
    }
  });
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`… et ${errors.length - MAX_ERRORS} autres erreurs.`);
    throw invalid({ file: shown }, `Fichier refusé : ${errors.length} ligne(s) en erreur. Aucune modification n'a été faite.`);
  }
  return parsed;
}

/** Imports the official list. National staff only. */
export async function importTerritories(actor: Actor, text: string, filename: string | null = null): Promise<ImportReport> {
  authorize(actor, 'import:territories', null);
  const rows = validate(text);
  const source = readGeographySource();
  const epciOfCommune = new Map<string, string>();
  for (const e of source.epcis) for (const m of e.membres) epciOfCommune.set(m.code, e.code);

  const wanted = new Map<string, { name: string; epcis: Set<string> }>();
  for (const r of rows) {
    const entry = wanted.get(r.officialId) ?? { name: r.name, epcis: new Set<string>() };
    const epci = epciOfCommune.get(r.insee);
    if (epci) entry.epcis.add(epci);
    wanted.set(r.officialId, entry);
  }

  return db.$transaction(
    async (tx) => {
      const epciRows = await tx.epci.findMany({
        where: { siren: { in: [...new Set([...wanted.values()].flatMap((w) => [...w.epcis]))] } },
        select: { siren: true, departementCodes: true, regionCodes: true, population: true },
      });
      const epciBySiren = new Map(epciRows.map((e) => [e.siren, e]));
      const existing = await tx.territory.findMany({
        where: { officialId: { in: [...wanted.keys()] } },
        select: { id: true, officialId: true, name: true, epcis: { select: { epciSiren: true } } },
      });
      const byOfficialId = new Map(existing.map((t) => [t.officialId as string, t]));
      const usedSlugs = new Set((await tx.territory.findMany({ select: { slug: true } })).map((t) => t.slug));
      const report: ImportReport = { rows: rows.length, territories: wanted.size, created: [], updated: [], unchanged: 0, runId: null };

      for (const [officialId, w] of [...wanted.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const sirens = [...w.epcis].filter((s) => epciBySiren.has(s)).sort();
        const geo = deriveTerritoryGeography(sirens.map((s) => epciBySiren.get(s) as NonNullable<ReturnType<typeof epciBySiren.get>>));
        const current = byOfficialId.get(officialId);
        if (!current) {
          const base = slugify(w.name) || 'territoire';
          let slug = base;
          for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
          usedSlugs.add(slug);
          const created = await tx.territory.create({
            data: {
              slug,
              name: w.name,
              officialId,
              phase: 'NEW',
              ...geo,
              epcis: { create: sirens.map((epciSiren) => ({ epciSiren })) },
              plan: { create: {} },
            },
            select: { id: true },
          });
          await recordAudit(tx, { actor, entityType: 'Territory', entityId: created.id, operation: 'import-create', territoryId: created.id, after: { officialId, name: w.name, epcis: sirens } });
          report.created.push({ officialId, name: w.name, slug });
          continue;
        }
        const before = current.epcis.map((e) => e.epciSiren).sort();
        const changes: string[] = [];
        if (current.name !== w.name) changes.push(`nom : « ${current.name} » → « ${w.name} »`);
        if (before.join() !== sirens.join()) changes.push(`EPCI : ${before.length} → ${sirens.length}`);
        if (!changes.length) {
          report.unchanged += 1;
          continue;
        }
        await tx.territoryEpci.deleteMany({ where: { territoryId: current.id } });
        await tx.territory.update({
          where: { id: current.id },
          data: { name: w.name, ...geo, epcis: { create: sirens.map((epciSiren) => ({ epciSiren })) } },
        });
        await recordAudit(tx, {
          actor,
          entityType: 'Territory',
          entityId: current.id,
          operation: 'import-update',
          territoryId: current.id,
          before: { name: current.name, epcis: before },
          after: { name: w.name, epcis: sirens },
        });
        report.updated.push({ officialId, name: w.name, changes });
      }
      const run = await tx.importRun.create({
        data: { kind: 'territories', filename, userId: actor.id, report: JSON.parse(JSON.stringify({ ...report, runId: undefined })) },
        select: { id: true },
      });
      report.runId = run.id;
      await recordAudit(tx, { actor, entityType: 'Import', entityId: run.id, operation: 'import', after: { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged } });
      return report;
    },
    { timeout: 60_000 },
  );
}

export async function listImportRuns(actor: Actor) {
  authorize(actor, 'import:territories', null);
  return db.importRun.findMany({ where: { kind: 'territories' }, orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, createdAt: true, filename: true, report: true } });
}
