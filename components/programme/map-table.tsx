// The text equivalent of the département map: one row per département, its value and
// the drill-down link. Shown in the map's <details> for a small map, and on its own page
// for the national map (/programme/departements). No hooks: rendered by the client map
// and by server pages alike.
import type { MapDatum } from './france-map';

export function MapTable({
  data,
  measureLabel,
  caption,
  detailHeader,
  hrefPrefix,
}: {
  data: MapDatum[];
  measureLabel: string;
  caption?: string;
  detailHeader?: string;
  hrefPrefix?: string;
}) {
  return (
    <div role="region" aria-label={caption ?? `${measureLabel} par département`} tabIndex={0} className="map-table-wrap">
      <table className="map-table">
        <caption>{caption ?? `${measureLabel} par département (équivalent textuel de la carte)`}</caption>
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
  );
}
