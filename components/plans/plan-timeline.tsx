// The plan's timeline, server-rendered: one row per action (start → planned end) with
// its milestones, grouped by axis. Bars and markers are SVG with presentation
// attributes only (no script, no style attribute: CSP-friendly). Each row's picture has
// a text alternative, each action is a link (keyboard), and the same data is in the table.
import Link from 'next/link';
import { AXIS_SHORT_LABELS, ACTION_STATUS_LABELS, formatDate } from '@/lib/labels';
import type { MilestoneState, TimelinePeriod, TimelineRow } from '@/lib/plans/timeline';
import type { Axis } from '@/lib/generated/prisma/enums';

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

export const MILESTONE_LABELS: Record<MilestoneState, string> = { done: 'réalisé', late: 'en retard', upcoming: 'à venir' };

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

function rowText(row: TimelineRow, period: TimelinePeriod): string {
  const a = row.action;
  const dates =
    a.startDate || a.endDate ? `du ${formatDate(a.startDate)} au ${formatDate(a.endDate)}` : 'sans dates';
  const inPeriod = row.milestones.filter((m) => m.offset !== null);
  const ms = inPeriod.length
    ? `; jalons sur la période : ${inPeriod.map((m) => `${m.title} (${formatDate(m.dueDate)}, ${MILESTONE_LABELS[m.state]})`).join(', ')}`
    : '';
  const where = row.bar ? '' : ` (hors de la période ${period.label})`;
  return `${a.reference} ${dates}${where}${ms}`;
}

export function PlanTimeline({ groups, period, todayOffset }: { groups: { axis: Axis; rows: TimelineRow[] }[]; period: TimelinePeriod; todayOffset: number | null }) {
  return (
    <div className="overflow-x-auto">
      <div className="min-w-[48rem]">
        <div className="grid grid-cols-[16rem_1fr] items-end border-b border-neutral-400 pb-1 text-sm font-medium" aria-hidden="true">
          <span>Action</span>
          <svg width="100%" height="20">
            {period.months.map((m) => (
              <text key={m.key} x={pct(m.offset + m.width / 2)} y="15" textAnchor="middle" fill="#27272a" fontSize="12">
                {m.label}
              </text>
            ))}
          </svg>
        </div>
        {groups.map((g) => (
          <section key={g.axis} aria-labelledby={`axe-${g.axis}`} className="mt-4">
            <h3 id={`axe-${g.axis}`} className="mb-1 font-semibold">
              {AXIS_SHORT_LABELS[g.axis]}
            </h3>
            <ul>
              {g.rows.map((row) => (
                <li key={row.action.id} className="grid grid-cols-[16rem_1fr] items-center border-b border-neutral-200 py-1">
                  <span className="pr-2 text-sm">
                    <Link href={`/actions/${row.action.id}`} className="link">
                      <span className="font-semibold">{row.action.reference}</span> {row.action.title}
                    </Link>
                    <span className="block text-neutral-700">{ACTION_STATUS_LABELS[row.action.status]}</span>
                  </span>
                  <svg width="100%" height="28" role="img" aria-label={rowText(row, period)}>
                    {period.months.map((m) => (
                      <line key={m.key} x1={pct(m.offset)} x2={pct(m.offset)} y1="0" y2="28" stroke="#d4d4d8" strokeWidth="1" />
                    ))}
                    {todayOffset !== null && <line x1={pct(todayOffset)} x2={pct(todayOffset)} y1="0" y2="28" stroke="#a32222" strokeDasharray="3 2" strokeWidth="1.5" />}
                    {row.bar && <rect x={pct(row.bar.offset)} width={pct(row.bar.width)} y="8" height="12" rx="2" fill="#1e3a8a" />}
                    {row.milestones.map((m) => (m.offset === null ? null : <Marker key={m.id} state={m.state} x={pct(m.offset)} />))}
                  </svg>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
