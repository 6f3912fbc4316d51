import { useId, type ComponentProps, type ReactNode } from 'react';

export interface TableProps extends ComponentProps<'table'> {
  /** Required: describes the table (RGAA 5.4). */
  caption: ReactNode;
  /** Keeps the caption for assistive technologies only. */
  captionHidden?: boolean;
}

/**
 * Data table inside a horizontally scrollable region. The region is focusable (tabIndex=0)
 * so keyboard users can scroll it, and is named after the caption.
 */
export function Table({ caption, captionHidden, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto rounded-lg border border-neutral-200 bg-white">
      <table className={`w-full border-collapse text-left text-sm ${className ?? ''}`} {...props}>
        <caption id={captionId} className={captionHidden ? 'sr-only' : 'px-4 py-3 text-left text-base font-semibold text-neutral-900'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={`border-b-2 border-neutral-300 bg-neutral-100 ${className ?? ''}`} {...props} />;
}

export function TBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}

export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={`border-b border-neutral-200 last:border-b-0 ${className ?? ''}`} {...props} />;
}

interface CellStyle {
  /** Right-aligned tabular figures for numbers and amounts. */
  numeric?: boolean;
}

const cell = (numeric: boolean | undefined, className: string | undefined) =>
  `px-4 py-2 align-top ${numeric ? 'text-right tabular-nums' : ''} ${className ?? ''}`;

export type ThProps = ComponentProps<'th'> & CellStyle & { scope?: 'col' | 'row' };

/** Header cell; `scope` defaults to "col" (use "row" for the first cell of a body row). */
export function Th({ scope = 'col', numeric, className, ...props }: ThProps) {
  const weight = scope === 'col' ? 'font-semibold text-neutral-900' : 'font-medium text-neutral-900';
  return <th scope={scope} className={`${weight} ${cell(numeric, className)}`} {...props} />;
}

export type TdProps = ComponentProps<'td'> & CellStyle;

export function Td({ numeric, className, ...props }: TdProps) {
  return <td className={`text-neutral-800 ${cell(numeric, className)}`} {...props} />;
}
