// Download buttons of a committee pack (Word and PDF), built from live data on request.
import { buttonClasses } from '@/components/ui/button';

export function ReportButtons({ base, query, label = 'Dossier de comité' }: { base: string; query?: string; label?: string }) {
  const q = query ? `?${query}` : '';
  return (
    <div className="flex flex-wrap gap-2">
      <a className={buttonClasses('secondary', 'md')} href={`${base}.docx${q}`} download>
        {label} (Word)
      </a>
      <a className={buttonClasses('secondary', 'md')} href={`${base}.pdf${q}`} download>
        {label} (PDF)
      </a>
    </div>
  );
}
