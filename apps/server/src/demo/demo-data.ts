/** The plan's example companies, branches, services and people (MISSION.md). */

export const DEMO_PASSWORD = "Demo-Navbat-2026";

export const DEMO_COMPANIES = [
  {
    slug: "hamkorbank",
    name: "Hamkorbank",
    phone: "+998 71 200 00 01",
    description: {
      uz: "Hamkorbank — namunaviy bank: navbatga turing yoki oldindan yoziling.",
      ru: "Hamkorbank — демонстрационный банк: встаньте в очередь или запишитесь заранее.",
      en: "Hamkorbank — a sample bank: join the queue or book a time ahead.",
    },
  },
  {
    slug: "kapitalbank",
    name: "Kapital Bank",
    phone: "+998 71 200 00 02",
    description: {
      uz: "Kapital Bank — namunaviy bank: navbatga turing yoki oldindan yoziling.",
      ru: "Kapital Bank — демонстрационный банк: встаньте в очередь или запишитесь заранее.",
      en: "Kapital Bank — a sample bank: join the queue or book a time ahead.",
    },
  },
  {
    slug: "aloqabank",
    name: "Aloqabank",
    phone: "+998 71 200 00 03",
    description: {
      uz: "Aloqabank — namunaviy bank: navbatga turing yoki oldindan yoziling.",
      ru: "Aloqabank — демонстрационный банк: встаньте в очередь или запишитесь заранее.",
      en: "Aloqabank — a sample bank: join the queue or book a time ahead.",
    },
  },
] as const;

const weekday = { open: "09:00", close: "18:00", breaks: [{ start: "13:00", end: "14:00" }] };
/** A real bank's week: Monday to Friday, 09–18 with a lunch break. */
export const DEMO_HOURS = { "1": weekday, "2": weekday, "3": weekday, "4": weekday, "5": weekday };

// Hours are "HH:MM" up to 23:59; a day closing at "23:59" is open until midnight (branch-hours).
const allDay = { open: "00:00", close: "23:59", breaks: [] };
/**
 * The demo's main branch (Tashkent) works every day around the clock, so whoever tries the demo
 * — at night, on a Sunday — can take a ticket at its kiosk and call it; Samarkand keeps a real
 * bank's hours and shows what "closed" looks like.
 */
export const DEMO_ALWAYS_OPEN = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, allDay]),
);

export const DEMO_BRANCHES = [
  {
    key: "TSH",
    slug: "toshkent",
    alwaysOpen: true,
    name: { uz: "Toshkent filiali", ru: "Ташкентский филиал", en: "Tashkent branch" },
    address: { uz: "Toshkent sh., Amir Temur shoh koʻchasi, 1" },
    latitude: 41.3111,
    longitude: 69.2797,
  },
  {
    key: "SMQ",
    slug: "samarqand",
    alwaysOpen: false,
    name: { uz: "Samarqand filiali", ru: "Самаркандский филиал", en: "Samarkand branch" },
    address: { uz: "Samarqand sh., Registon koʻchasi, 5" },
    latitude: 39.6542,
    longitude: 66.9597,
  },
] as const;

export const DEMO_SERVICES = [
  {
    letter: "K",
    code: "KASSA",
    durationMinutes: 15,
    targetWaitMinutes: 15,
    name: { uz: "Kassa xizmati", ru: "Кассовое обслуживание", en: "Cash desk" },
  },
  {
    letter: "C",
    code: "KREDIT",
    durationMinutes: 30,
    targetWaitMinutes: 25,
    name: { uz: "Kredit maslahat", ru: "Консультация по кредитам", en: "Credit advice" },
  },
  {
    letter: "D",
    code: "OMONAT",
    durationMinutes: 20,
    targetWaitMinutes: 20,
    name: { uz: "Omonat", ru: "Вклады", en: "Deposits" },
  },
] as const;

type Letter = (typeof DEMO_SERVICES)[number]["letter"];
type BranchKey = (typeof DEMO_BRANCHES)[number]["key"];

/** Operators by e-mail name; each sits at a counter and serves some services. */
export const DEMO_OPERATORS: {
  local: string;
  name: string;
  branch: BranchKey;
  counter: number;
  services: Letter[];
}[] = [
  { local: "aziza", name: "Aziza Karimova", branch: "TSH", counter: 1, services: ["K"] },
  { local: "bobur", name: "Bobur Aliyev", branch: "TSH", counter: 2, services: ["C", "D"] },
  { local: "kamola", name: "Kamola Nazarova", branch: "TSH", counter: 3, services: ["K", "D"] },
  { local: "dilnoza", name: "Dilnoza Rahimova", branch: "SMQ", counter: 1, services: ["K", "D"] },
  { local: "jasur", name: "Jasur Toshmatov", branch: "SMQ", counter: 2, services: ["C"] },
  { local: "sardor", name: "Sardor Yo‘ldoshev", branch: "SMQ", counter: 3, services: ["K", "C"] },
];

export const DEMO_MANAGER = {
  local: "malika",
  name: "Malika Yusupova",
  branch: "TSH" as BranchKey,
};

/**
 * The demo's past (seed-history.ts): walk-in, kiosk and online tickets on an ordinary Tuesday
 * per branch, each company's size against that, and the share of each service in the line.
 */
export const DEMO_HISTORY = {
  base: { TSH: 58, SMQ: 45 } as Record<BranchKey, number>,
  scale: { hamkorbank: 1, kapitalbank: 1.15, aloqabank: 0.85 } as Record<string, number>,
  share: { K: 0.55, C: 0.2, D: 0.25 } as Record<Letter, number>,
};
