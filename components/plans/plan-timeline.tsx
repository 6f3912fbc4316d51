'use client';
// The plan's timeline: one row per action (start → planned end) with its milestones,
// grouped by axis. A client component fed with compact rows (ADR 0026): the payload
// carries the rows' figures, not the rendered pictures a second time; the HTML is
// server-rendered and needs no JavaScript. Bars and markers are SVG with presentation
// attributes only (no script, no style attribute: CSP-friendly); the month lines and the
// "today" line are drawn once per axis, behind its rows. Each row's picture has a text
// alternative, each action is a link (keyboard), and the same data is in the table.
import { useSoftNavigation } from '@/components/navigation/soft-navigation';
import { MILESTONE_LABELS, type MilestoneState, type TimelineViewRow } from '@/lib/plans/timeline';

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/** Shapes differ as well as colours: ✓ disc (done), diamond (late), ring (upcoming). */
function Marker({ state, x }: { state: MilestoneState; x: string }) {
  return (
    <svg x={x} y="0" width="1" height="28" overflow="visible" aria-hidden="true">
      {state === 'done' && (
        <>
          <circle cx="0" cy="14" r="7" fill="#13613d" />
          <path d="M-3.5 14 l2.5 2.5 l4.5 -5" fill="none" stroke="#ffffff" strokeWidth="1.8" />
        </>
      )}
      {state === 'late' && <polygon points="0,5 9,14 0,23 -9,14" fill="#a32222" stroke="#ffffff" strokeWidth="1" />}
      {state === 'upcoming' && <circle cx="0" cy="14" r="6" fill="#ffffff" stroke="#434a57" strokeWidth="2.5" />}
    </svg>
  );
}

export function TimelineLegend() {
  return (
    <ul className="flex flex-wrap gap-4 text-sm" aria-label="Légende">
      <li className="flex items-center gap-2">
        <svg width="28" height="12" aria-hidden="true">
          <rect width="28" height="12" rx="2" fill="#1e3a8a" />
        </svg>
        Action (début → fin prévue)
      </li>
      {(['done', 'late', 'upcoming'] as const).map((s) => (
        <li key={s} className="flex items-center gap-2">
          <svg width="20" height="28" aria-hidden="true">
            <Marker state={s} x="10" />
          </svg>
          Jalon {MILESTONE_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}

export function PlanTimeline({
  groups,
  months,
  todayOffset,
}: {
  groups: { axis: string; label: string; rows: TimelineViewRow[] }[];
  months: { key: string; label: string; offset: number; width: number }[];
  todayOffset: number | null;
}) {
  const onClick = useSoftNavigation();
  return (
    <div className="overflow-x-auto" onClick={onClick}>
      <div className="min-w-[48rem]">
        <div className="grid grid-cols-[16rem_1fr] items-end border-b border-neutral-400 pb-1 text-sm font-medium" aria-hidden="true">
          <span>Action</span>
          <svg width="100%" height="20">
            {months.map((m) => (
              <text key={m.key} x={pct(m.offset + m.width / 2)} y="15" textAnchor="middle" fill="#27272a" fontSize="12">
                {m.label}
              </text>
            ))}
          </svg>
        </div>
        {groups.map((g) => (
          <section key={g.axis} aria-labelledby={`axe-${g.axis}`} className="mt-4">
            <h3 id={`axe-${g.axis}`} className="mb-1 font-semibold">
              {g.label}
            </h3>
            <div className="relative">
              <svg className="pointer-events-none absolute inset-y-0 right-0 left-64 h-full w-[calc(100%-16rem)]" aria-hidden="true">
                {months.map((m) => (
                  <line key={m.key} x1={pct(m.offset)} x2={pct(m.offset)} y1="0" y2="100%" stroke="#d4d4d8" strokeWidth="1" />
                ))}
                {todayOffset !== null && <line x1={pct(todayOffset)} x2={pct(todayOffset)} y1="0" y2="100%" stroke="#a32222" strokeDasharray="3 2" strokeWidth="1.5" />}
              </svg>
              <ul className="relative">
                {g.rows.map((row) => (
                  <li key={row.id} className="grid grid-cols-[16rem_1fr] items-center border-b border-neutral-200 py-1">
                    <span className="pr-2 text-sm">
                      <a href={`/actions/${row.id}`} className="link">
                        <span className="font-semibold">{row.reference}</span> {row.title}
                      </a>
                      <span className="block text-neutral-700">{row.status}</span>
                    </span>
                    <svg width="100%" height="28" role="img" aria-label={row.alt}>
                      {row.bar && <rect x={pct(row.bar[0])} width={pct(row.bar[1])} y="8" height="12" rx="2" fill="#1e3a8a" />}
                      {row.marks.map(([offset, state], i) => (
                        <Marker key={i} state={state} x={pct(offset)} />
                      ))}
                    </svg>
                  </li>
                ))}
              </ul>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
