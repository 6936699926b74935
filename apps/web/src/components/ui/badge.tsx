import type { HTMLAttributes } from "react";
import { cn } from "../../lib/cn";

export type BadgeTone = "gray" | "green" | "amber" | "red" | "dark" | "indigo" | "blue";

const tones: Record<BadgeTone, string> = {
  gray: "bg-zinc-100 text-zinc-700 ring-zinc-500/20",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25",
  red: "bg-red-50 text-red-800 ring-red-600/25",
  dark: "bg-zinc-800 text-white ring-zinc-900",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-600/25",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/25",
};

type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone; dot?: boolean };

export function Badge({ tone = "gray", dot = false, className, children, ...rest }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...rest}
    >
      {dot && <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />}
      {children}
    </span>
  );
}
