import { WEBHOOK_EVENTS, type WebhookEvent } from "@equeue/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { ChoiceList, CredentialFormDialog } from "./credential-dialog";
import { eventKey } from "./integration-labels";

export type HookInput = { url: string; description: string; eventTypes: WebhookEvent[] };

export function WebhookDialog(props: {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: HookInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  return (
    <CredentialFormDialog
      title={t("setup.webhooks.createTitle")}
      submitLabel={t("setup.webhooks.create")}
      size="lg"
      canSubmit={url.length >= 10 && events.length > 0}
      pending={props.pending}
      error={props.error}
      onClose={props.onClose}
      onSubmit={() => props.onSubmit({ url: url.trim(), description, eventTypes: events })}
    >
      {(problem) => (
        <>
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
          <ChoiceList
            idPrefix={id}
            className="grid gap-2 sm:grid-cols-2"
            legend={t("setup.webhooks.events")}
            options={WEBHOOK_EVENTS}
            chosen={events}
            onChange={setEvents}
            keyOf={eventKey}
            labelOf={(event) => t(`setup.webhooks.event.${eventKey(event)}`)}
          />
        </>
      )}
    </CredentialFormDialog>
  );
}
