import type { ReactNode } from "react";
import { LanguageSwitch } from "../ui/language-switch";

/** Centred card used by login and password pages. */
export function AuthCard({
  brand,
  title,
  subtitle,
  children,
}: {
  brand: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <div className="flex justify-end p-4">
        <LanguageSwitch />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:pt-12">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center text-center">
            {brand}
            <h1 className="mt-4 text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
            {subtitle && <p className="mt-1 text-sm text-zinc-500">{subtitle}</p>}
          </div>
          <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
        </div>
      </main>
    </div>
  );
}
