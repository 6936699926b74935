import type { Migration } from "../migration";

/**
 * The outbox counts the claims on each message as well as its attempts: a worker that died
 * between sending and recording the outcome leaves more claims than attempts, and the next
 * worker then treats the message as possibly sent (an SMS is looked up at the gateway by our
 * id before anything is sent again). And the Telegram chats of customer accounts: a chat whose
 * user shared their own contact with the bot is linked to the account of that phone, so every
 * ticket taken with the phone is told there too.
 */
export const platformOutboxClaimsAndCustomerChats: Migration = {
  version: 8,
  name: "outbox-claims-and-customer-chats",
  statements: (s) => [
    `alter table ${s}.outbox add column claims integer not null default 0`,
    `create table ${s}.customer_chats (
      customer_id uuid not null references ${s}.customers(id) on delete cascade,
      chat_id text not null,
      language text not null default 'uz' check (language in ('uz','ru','en')),
      created_at timestamptz not null default now(),
      primary key (customer_id, chat_id))`,
  ],
};
