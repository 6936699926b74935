import {
  renderTemplate,
  smsSegments,
  toGsmFriendly,
  unknownPlaceholders,
  type NotificationTrigger,
} from "@equeue/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Card } from "../../../../components/ui/card";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import type {
  Lang,
  NotificationSettings,
} from "../../../../features/company-setup/api/notifications.api";
import { LeaveGuard } from "../../../../features/company-setup/components/leave-guard";
import { useSetupError } from "../../../../features/company-setup/components/use-setup-error";
import {
  useNotificationSettings,
  useSaveNotificationSettings,
} from "../../../../features/company-setup/hooks/use-notification-settings";
import { cn } from "../../../../lib/cn";
import { useSetupContext } from "./setup-context";

const LANGS: Lang[] = ["uz", "ru", "en"];

/** Sample values of the live preview (the server's preview uses the same). */
const SAMPLE = (lang: Lang) => ({
  number: "A-012",
  counter: 3,
  position: 2,
  time: "30.11 14:30",
  service: { uz: "Kassa", ru: "Касса", en: "Cashier" }[lang],
  branch: { uz: "Chilonzor filiali", ru: "Филиал Чиланзар", en: "Chilonzor branch" }[lang],
  link: `${window.location.origin}/t/ABCDEFGHJKMNPQRS`,
});

export function NotificationsPage() {
  const { slug, isAdmin, adminBase } = useSetupContext();
  const settings = useNotificationSettings(slug, isAdmin);
  if (!isAdmin) return <Navigate to={`${adminBase}/branches`} replace />;
  if (settings.isPending) return <PageSpinner />;
  if (settings.isError) return <Alert tone="error">{String(settings.error)}</Alert>;
  return <NotificationsForm slug={slug} settings={settings.data} />;
}

type Texts = Record<string, Record<Lang, string>>;
type Form = {
  texts: Texts;
  dayBefore: string;
  minutesBefore: string;
  quietFrom: string;
  quietTo: string;
};

/** The form's fields as the saved settings fill them. */
const formOf = (settings: NotificationSettings): Form => ({
  texts: Object.fromEntries(
    settings.templates.map((r) => [
      r.trigger,
      { uz: r.custom.uz ?? "", ru: r.custom.ru ?? "", en: r.custom.en ?? "" },
    ]),
  ),
  dayBefore: settings.reminders.dayBeforeAt ?? "",
  minutesBefore:
    settings.reminders.minutesBefore === null ? "" : String(settings.reminders.minutesBefore),
  quietFrom: settings.quietHours?.from ?? "",
  quietTo: settings.quietHours?.to ?? "",
});

/** What saving the form sends. */
const bodyOf = (f: Form) => ({
  templates: f.texts,
  reminders: {
    dayBeforeAt: f.dayBefore || null,
    minutesBefore: f.minutesBefore.trim() ? Number(f.minutesBefore) : null,
  },
  quietHours: f.quietFrom && f.quietTo ? { from: f.quietFrom, to: f.quietTo } : null,
});

function NotificationsForm({ slug, settings }: { slug: string; settings: NotificationSettings }) {
  const { t } = useTranslation();
  const toast = useToast();
  const explain = useSetupError();
  const save = useSaveNotificationSettings(slug);
  const [lang, setLang] = useState<Lang>("uz");
  const [initial] = useState(() => formOf(settings));
  const [texts, setTexts] = useState<Texts>(initial.texts);
  const [dayBefore, setDayBefore] = useState(initial.dayBefore);
  const [minutesBefore, setMinutesBefore] = useState(initial.minutesBefore);
  const [quietFrom, setQuietFrom] = useState(initial.quietFrom);
  const [quietTo, setQuietTo] = useState(initial.quietTo);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const setText = (trigger: string, value: string) =>
    setTexts((all) => ({ ...all, [trigger]: { ...all[trigger]!, [lang]: value } }));

  const localError = (text: string) => {
    const bad = unknownPlaceholders(text);
    return bad.length
      ? t("setup.notifications.unknownPlaceholder", {
          bad: bad.join(", "),
          known: settings.placeholders.map((p) => `{${p}}`).join(" "),
        })
      : null;
  };
  const anyLocalError = Object.values(texts).some((byLang) =>
    LANGS.some((l) => localError(byLang[l])),
  );

  const body = bodyOf({ texts, dayBefore, minutesBefore, quietFrom, quietTo });
  // Against what is saved now (the answer to a save replaces it): nothing to lose after a save.
  const dirty = JSON.stringify(body) !== JSON.stringify(bodyOf(formOf(settings)));

  const submit = () => {
    setFieldErrors({});
    save.mutate(body, {
      onSuccess: () => toast.show(t("setup.notifications.saved")),
      onError: (error) => setFieldErrors(explain(error).fields),
    });
  };

  return (
    <>
      <PageHeader
        title={t("setup.notifications.title")}
        subtitle={t("setup.notifications.subtitle")}
      />
      <div className="space-y-6">
        <Card className="space-y-5 p-5">
          <h2 className="text-base font-semibold text-zinc-900">
            {t("setup.notifications.reminders")}
          </h2>
          <div className="grid gap-5 md:grid-cols-2">
            <Field
              id="reminder-dayBefore"
              label={t("setup.notifications.dayBefore")}
              hint={t("setup.notifications.dayBeforeHint")}
              error={fieldErrors["reminders.dayBeforeAt"]}
            >
              <Input
                id="reminder-dayBefore"
                type="time"
                value={dayBefore}
                onChange={(e) => setDayBefore(e.target.value)}
                className="w-36!"
              />
            </Field>
            <Field
              id="reminder-minutesBefore"
              label={t("setup.notifications.minutesBefore")}
              hint={t("setup.notifications.minutesBeforeHint")}
              error={fieldErrors["reminders.minutesBefore"]}
            >
              <Input
                id="reminder-minutesBefore"
                type="number"
                min={5}
                max={2880}
                value={minutesBefore}
                onChange={(e) => setMinutesBefore(e.target.value)}
                className="w-28!"
              />
            </Field>
            <Field
              id="quiet-from"
              label={t("setup.notifications.quietFrom")}
              hint={t("setup.notifications.quietHint")}
              error={fieldErrors["quietHours.from"]}
            >
              <Input
                id="quiet-from"
                type="time"
                value={quietFrom}
                onChange={(e) => setQuietFrom(e.target.value)}
                className="w-36!"
              />
            </Field>
            <Field
              id="quiet-to"
              label={t("setup.notifications.quietTo")}
              error={fieldErrors["quietHours.to"]}
            >
              <Input
                id="quiet-to"
                type="time"
                value={quietTo}
                onChange={(e) => setQuietTo(e.target.value)}
                className="w-36!"
              />
            </Field>
          </div>
        </Card>

        <Card className="space-y-5 p-5">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 className="text-base font-semibold text-zinc-900">
                {t("setup.notifications.texts")}
              </h2>
              <p className="text-sm text-zinc-500">
                {t("setup.notifications.textsHint", {
                  placeholders: settings.placeholders.map((p) => `{${p}}`).join(" "),
                })}
              </p>
            </div>
            <div role="group" aria-label={t("setup.notifications.language")} className="flex gap-1">
              {LANGS.map((l) => (
                <Button
                  key={l}
                  size="sm"
                  variant={l === lang ? "primary" : "ghost"}
                  aria-pressed={l === lang}
                  onClick={() => setLang(l)}
                >
                  {l.toUpperCase()}
                </Button>
              ))}
            </div>
          </div>
          {settings.templates.map((row) => {
            const own = texts[row.trigger]![lang];
            const used = own.trim() ? own : row.defaults[lang];
            const rendered = renderTemplate(used, SAMPLE(lang));
            const sms = toGsmFriendly(rendered);
            const size = smsSegments(sms);
            const id = `template-${row.trigger}`;
            const error =
              localError(own) ?? fieldErrors[`templates.${row.trigger}.${lang}`] ?? null;
            return (
              <div key={row.trigger} className="border-t border-zinc-100 pt-4">
                <Field
                  id={id}
                  label={t(`setup.notifications.trigger.${row.trigger as NotificationTrigger}`)}
                  error={error}
                >
                  <textarea
                    id={id}
                    rows={2}
                    value={own}
                    placeholder={row.defaults[lang]}
                    aria-invalid={Boolean(error)}
                    onChange={(e) => setText(row.trigger, e.target.value)}
                    className={cn(
                      "block w-full rounded-md border border-zinc-300 px-3 py-2 text-sm",
                      "focus-visible:outline-2 focus-visible:outline-indigo-600",
                      error && "border-red-500",
                    )}
                  />
                </Field>
                <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
                  <p
                    className="min-w-0 flex-1 text-sm break-words text-zinc-700"
                    data-testid={`preview-${row.trigger}`}
                  >
                    <span className="font-medium text-zinc-500">
                      {t("setup.notifications.preview")}:{" "}
                    </span>
                    {rendered}
                  </p>
                  <p className="text-xs whitespace-nowrap text-zinc-500">
                    {t("setup.notifications.segments", {
                      encoding: size.encoding,
                      count: size.segments,
                      characters: size.characters,
                    })}
                  </p>
                </div>
                {own.trim() && (
                  <Button size="sm" variant="ghost" onClick={() => setText(row.trigger, "")}>
                    {t("setup.notifications.reset")}
                  </Button>
                )}
              </div>
            );
          })}
        </Card>
        {save.error && <Alert tone="error">{explain(save.error).message}</Alert>}
        <div className="flex items-center justify-end gap-3">
          {dirty && <span className="text-sm text-amber-700">{t("setup.common.unsaved")}</span>}
          <LeaveGuard when={dirty} />
          <Button onClick={submit} loading={save.isPending} disabled={anyLocalError}>
            {t("common.save")}
          </Button>
        </div>
      </div>
    </>
  );
}
