import type { ButtonHTMLAttributes } from "react";
import { Spinner } from "../../../components/ui/spinner";
import { cn } from "../../../lib/cn";

type Tone = "go" | "plain" | "quiet" | "danger";

const tones: Record<Tone, string> = {
  go: "bg-emerald-600 px-6 text-white shadow-sm hover:bg-emerald-700 disabled:bg-emerald-300",
  plain:
    "bg-white px-4 text-zinc-800 shadow-sm ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 disabled:text-zinc-400",
  quiet: "px-3 text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400",
  danger: "px-3 text-red-700 hover:bg-red-50 disabled:text-red-300",
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone; loading?: boolean };

/** The counter's action buttons: 48 px tall, one colour meaning "move the customer on". */
export function ActionButton({
  tone = "plain",
  loading,
  className,
  disabled,
  children,
  ...rest
}: Props) {
  return (
    <button
      type="button"
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(
        "inline-flex h-12 items-center justify-center gap-2 rounded-lg text-base font-semibold whitespace-nowrap transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed",
        tones[tone],
        className,
      )}
      {...rest}
    >
      {loading && <Spinner size="sm" />}
      {children}
    </button>
  );
}
