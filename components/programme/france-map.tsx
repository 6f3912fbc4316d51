'use client';
// Choropleth of the départements, metropolitan France and the five overseas
// départements (insets). The shapes are one static, immutable SVG file
// (public/maps, built by scripts/build-maps.ts) that the browser fetches once and
// caches; the page only sends, per département with data, a <use> pointing into that
// file with a colour-bucket class (no inline style, no script: CSP-friendly). The text
// equivalent is a table one click away, holding the drill-down links: in a <details>
// for a small map, on a page of its own (`tableHref`) for the national map (ADR 0026).
// A client component only so that the React payload carries its small value table
// (the props) instead of the rendered map and table a second time; the HTML is
// server-rendered as before and works without JavaScript.
import { useId } from 'react';
import { DEPARTEMENTS_MAP } from './map-asset';
import { MapTable } from './map-table';

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
  tableHref,
}: {
  data: MapDatum[];
  measureLabel: string;
  tableCaption?: string;
  detailHeader?: string;
  /** Drill-down of a département without its own `href`: this prefix + its code (keeps the payload small). */
  hrefPrefix?: string;
  /**
   * The page that holds the table equivalent (a link under the map) instead of a table
   * in the page: the national map's hundred rows would weigh more than the map (issue 10).
   */
  tableHref?: string;
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
          .map((d) => (
            // The title inside <use> names the shape (its tooltip): no <g> per département.
            // No links inside the picture (role="img" may not contain controls): the
            // drill-down links are in the table, for every user.
            <use key={d.code} href={`${src}#d${d.code.toUpperCase()}`} className={`map-b${bucketOf(d.value, max)}`}>
              <title>{`${d.name} : ${d.label}`}</title>
            </use>
          ))}
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
        {tableHref ? (
          <p className="mt-3">
            <a className="link font-medium" href={tableHref}>
              {`Tableau des données de la carte (${data.length} département${data.length > 1 ? 's' : ''})`}
            </a>
          </p>
        ) : (
          <details className="map-details mt-3">
            <summary>{`Afficher le tableau des données (${data.length} département${data.length > 1 ? 's' : ''})`}</summary>
            <MapTable data={data} measureLabel={measureLabel} caption={tableCaption} detailHeader={detailHeader} hrefPrefix={hrefPrefix} />
          </details>
        )}
    </div>
  );
}
