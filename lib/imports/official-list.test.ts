// Parsing rules of the official list's editions, on small files the test writes itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommuneHistory } from './commune-history';
import { cleanText, readEdition } from './official-list';

const history = buildCommuneHistory({
  communes: [
    { code: '81060', nom: 'Carmaux', type: 'commune-actuelle', siren: '218100606' },
    { code: '81004', nom: 'Albi', type: 'commune-actuelle' },
    { code: '81065', nom: 'Castres', type: 'commune-actuelle' },
    { code: '95169', nom: 'Commeny', type: 'commune-actuelle', anciensCodes: ['95282'] },
    { code: '64300', nom: 'Lacq', type: 'commune-actuelle' },
    { code: '64541', nom: 'Urdès', type: 'commune-deleguee', chefLieu: '64300' },
    { code: '97101', nom: 'Les Abymes', type: 'commune-actuelle' },
  ],
  epcis: [
    { code: '200040905', nom: 'CC Carmausin-Ségala', membres: [{ code: '81060' }] },
    { code: '248100737', nom: "CA de l'Albigeois", membres: [{ code: '81004' }] },
    { code: '248100430', nom: 'CA Castres Mazamet', membres: [{ code: '81065' }] },
    { code: '249500000', nom: 'CC Vexin Centre', membres: [{ code: '95169' }] },
    { code: '200039204', nom: 'CC de Lacq-Orthez', membres: [{ code: '64300' }] },
  ],
  epts: [{ code: '200057990', nom: 'EPT Test', membres: [{ code: '81065' }] }],
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ti-list-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
/** Writes the edition as a file, as it would be downloaded, and reads it back. */
function edition(name: string, content: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return readEdition(fs.readFileSync(file, 'utf8'), history);
}
const summary = (e: ReturnType<typeof edition>) =>
  Object.fromEntries([...e.territories.values()].map((t) => [t.officialId, { name: t.name, epcis: [...t.epcis].sort() }]));

const EXPECTED = {
  'ti-7614': { name: 'Tarn Nord', epcis: ['200040905', '248100737'] },
  'ti-7605': { name: 'Castres Revel Castelnaudary', epcis: ['248100430'] },
};

describe('the commune edition', () => {
  it('reads the plain data.gouv format (",", LF, no BOM)', () => {
    const e = edition('plain.csv', 'insee_com,lib_com,id_ti,lib_ti\n81060,Carmaux,ti-7614,Tarn Nord\n81004,Albi,ti-7614,Tarn Nord\n81065,Castres,ti-7605,Castres Revel Castelnaudary\n');
    expect(e.format).toBe('communes');
    expect(e.errors).toEqual([]);
    expect(e.rows).toBe(3);
    expect(summary(e)).toEqual(EXPECTED);
  });

  it('reads the same with ";", a BOM, CRLF, quoted cells and non-breaking spaces, in any column order', () => {
    const e = edition(
      'variant.csv',
      '\uFEFF"lib_ti";"id_ti";"insee_com";"lib_com"\r\n"\u00a0Tarn Nord ";ti-7614;81060;Carmaux\r\n"Tarn\u00a0Nord";" TI-7614\u202f";81004;"Albi"\r\n"Castres Revel  Castelnaudary";ti-7605;81065;Castres\r\n\r\n',
    );
    expect(e.errors).toEqual([]);
    expect(summary(e)).toEqual(EXPECTED);
  });

  it('a cell with several ids puts the commune in each territory; a commune in two territories is no error', () => {
    const e = edition(
      'multi.csv',
      'insee_com;lib_com;id_ti;lib_ti\n81060;Carmaux;"ti-7614 ; ti-7605";"Tarn Nord ; Castres Revel Castelnaudary"\n81004;Albi;ti-7614;Tarn Nord\n81065;Castres;ti-7605;Castres Revel Castelnaudary\n81004;Albi;ti-7605;Castres Revel Castelnaudary\n',
    );
    expect(e.errors).toEqual([]);
    expect(summary(e)).toEqual({
      'ti-7614': EXPECTED['ti-7614'],
      'ti-7605': { name: 'Castres Revel Castelnaudary', epcis: ['200040905', '248100430', '248100737'] },
    });
  });

  it('maps earlier commune codes and says so; an unknown code is an error naming its line', () => {
    const e = edition('history.csv', 'insee_com,lib_com,id_ti,lib_ti\n95282,Gouzangrez,ti-2401,Vexin\n64541,Urdès,ti-7510,Lacq – Pau – Tarbes\n99999,Nulle part,ti-7510,Lacq – Pau – Tarbes\n');
    expect(e.mappings).toEqual([
      { line: 2, from: '95282', fromName: 'Gouzangrez', to: '95169', toName: 'Commeny', via: 'ancien-code' },
      { line: 3, from: '64541', fromName: 'Urdès', to: '64300', toName: 'Lacq', via: 'commune-deleguee' },
    ]);
    expect(e.errors).toEqual([{ line: 4, message: expect.stringContaining('commune 99999 absente') }]);
  });

  it('counts physical lines when a quoted cell spans two', () => {
    const e = edition('lines.csv', 'insee_com,lib_com,id_ti,lib_ti\n81060,"Car\nmaux",ti-7614,Tarn Nord\n81004,Albi,ti 7614,Tarn Nord\n');
    expect(e.errors).toEqual([{ line: 4, message: expect.stringContaining('identifiant « ti 7614 » invalide') }]);
  });

  it('refuses, line by line: two names for one id, ids and names that do not pair, bad codes', () => {
    const e = edition(
      'bad.csv',
      'insee_com,lib_com,id_ti,lib_ti\n81060,Carmaux,ti-7614,Tarn Nord\n81004,Albi,ti-7614,Albigeois\n81065,Castres,"ti-7614 ; ti-7605",Tarn Nord\n8106,Court,ti-7614,Tarn Nord\n81065,Castres,ti-7605,\n',
    );
    expect(e.errors.map((x) => x.line)).toEqual([3, 4, 5, 6]);
    expect(e.errors[0]?.message).toMatch(/ti-7614 porte deux noms : « Tarn Nord » \(ligne 2\) et « Albigeois »/);
    expect(e.errors[1]?.message).toMatch(/2 identifiants mais 1 nom/);
    expect(e.errors[2]?.message).toMatch(/code INSEE « 8106 » invalide/);
    expect(e.errors[3]?.message).toMatch(/lib_ti\) vide/);
  });
});

describe('the groupement edition', () => {
  it('reads one row per EPCI, with lib_ti', () => {
    const e = edition(
      'grpt.csv',
      'id_ti,lib_ti,siren_groupement,lib_groupement\nti-7614,Tarn Nord,200040905,CC Carmausin-Ségala\nti-7614,Tarn Nord,248100737,CA de l’Albigeois\nti-7605,Castres Revel Castelnaudary,248100430,CA Castres Mazamet\n',
    );
    expect(e.format).toBe('groupements');
    expect(e.errors).toEqual([]);
    expect(summary(e)).toEqual(EXPECTED);
  });

  it('reads it without lib_ti (names stay unknown), with an EPT and a commune standing for their EPCI', () => {
    const e = edition('grpt-sans-nom.csv', 'id_ti;siren_groupement;lib_groupement\r\nti-7614;200040905;CC Carmausin-Ségala\r\nti-1101;200057990;EPT Test\r\nti-7614;218100606;Carmaux\r\n');
    expect(e.errors).toEqual([]);
    expect(summary(e)).toEqual({ 'ti-7614': { name: null, epcis: ['200040905'] }, 'ti-1101': { name: null, epcis: ['248100430'] } });
  });

  it('refuses an unknown or malformed SIREN, naming the line', () => {
    const e = edition('grpt-bad.csv', 'id_ti,siren_groupement,lib_groupement\nti-7614,123456789,Inconnu\nti-7614,12345,Court\n');
    expect(e.errors).toEqual([
      { line: 2, message: 'groupement 123456789 (Inconnu) absent de la géographie officielle' },
      { line: 3, message: 'SIREN « 12345 » invalide (9 chiffres)' },
    ]);
  });
});

describe('the file as a whole', () => {
  it('recognises no edition without its columns, and says which are missing', () => {
    expect(edition('cols.csv', 'insee_com,lib_com,id_ti\n81060,Carmaux,ti-1\n').errors[0]?.message).toMatch(/^Colonnes manquantes : lib_ti\./);
    expect(edition('cols2.csv', 'id_ti,siren_groupement\nti-1,200040905\n').errors[0]?.message).toMatch(/^Colonnes manquantes : lib_groupement\./);
    expect(edition('empty.csv', '\uFEFFinsee_com,lib_com,id_ti,lib_ti\r\n').errors[0]?.message).toMatch(/aucune ligne/);
  });

  it('cleans names: spaces and non-breaking spaces trimmed and collapsed', () => {
    expect(cleanText('\u00a0 Pays\u00a0\u00a0Vitryat \u202f')).toBe('Pays Vitryat');
  });
});
