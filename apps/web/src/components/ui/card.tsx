import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "../../lib/cn";

export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cn("rounded-lg border border-zinc-200 bg-white shadow-xs", className)}
      {...rest}
    />
  );
}

export function CardHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-5 py-3.5">
      <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
      {actions}
    </div>
  );
}
