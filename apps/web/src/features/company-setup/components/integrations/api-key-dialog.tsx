import { API_KEY_RATE_LIMIT, API_KEY_SCOPES, type ApiKeyScope } from "@equeue/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { Dialog } from "../../../../components/ui/dialog";
import { Field } from "../../../../components/ui/field";
import { Input } from "../../../../components/ui/input";
import { CheckRow } from "../form-section";
import { useSetupError } from "../use-setup-error";
import { SCOPE_KEY } from "./integration-labels";

type KeyInput = { name: string; scopes: ApiKeyScope[]; rateLimitPerMinute: number };

export function ApiKeyDialog(props: {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (input: KeyInput) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const explain = useSetupError();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["queue:read"]);
  const [limit, setLimit] = useState(String(API_KEY_RATE_LIMIT.default));
  const problem = props.error ? explain(props.error) : null;
  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((list) => (on ? [...list, scope] : list.filter((s) => s !== scope)));
  return (
    <Dialog
      open
      onClose={props.onClose}
      title={t("setup.apiKeys.createTitle")}
      footer={
        <>
          <Button variant="secondary" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            loading={props.pending}
            disabled={!name.trim() || scopes.length === 0}
            onClick={() =>
              props.onSubmit({ name: name.trim(), scopes, rateLimitPerMinute: Number(limit) })
            }
          >
            {t("setup.apiKeys.create")}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        {problem && <Alert tone="error">{problem.message}</Alert>}
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
        <fieldset className="space-y-2">
          <legend className="mb-1.5 text-sm font-medium text-zinc-800">
            {t("setup.apiKeys.scopes")}
          </legend>
          {API_KEY_SCOPES.map((scope) => (
            <CheckRow
              key={scope}
              id={`${id}-${SCOPE_KEY[scope]}`}
              label={t(`setup.apiKeys.scope.${SCOPE_KEY[scope]}`)}
              hint={scope}
              checked={scopes.includes(scope)}
              onChange={(on) => toggle(scope, on)}
            />
          ))}
        </fieldset>
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
      </div>
    </Dialog>
  );
}
