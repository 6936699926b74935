import type { Migration } from "../migration";
import { platformInit } from "./0001-init";
import { platformSessions } from "./0002-sessions";
import { platformTicketIndexAndChannels } from "./0003-ticket-index-and-channels";
import { platformCustomers } from "./0004-customers";
import { platformNotifications } from "./0005-notifications";
import { platformPushAndChannelChoice } from "./0006-push-and-channel-choice";
import { platformOpenTicketIndex } from "./0007-open-ticket-index";
import { platformOutboxClaimsAndCustomerChats } from "./0008-outbox-claims-and-customer-chats";
import { platformIntegrations } from "./0009-integrations";
import { platformUzbekCyrillicLanguage } from "./0010-uzbek-cyrillic-language";
import { platformUrgentMessages } from "./0011-urgent-messages";
import { platformSecretMessages } from "./0012-secret-messages";
import { platformTranslatedCompanyDescription } from "./0013-translated-company-description";
import { platformBulkMessages } from "./0014-bulk-messages";

/** Platform schema migrations, in order. Append only. */
export const platformMigrations: Migration[] = [
  platformInit,
  platformSessions,
  platformTicketIndexAndChannels,
  platformCustomers,
  platformNotifications,
  platformPushAndChannelChoice,
  platformOpenTicketIndex,
  platformOutboxClaimsAndCustomerChats,
  platformIntegrations,
  platformUzbekCyrillicLanguage,
  platformUrgentMessages,
  platformSecretMessages,
  platformTranslatedCompanyDescription,
  platformBulkMessages,
];
