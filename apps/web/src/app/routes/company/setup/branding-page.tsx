import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Card } from "../../../../components/ui/card";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { Logo } from "../../../../components/ui/logo";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import type { Branding } from "../../../../features/company-setup/api/types";
import { useSetupError } from "../../../../features/company-setup/components/use-setup-error";
import {
  useBranding,
  useSetPrimaryColor,
} from "../../../../features/company-setup/hooks/use-overview";
import { brandStyle } from "../../../../lib/brand-colors";
import { cn } from "../../../../lib/cn";
import { useSetupContext } from "./setup-context";

const PRESETS = [
  "#4F46E5",
  "#0A6ED1",
  "#047857",
  "#B91C1C",
  "#C2410C",
  "#7C3AED",
  "#0F766E",
  "#1F2937",
];
const HEX = /^#[0-9a-fA-F]{6}$/;

export function BrandingPage() {
  const { slug, isAdmin, adminBase } = useSetupContext();
  const branding = useBranding(slug, isAdmin);
  if (!isAdmin) return <Navigate to={`${adminBase}/branches`} replace />;
  if (branding.isPending) return <PageSpinner />;
  if (branding.isError) return <Alert tone="error">{String(branding.error)}</Alert>;
  return <BrandingForm slug={slug} branding={branding.data} />;
}

function BrandingForm({ slug, branding }: { slug: string; branding: Branding }) {
  const { t } = useTranslation();
  const toast = useToast();
  const explain = useSetupError();
  const save = useSetPrimaryColor(slug);
  const [color, setColor] = useState(branding.primaryColor ?? "");
  const valid = color === "" || HEX.test(color);

  const submit = (value: string | null) =>
    save.mutate(value, { onSuccess: () => toast.show(t("setup.branding.saved")) });

  return (
    <>
      <PageHeader title={t("setup.branding.title")} subtitle={t("setup.branding.subtitle")} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="space-y-5 p-5">
          <div className="flex items-center gap-4">
            <Logo url={branding.logoUrl} name={branding.name} size="lg" />
            <div>
              <p className="text-lg font-semibold text-zinc-900">{branding.name}</p>
              <p className="text-sm text-zinc-500">{t("setup.branding.logoNote")}</p>
            </div>
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-zinc-800">
              {t("setup.branding.color")}
            </legend>
            <div className="flex flex-wrap gap-2">
              {PRESETS.map((p) => (
                <button
                  key={p}
                  type="button"
                  onClick={() => setColor(p)}
                  aria-label={p}
                  aria-pressed={color.toUpperCase() === p}
                  className={cn(
                    "size-10 rounded-full ring-offset-2 focus-visible:outline-2 focus-visible:outline-zinc-900",
                    color.toUpperCase() === p && "ring-2 ring-zinc-900",
                  )}
                  style={{ background: p }}
                />
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap items-end gap-3">
            <Field
              id="brand-color"
              label={t("setup.branding.hex")}
              error={valid ? null : t("setup.branding.hexInvalid")}
            >
              <Input
                id="brand-color"
                value={color}
                invalid={!valid}
                onChange={(e) => setColor(e.target.value.trim())}
                placeholder="#0A6ED1"
                className="w-36! font-mono"
              />
            </Field>
            <input
              type="color"
              value={HEX.test(color) ? color : "#4F46E5"}
              onChange={(e) => setColor(e.target.value.toUpperCase())}
              aria-label={t("setup.branding.picker")}
              className="h-10 w-14 cursor-pointer rounded-md border border-zinc-300 bg-white p-1"
            />
          </div>
          {save.error && <Alert tone="error">{explain(save.error).message}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => submit(color ? color.toUpperCase() : null)}
              loading={save.isPending}
              disabled={!valid}
            >
              {t("common.save")}
            </Button>
            {branding.primaryColor && (
              <Button
                variant="ghost"
                onClick={() => {
                  setColor("");
                  submit(null);
                }}
                disabled={save.isPending}
              >
                {t("setup.branding.reset")}
              </Button>
            )}
          </div>
        </Card>
        <Card className="p-5" style={brandStyle(HEX.test(color) ? color : null)}>
          <p className="mb-3 text-xs font-medium tracking-wide text-zinc-500 uppercase">
            {t("setup.branding.preview")}
          </p>
          <div className="overflow-hidden rounded-lg border border-zinc-200">
            <div className="h-1 bg-indigo-600" />
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2">
              <Logo url={branding.logoUrl} name={branding.name} size="sm" />
              <span className="text-sm font-semibold">{branding.name}</span>
            </div>
            <div className="space-y-2 p-3">
              <div className="rounded-md bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-700">
                {t("setup.nav.branches")}
              </div>
              <Button size="sm">{t("setup.branches.new")}</Button>
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
