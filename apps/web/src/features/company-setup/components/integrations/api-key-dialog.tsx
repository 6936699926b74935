import { API_KEY_RATE_LIMIT, API_KEY_SCOPES, type ApiKeyScope } from "@equeue/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { ChoiceList, CredentialFormDialog } from "./credential-dialog";
import { SCOPE_KEY } from "./integration-labels";

export type KeyInput = { name: string; scopes: ApiKeyScope[]; rateLimitPerMinute: number };

export function ApiKeyDialog(props: {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: KeyInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["queue:read"]);
  const [limit, setLimit] = useState(String(API_KEY_RATE_LIMIT.default));
  return (
    <CredentialFormDialog
      title={t("setup.apiKeys.createTitle")}
      submitLabel={t("setup.apiKeys.create")}
      canSubmit={name.trim() !== "" && scopes.length > 0}
      pending={props.pending}
      error={props.error}
      onClose={props.onClose}
      onSubmit={() =>
        props.onSubmit({ name: name.trim(), scopes, rateLimitPerMinute: Number(limit) })
      }
    >
      {(problem) => (
        <>
          <Field
            id={`${id}-name`}
            label={t("setup.apiKeys.name")}
            hint={t("setup.apiKeys.nameHint")}
            required
            error={problem?.fields.name}
          >
            <Input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <ChoiceList
            idPrefix={id}
            legend={t("setup.apiKeys.scopes")}
            options={API_KEY_SCOPES}
            chosen={scopes}
            onChange={setScopes}
            keyOf={(scope) => SCOPE_KEY[scope]}
            labelOf={(scope) => t(`setup.apiKeys.scope.${SCOPE_KEY[scope]}`)}
          />
          <Field
            id={`${id}-limit`}
            label={t("setup.apiKeys.limit")}
            hint={t("setup.apiKeys.limitHint")}
            error={problem?.fields.rateLimitPerMinute}
          >
            <Input
              id={`${id}-limit`}
              type="number"
              min={API_KEY_RATE_LIMIT.min}
              max={API_KEY_RATE_LIMIT.max}
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
            />
          </Field>
        </>
      )}
    </CredentialFormDialog>
  );
}
