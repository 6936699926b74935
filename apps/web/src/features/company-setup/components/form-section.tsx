import type { ReactNode } from "react";
import { Card } from "../../../components/ui/card";
import { cn } from "../../../lib/cn";

/** A titled card of form fields. */
export function FormSection({
  title,
  hint,
  children,
  className,
  actions,
}: {
  title: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  return (
    <Card className="p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
          {hint && <p className="mt-0.5 text-sm text-zinc-500">{hint}</p>}
        </div>
        {actions}
      </div>
      <div className={cn("space-y-5", className)}>{children}</div>
    </Card>
  );
}

/** A checkbox with its label and an optional hint, as one large clickable row. */
export function CheckRow({
  id,
  checked,
  onChange,
  label,
  hint,
  disabled,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <label
      htmlFor={id}
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 px-3 py-2.5 hover:bg-zinc-50",
        checked && "border-[var(--brand,var(--color-indigo-600))] bg-zinc-50",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-[var(--brand,var(--color-indigo-600))]"
      />
      <span className="min-w-0">
        <span className="block text-sm font-medium text-zinc-900">{label}</span>
        {hint && <span className="mt-0.5 block text-xs text-zinc-500">{hint}</span>}
      </span>
    </label>
  );
}
