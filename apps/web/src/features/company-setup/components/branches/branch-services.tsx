import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Button, buttonClass } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import { useLocalized } from "../../../../lib/localized";
import { useBranchServices, useSetBranchServices } from "../../hooks/use-branches";
import { useServices } from "../../hooks/use-services";
import { FormSection } from "../form-section";
import { LeaveGuard } from "../leave-guard";
import { Switch } from "../switch";
import { useSetupError } from "../use-setup-error";

type Choice = Record<string, { offered: boolean; enabled: boolean }>;

/** Which of the company's services this branch offers; an offered one can be paused. */
export function BranchServices({
  slug,
  branchId,
  servicesPath,
}: {
  slug: string;
  branchId: string;
  servicesPath: string;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const local = useLocalized();
  const explain = useSetupError();
  const services = useServices(slug);
  const offered = useBranchServices(slug, branchId);
  const save = useSetBranchServices(slug, branchId);
  const [choice, setChoice] = useState<Choice>({});
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const stored = (): Choice =>
    Object.fromEntries(
      (offered.data ?? []).map((s) => [s.serviceId, { offered: true, enabled: s.enabled }]),
    );
  useEffect(() => {
    if (offered.data) setChoice(stored());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the server data changes
  }, [offered.data]);

  if (services.isPending || offered.isPending) return <PageSpinner />;
  const all = services.data ?? [];
  const dirty = JSON.stringify(normalise(choice)) !== JSON.stringify(normalise(stored()));
  // Bookings of the services this change stops offering here: saving cancels them.
  const bookingsOf = new Map((offered.data ?? []).map((s) => [s.serviceId, s.bookings]));
  const stopping = (id: string) => {
    // Before the first edit the choice is what is stored (the effect fills it after a render).
    const c = offered.data && Object.keys(choice).length === 0 ? stored()[id] : choice[id];
    return !c || !c.offered || !c.enabled;
  };
  const toCancel = [...bookingsOf].reduce((n, [id, b]) => n + (stopping(id) ? b : 0), 0);

  const submit = async () => {
    setConfirming(false);
    setError(null);
    const body = Object.entries(choice)
      .filter(([, c]) => c.offered)
      .map(([serviceId, c]) => ({ serviceId, enabled: c.enabled }));
    try {
      const { cancelledBookings: count } = await save.mutateAsync(body);
      toast.show(
        count > 0
          ? t("setup.branchServices.savedCancelled", { count })
          : t("setup.branchServices.saved"),
      );
    } catch (e) {
      setError(explain(e).message);
    }
  };

  return (
    <FormSection title={t("setup.branchServices.title")} hint={t("setup.branchServices.hint")}>
      {error && <Alert tone="error">{error}</Alert>}
      {all.length === 0 ? (
        <div className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600">
          <p>{t("setup.branchServices.empty")}</p>
          <Link to={servicesPath} className={`${buttonClass("secondary", "sm")} mt-3`}>
            {t("setup.services.new")}
          </Link>
        </div>
      ) : (
        <ul
          className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
          data-testid="branch-services"
        >
          {all.map((s) => {
            const c = choice[s.id] ?? { offered: false, enabled: true };
            const id = `branch-service-${s.id}`;
            return (
              <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <input
                  id={id}
                  type="checkbox"
                  checked={c.offered}
                  onChange={(e) =>
                    setChoice({
                      ...choice,
                      [s.id]: { offered: e.target.checked, enabled: c.enabled },
                    })
                  }
                  className="size-5 accent-[var(--brand,var(--color-indigo-600))]"
                />
                <label
                  htmlFor={id}
                  className="flex min-w-0 flex-1 cursor-pointer items-center gap-2"
                >
                  <span className="flex size-7 items-center justify-center rounded bg-zinc-100 font-mono text-xs font-bold text-zinc-700">
                    {s.letter}
                  </span>
                  <span className="truncate font-medium text-zinc-900">{local(s.name)}</span>
                  <span className="text-sm text-zinc-500">
                    · {t("setup.common.minutes", { count: s.durationMinutes })}
                  </span>
                  {!s.active && <Badge tone="gray">{t("setup.common.inactive")}</Badge>}
                </label>
                {c.offered && (
                  <span className="flex items-center gap-2 text-sm text-zinc-600">
                    <Switch
                      checked={c.enabled}
                      onChange={(enabled) =>
                        setChoice({ ...choice, [s.id]: { offered: true, enabled } })
                      }
                      label={t("setup.branchServices.enabledLabel", { name: local(s.name) })}
                    />
                    {c.enabled
                      ? t("setup.branchServices.enabled")
                      : t("setup.branchServices.paused")}
                  </span>
                )}
                {(bookingsOf.get(s.id) ?? 0) > 0 && stopping(s.id) && (
                  <p className="basis-full text-sm text-amber-800">
                    {t("setup.branchServices.bookingsWillGo", { count: bookingsOf.get(s.id) })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {all.length > 0 && (
        <div className="flex items-center justify-end gap-3">
          {dirty && <span className="text-sm text-amber-700">{t("setup.common.unsaved")}</span>}
          <LeaveGuard when={dirty} />
          <Button
            onClick={() => (toCancel > 0 ? setConfirming(true) : void submit())}
            loading={save.isPending}
            disabled={!dirty}
          >
            {t("setup.branchServices.save")}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("setup.branchServices.cancelTitle", { count: toCancel })}
        description={t("setup.branchServices.cancelText")}
        confirmLabel={t("setup.branchServices.cancelSave")}
        dismissLabel={t("setup.branchServices.cancelBack")}
        tone="danger"
        pending={save.isPending}
        onConfirm={() => void submit()}
        onClose={() => setConfirming(false)}
      />
    </FormSection>
  );
}

const normalise = (c: Choice) =>
  Object.entries(c)
    .filter(([, v]) => v.offered)
    .map(([id, v]) => `${id}:${v.enabled}`)
    .sort();
