// Reading one edition of the official list of the Territoires d'industrie, as ANCT
// publishes it on data.gouv.fr: the commune file (insee_com, lib_com, id_ti, lib_ti)
// or the groupement file (id_ti, siren_groupement, lib_groupement, optional lib_ti),
// recognised by its header. Pure: no database; the geography comes in as a parameter.
import type { CommuneHistory } from './commune-history';

export type EditionFormat = 'communes' | 'groupements';

export const COMMUNE_COLUMNS = ['insee_com', 'lib_com', 'id_ti', 'lib_ti'] as const;
export const GROUPEMENT_COLUMNS = ['id_ti', 'siren_groupement', 'lib_groupement'] as const;

export interface LineError {
  line: number;
  message: string;
}

export interface CodeMapping {
  line: number;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  via: string;
}

export interface WantedTerritory {
  officialId: string;
  /** Null when the edition does not name its territories (groupement file without lib_ti). */
  name: string | null;
  epcis: Set<string>;
  firstLine: number;
}

export interface Edition {
  format: EditionFormat;
  rows: number;
  territories: Map<string, WantedTerritory>;
  mappings: CodeMapping[];
  /** Problems that refuse the file, by line (line 0: the file itself). */
  errors: LineError[];
  /** Facts worth saying that do not refuse the file. */
  notes: string[];
}

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF), delimiter , or ;. */
export function parseCsv(text: string): { header: string[]; rows: string[][]; lines: number[] } {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  const starts: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      starts.push(recordLine);
      line++;
      recordLine = line;
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
    starts.push(recordLine);
  }
  const kept = records.map((r, i) => [r, starts[i] as number] as const).filter(([r]) => r.some((c) => c.trim() !== ''));
  const [head, ...rest] = kept;
  return {
    header: (head?.[0] ?? []).map((h) => cleanText(h).toLowerCase()),
    rows: rest.map(([r]) => r),
    lines: rest.map(([, l]) => l),
  };
}

/** Trims spaces and non-breaking spaces (U+00A0, U+202F) and collapses inner runs of them. */
export function cleanText(value: string): string {
  return value.replace(/[\s\u00a0\u202f\ufeff]+/g, ' ').trim();
}

/** Splits a cell that may hold several values (`ti-1234 ; ti-5678`). */
const splitMulti = (cell: string) => cell.split(';').map(cleanText).filter(Boolean);

export function detectFormat(header: string[]): EditionFormat | { missing: string[] } {
  if (header.includes('siren_groupement')) {
    const missing = GROUPEMENT_COLUMNS.filter((c) => !header.includes(c));
    return missing.length ? { missing } : 'groupements';
  }
  const missing = COMMUNE_COLUMNS.filter((c) => !header.includes(c));
  return missing.length ? { missing } : 'communes';
}

const ID = /^ti-[0-9a-z]{1,12}$/;
const INSEE = /^[0-9][0-9AB][0-9]{3}$/;
const SIREN = /^[0-9]{9}$/;

/**
 * Reads an edition. Never throws on the content: every problem is a line error, so a
 * preview can show them all; the caller refuses the file when there is any.
 */
export function readEdition(text: string, history: CommuneHistory): Edition {
  const { header, rows, lines } = parseCsv(text);
  const edition: Edition = { format: 'communes', rows: rows.length, territories: new Map(), mappings: [], errors: [], notes: [] };
  const format = detectFormat(header);
  if (typeof format !== 'string') {
    edition.errors.push({
      line: 1,
      message: `Colonnes manquantes : ${format.missing.join(', ')}. Colonnes attendues : ${COMMUNE_COLUMNS.join(', ')} (fichier par commune) ou ${GROUPEMENT_COLUMNS.join(', ')}, lib_ti facultatif (fichier par EPCI).`,
    });
    return edition;
  }
  edition.format = format;
  if (!rows.length) {
    edition.errors.push({ line: 0, message: 'Le fichier ne contient aucune ligne de données.' });
    return edition;
  }
  const col = (name: string) => header.indexOf(name);
  const idx = { id: col('id_ti'), name: col('lib_ti'), insee: col('insee_com'), commune: col('lib_com'), siren: col('siren_groupement'), group: col('lib_groupement') };
  const names = new Map<string, { name: string; line: number }>();
  const communesWithoutEpci: string[] = [];

  rows.forEach((cells, i) => {
    const line = lines[i] as number;
    const get = (index: number) => (index < 0 ? '' : cleanText(cells[index] ?? ''));
    const problems: string[] = [];
    if (cells.length < header.length) problems.push(`${cells.length} colonnes au lieu de ${header.length}`);
    const ids = splitMulti(get(idx.id)).map((v) => v.toLowerCase());
    const nameCell = get(idx.name);
    const rowNames = ids.length > 1 ? splitMulti(nameCell) : nameCell ? [nameCell] : [];
    if (!ids.length) problems.push('identifiant du territoire (id_ti) vide');
    for (const id of ids) if (!ID.test(id)) problems.push(`identifiant « ${id} » invalide (attendu : ti-XXXX)`);
    if (idx.name >= 0) {
      if (ids.length > 1 && rowNames.length !== ids.length) problems.push(`${ids.length} identifiants mais ${rowNames.length} nom(s) de territoire`);
      else if (ids.length && !rowNames.length) problems.push('nom du territoire (lib_ti) vide');
      for (const n of rowNames) if (n.length > 200) problems.push('nom du territoire (lib_ti) trop long');
    }
    ids.forEach((id, k) => {
      const n = rowNames[k];
      if (!n) return;
      const known = names.get(id);
      if (known && known.name !== n) problems.push(`${id} porte deux noms : « ${known.name} » (ligne ${known.line}) et « ${n} »`);
    });

    // What the row puts in its territories.
    let epcis: string[] = [];
    if (format === 'communes') {
      const code = get(idx.insee).toUpperCase();
      if (!INSEE.test(code)) problems.push(`code INSEE « ${code} » invalide`);
      else {
        const resolved = history.resolve(code);
        if (!resolved) problems.push(`commune ${code} absente de la géographie officielle, actuelle comme passée`);
        else {
          if (resolved.code !== code) {
            const fileName = get(idx.commune);
            const fromName = fileName && resolved.formerName && fileName !== resolved.formerName ? `${fileName} (${resolved.formerName} dans la géographie officielle)` : fileName || resolved.formerName || '';
            edition.mappings.push({ line, from: code, fromName, to: resolved.code, toName: resolved.name, via: resolved.via });
          }
          const epci = history.epciOf(resolved.code);
          if (epci) epcis = [epci];
          else communesWithoutEpci.push(`${resolved.code} ${resolved.name}`);
        }
      }
    } else {
      const siren = get(idx.siren);
      if (!SIREN.test(siren)) problems.push(`SIREN « ${siren} » invalide (9 chiffres)`);
      else {
        const group = history.epcisOfGroup(siren);
        if (!group) problems.push(`groupement ${siren}${get(idx.group) ? ` (${get(idx.group)})` : ''} absent de la géographie officielle`);
        else epcis = group.sirens;
      }
    }

    if (problems.length) {
      edition.errors.push({ line, message: problems.join(' ; ') });
      return;
    }
    ids.forEach((id, k) => {
      const n = rowNames[k] ?? null;
      if (n && !names.has(id)) names.set(id, { name: n, line });
      const t = edition.territories.get(id) ?? { officialId: id, name: n, epcis: new Set<string>(), firstLine: line };
      t.name ??= n;
      for (const e of epcis) t.epcis.add(e);
      edition.territories.set(id, t);
    });
  });
  if (communesWithoutEpci.length) {
    edition.notes.push(`${communesWithoutEpci.length} commune(s) sans EPCI dans la géographie officielle (aucun EPCI ajouté pour elles) : ${communesWithoutEpci.slice(0, 10).join(', ')}${communesWithoutEpci.length > 10 ? '…' : ''}.`);
  }
  return edition;
}
