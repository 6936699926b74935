import { useTranslation } from "react-i18next";
import { Table, TBody, THead, Td, Th, Tr } from "../../../components/ui/table";
import { useFormatDate } from "../../../lib/format";
import type { OutboxMessage } from "../api/outbox.api";
import { OutboxStatusBadge } from "./outbox-status-badge";

type Props = { messages: OutboxMessage[]; onOpen: (message: OutboxMessage) => void };

/** Outgoing messages; a row opens the full text. */
export function OutboxTable({ messages, onOpen }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Table>
      <THead>
        <Tr>
          <Th>{t("outbox.colTo")}</Th>
          <Th>{t("outbox.colSubject")}</Th>
          <Th>{t("outbox.colStatus")}</Th>
          <Th className="text-right">{t("outbox.colAttempts")}</Th>
          <Th>{t("outbox.colCreated")}</Th>
          <Th>{t("outbox.colLastError")}</Th>
        </Tr>
      </THead>
      <TBody>
        {messages.map((message) => (
          <Tr
            key={message.id}
            data-testid="outbox-row"
            onClick={() => onOpen(message)}
            className="cursor-pointer hover:bg-zinc-50"
          >
            <Td className="max-w-56 truncate">{message.to}</Td>
            <Td className="max-w-80">
              <button
                type="button"
                onClick={(event) => {
                  event.stopPropagation();
                  onOpen(message);
                }}
                className="max-w-full truncate text-left font-medium text-zinc-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {/* An SMS or a chat message has no subject: its first words stand for it. */}
                {message.subject || message.text.split("\n")[0] || t("outbox.messageTitle")}
              </button>
            </Td>
            <Td>
              <OutboxStatusBadge status={message.status} />
            </Td>
            <Td className="text-right tabular-nums">{message.attempts}</Td>
            <Td className="whitespace-nowrap text-zinc-500 tabular-nums">
              {formatDate(message.createdAt)}
            </Td>
            <Td className="max-w-64 truncate text-red-700" title={message.lastError ?? undefined}>
              {message.lastError ?? <span className="text-zinc-400">—</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
