import { cn } from "../../../lib/cn";

type SwitchProps = {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Accessible name when no visible label is bound. */
  label: string;
  id?: string;
  disabled?: boolean;
  className?: string;
};

/** An on/off switch (role="switch"), 44 px wide so it is easy to hit on a tablet. */
export function Switch({ checked, onChange, label, id, disabled, className }: SwitchProps) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className={cn(
        "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
        "disabled:cursor-not-allowed disabled:opacity-50",
        checked ? "bg-[var(--brand,var(--color-indigo-600))]" : "bg-zinc-300",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "inline-block size-5 rounded-full bg-white shadow transition-transform",
          checked ? "translate-x-5.5" : "translate-x-0.5",
        )}
      />
    </button>
  );
}

/** A switch with its visible label and a hint beside it. */
export function SwitchRow({
  id,
  checked,
  onChange,
  label,
  hint,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
}) {
  return (
    <div className="flex items-start gap-3">
      <Switch id={id} checked={checked} onChange={onChange} label={label} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-zinc-900">
          {label}
        </label>
        {hint && <p className="text-xs text-zinc-500">{hint}</p>}
      </div>
    </div>
  );
}
