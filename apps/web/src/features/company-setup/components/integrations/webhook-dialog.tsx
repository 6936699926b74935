import { WEBHOOK_EVENTS, type WebhookEvent } from "@equeue/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { CheckRow } from "../form-section";
import { useSetupError } from "../use-setup-error";
import { eventKey } from "./integration-labels";

type HookInput = { url: string; description: string; eventTypes: WebhookEvent[] };

export function WebhookDialog(props: {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: HookInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const explain = useSetupError();
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const problem = props.error ? explain(props.error) : null;
  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));
  return (
    <Dialog
      open
      size="lg"
      onClose={props.onClose}
      title={t("setup.webhooks.createTitle")}
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={props.pending}
            disabled={url.length < 10 || events.length === 0}
            onClick={() => props.onSubmit({ url: url.trim(), description, eventTypes: events })}
          >
            {t("setup.webhooks.create")}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {problem && <Alert tone="error">{problem.message}</Alert>}
        <Field
          id={`${id}-url`}
          label={t("setup.webhooks.url")}
          hint={t("setup.webhooks.urlHint")}
          required
          error={problem?.fields.url}
        >
          <Input
            id={`${id}-url`}
            type="url"
            value={url}
            maxLength={2000}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Field>
        <Field id={`${id}-description`} label={t("setup.webhooks.description")}>
          <Input
            id={`${id}-description`}
            value={description}
            maxLength={200}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">
            {t("setup.webhooks.events")}
          </legend>
          {WEBHOOK_EVENTS.map((event) => (
            <CheckRow
              key={event}
              id={`${id}-${eventKey(event)}`}
              label={t(`setup.webhooks.event.${eventKey(event)}`)}
              hint={event}
              checked={events.includes(event)}
              onChange={(on) => toggle(event, on)}
            />
          ))}
        </fieldset>
      </div>
    </Dialog>
  );
}
