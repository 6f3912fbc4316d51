'use client';
// Choropleth of the départements, metropolitan France and the five overseas
// départements (insets). The shapes are one static, immutable SVG file
// (public/maps, built by scripts/build-maps.ts) that the browser fetches once and
// caches; the page only sends, per département with data, a <use> pointing into that
// file with a colour-bucket class (no inline style, no script: CSP-friendly). The text
// equivalent is a table one click away (<details>), holding the drill-down links.
// A client component only so that the React payload carries its small value table
// (the props) instead of the rendered map and table a second time; the HTML is
// server-rendered as before and works without JavaScript.
import { useId } from 'react';
import { DEPARTEMENTS_MAP } from './map-asset';

export interface MapDatum {
  code: string;
  name: string;
  value: number;
  label: string;
  /** Where the figure drills down to (map and table); default `hrefPrefix` + code. */
  href?: string;
  /** Optional second column of the table (e.g. the number of territories). */
  detail?: string;
}

const known = new Set<string>(DEPARTEMENTS_MAP.codes);

/** Colour bucket 0 (nothing) to 5 (maximum): five equal steps of the maximum. */
export function bucketOf(value: number, max: number): number {
  if (!(value > 0)) return 0;
  return Math.min(5, Math.max(1, Math.ceil((value / Math.max(1, max)) * 5)));
}

export function FranceMap({
  data,
  measureLabel,
  tableCaption,
  detailHeader,
  hrefPrefix,
}: {
  data: MapDatum[];
  measureLabel: string;
  tableCaption?: string;
  detailHeader?: string;
  /** Drill-down of a département without its own `href`: this prefix + its code (keeps the payload small). */
  hrefPrefix?: string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const thresholds = [1, 2, 3, 4, 5].map((k) => Math.round((max * k) / 5));
  const src = DEPARTEMENTS_MAP.href;
  return (
    <div>
    <figure className="fr-map">
      <svg viewBox={DEPARTEMENTS_MAP.viewBox} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-xl">
        <title id={titleId}>{`Carte des départements, métropole et outre-mer : ${measureLabel}. Données détaillées dans le tableau.`}</title>
        <use href={`${src}#all`} className="map-b0" />
        <use href={`${src}#insets`} />
        {data
          .filter((d) => d.value > 0 && known.has(d.code.toUpperCase()))
          .map((d) => {
            const shape = <use href={`${src}#d${d.code.toUpperCase()}`} className={`map-b${bucketOf(d.value, max)}`} />;
            // No links inside the picture (role="img" may not contain controls): the
            // drill-down links are in the table, for every user.
            return (
              <g key={d.code}>
                <title>{`${d.name} : ${d.label}`}</title>
                {shape}
              </g>
            );
          })}
      </svg>
      <figcaption className="mt-2 text-sm">
        <span className="font-medium">{measureLabel}</span> — légende :{' '}
        <span className="inline-flex flex-wrap items-center gap-2 align-middle">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="map-swatch map-b0" /> 0
          </span>
          {thresholds.map((t, i) => (
            <span key={i} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className={`map-swatch map-b${i + 1}`} />
              jusqu&apos;à {t.toLocaleString('fr-FR')}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
        <details className="map-details mt-3">
          <summary>{`Afficher le tableau des données (${data.length} département${data.length > 1 ? 's' : ''})`}</summary>
          <div role="region" aria-label={tableCaption ?? `${measureLabel} par département`} tabIndex={0} className="map-table-wrap">
            <table className="map-table">
              <caption>{tableCaption ?? `${measureLabel} par département (équivalent textuel de la carte)`}</caption>
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  {detailHeader ? <th scope="col">{detailHeader}</th> : null}
                  <th scope="col">{measureLabel}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => {
                  const href = d.href ?? (hrefPrefix ? `${hrefPrefix}${d.code}` : undefined);
                  return (
                    <tr key={d.code}>
                      {/* One text node, not four: React separates adjacent texts with comments. */}
                      <th scope="row">{`${d.name} (${d.code})`}</th>
                      {detailHeader ? <td>{d.detail}</td> : null}
                      <td>{href ? <a href={href}>{d.label}</a> : d.label}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </details>
    </div>
  );
}
