import type { Language, TicketSource } from "@equeue/contracts";

type Texts<K extends string> = Readonly<Record<K, string>>;

/** Every word of an exported report, in one language. Sheet titles fit Excel's 31 characters. */
export type ReportTexts = {
  /** The file's name before its dates (ASCII fallback aside, see the route). */
  fileName: string;
  /** The language branch names are taken in (Uzbek when the company left it empty). */
  nameLanguage: Language;
  titles: Texts<
    | "summary"
    | "quotes"
    | "bySource"
    | "byDay"
    | "branches"
    | "operators"
    | "heatmap"
    | "ratings"
    | "comments"
  >;
  columns: Texts<
    | "figure"
    | "value"
    | "source"
    | "day"
    | "branch"
    | "operator"
    | "weekday"
    | "hour"
    | "stars"
    | "count"
    | "when"
    | "ticket"
    | "comment"
  >;
  kpi: Texts<
    | "entered"
    | "issued"
    | "checkedIn"
    | "served"
    | "noShow"
    | "cancelled"
    | "expired"
    | "abandonment"
    | "waitAvg"
    | "serviceAvg"
    | "serviceLevel"
  >;
  summary: Texts<
    | "from"
    | "to"
    | "waitP50"
    | "waitP90"
    | "waitP95"
    | "serviceP50"
    | "serviceP90"
    | "ratingAverage"
    | "ratings"
    | "appointmentsBooked"
    | "appointmentsCheckedIn"
    | "appointmentsLate"
    | "appointmentsMissed"
    | "appointmentsCancelled"
  >;
  quotes: Texts<"count" | "mae" | "bias" | "withinRange" | "underEstimated">;
  operators: Texts<"available" | "idle" | "breakTime" | "away">;
  sources: Texts<TicketSource>;
  /** Monday first, as the report's weekdays 1–7. */
  weekdays: readonly [string, string, string, string, string, string, string];
};

const uz: ReportTexts = {
  fileName: "hisobot",
  nameLanguage: "uz",
  titles: {
    summary: "Umumiy koʻrsatkichlar",
    quotes: "Aytilgan va haqiqiy kutish",
    bySource: "Manba boʻyicha",
    byDay: "Kunlar boʻyicha",
    branches: "Filiallar",
    operators: "Operatorlar",
    heatmap: "Soat × hafta kuni",
    ratings: "Baholar",
    comments: "Izohlar",
  },
  columns: {
    figure: "Koʻrsatkich",
    value: "Qiymat",
    source: "Manba",
    day: "Sana",
    branch: "Filial",
    operator: "Operator",
    weekday: "Hafta kuni",
    hour: "Soat",
    stars: "Baho",
    count: "Soni",
    when: "Sana va vaqt",
    ticket: "Talon",
    comment: "Izoh",
  },
  kpi: {
    entered: "Navbatga kirdi",
    issued: "Talon berildi",
    checkedIn: "Kelganini tasdiqladi",
    served: "Xizmat koʻrsatildi",
    noShow: "Kelmadi",
    cancelled: "Bekor qilindi",
    expired: "Muddati oʻtdi",
    abandonment: "Ketib qolganlar ulushi",
    waitAvg: "Oʻrtacha kutish vaqti (soniya)",
    serviceAvg: "Oʻrtacha xizmat vaqti (soniya)",
    serviceLevel: "Xizmat darajasi",
  },
  summary: {
    from: "Davr boshi",
    to: "Davr oxiri",
    waitP50: "Kutish vaqti p50 (soniya)",
    waitP90: "Kutish vaqti p90 (soniya)",
    waitP95: "Kutish vaqti p95 (soniya)",
    serviceP50: "Xizmat vaqti p50 (soniya)",
    serviceP90: "Xizmat vaqti p90 (soniya)",
    ratingAverage: "Oʻrtacha baho",
    ratings: "Baholar soni",
    appointmentsBooked: "Oldindan yozilishlar: jami",
    appointmentsCheckedIn: "Oldindan yozilishlar: kelganini tasdiqladi",
    appointmentsLate: "Oldindan yozilishlar: kechikdi",
    appointmentsMissed: "Oldindan yozilishlar: kelmadi",
    appointmentsCancelled: "Oldindan yozilishlar: bekor qilindi",
  },
  quotes: {
    count: "Aytilgan kutish vaqti bilan xizmat koʻrsatilgan talonlar",
    mae: "Oʻrtacha mutlaq xato (daqiqa)",
    bias: "Haqiqiy minus aytilgan, oʻrtacha (daqiqa)",
    withinRange: "Aytilgan oraliq ichida",
    underEstimated: "Aytilgan oraliqdan uzoqroq kutdi",
  },
  operators: {
    available: "Ish joyida (soniya)",
    idle: "Boʻsh turdi (soniya)",
    breakTime: "Tanaffus (soniya)",
    away: "Joyida yoʻq (soniya)",
  },
  sources: { WALK_IN: "Oynada", KIOSK: "Kiosk", ONLINE: "Onlayn", API: "API" },
  weekdays: ["Dushanba", "Seshanba", "Chorshanba", "Payshanba", "Juma", "Shanba", "Yakshanba"],
};

const ru: ReportTexts = {
  fileName: "отчёт",
  nameLanguage: "ru",
  titles: {
    summary: "Сводка",
    quotes: "Обещанное и реальное ожидание",
    bySource: "По источникам",
    byDay: "По дням",
    branches: "Филиалы",
    operators: "Операторы",
    heatmap: "Час × день недели",
    ratings: "Оценки",
    comments: "Комментарии",
  },
  columns: {
    figure: "Показатель",
    value: "Значение",
    source: "Источник",
    day: "Дата",
    branch: "Филиал",
    operator: "Оператор",
    weekday: "День недели",
    hour: "Час",
    stars: "Оценка",
    count: "Количество",
    when: "Дата и время",
    ticket: "Талон",
    comment: "Комментарий",
  },
  kpi: {
    entered: "Встали в очередь",
    issued: "Выдано талонов",
    checkedIn: "Отметились о приходе",
    served: "Обслужено",
    noShow: "Не явились",
    cancelled: "Отменено",
    expired: "Истекло",
    abandonment: "Доля ушедших без обслуживания",
    waitAvg: "Среднее время ожидания (сек)",
    serviceAvg: "Среднее время обслуживания (сек)",
    serviceLevel: "Уровень сервиса",
  },
  summary: {
    from: "Начало периода",
    to: "Конец периода",
    waitP50: "Ожидание p50 (сек)",
    waitP90: "Ожидание p90 (сек)",
    waitP95: "Ожидание p95 (сек)",
    serviceP50: "Обслуживание p50 (сек)",
    serviceP90: "Обслуживание p90 (сек)",
    ratingAverage: "Средняя оценка",
    ratings: "Количество оценок",
    appointmentsBooked: "Предварительная запись: всего",
    appointmentsCheckedIn: "Предварительная запись: отметились о приходе",
    appointmentsLate: "Предварительная запись: опоздали",
    appointmentsMissed: "Предварительная запись: не явились",
    appointmentsCancelled: "Предварительная запись: отменено",
  },
  quotes: {
    count: "Обслужено талонов с обещанным временем ожидания",
    mae: "Средняя абсолютная ошибка (мин)",
    bias: "Факт минус обещанное в среднем (мин)",
    withinRange: "В пределах обещанного диапазона",
    underEstimated: "Ждали дольше обещанного диапазона",
  },
  operators: {
    available: "На месте (сек)",
    idle: "Простой (сек)",
    breakTime: "Перерыв (сек)",
    away: "Нет на месте (сек)",
  },
  sources: { WALK_IN: "У окна", KIOSK: "Киоск", ONLINE: "Онлайн", API: "API" },
  weekdays: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
};

// The public API's CSV is written with these words too (see API_REPORT_TEXTS): its clients read
// the headers, so a change of wording here is a change of /api/v1.
const en: ReportTexts = {
  fileName: "report",
  nameLanguage: "en",
  titles: {
    summary: "Summary",
    quotes: "Quoted vs actual",
    bySource: "By source",
    byDay: "By day",
    branches: "Branches",
    operators: "Operators",
    heatmap: "Hour x weekday",
    ratings: "Ratings",
    comments: "Comments",
  },
  columns: {
    figure: "Figure",
    value: "Value",
    source: "Source",
    day: "Day",
    branch: "Branch",
    operator: "Operator",
    weekday: "Weekday",
    hour: "Hour",
    stars: "Stars",
    count: "Count",
    when: "When",
    ticket: "Ticket",
    comment: "Comment",
  },
  kpi: {
    entered: "Entered",
    issued: "Issued",
    checkedIn: "Checked in",
    served: "Served",
    noShow: "No-show",
    cancelled: "Cancelled",
    expired: "Expired",
    abandonment: "Abandonment",
    waitAvg: "Avg wait (s)",
    serviceAvg: "Avg service (s)",
    serviceLevel: "Service level",
  },
  summary: {
    from: "From",
    to: "To",
    waitP50: "Wait p50 (s)",
    waitP90: "Wait p90 (s)",
    waitP95: "Wait p95 (s)",
    serviceP50: "Service p50 (s)",
    serviceP90: "Service p90 (s)",
    ratingAverage: "Rating average",
    ratings: "Ratings",
    appointmentsBooked: "Appointments booked",
    appointmentsCheckedIn: "Appointments checked in",
    appointmentsLate: "Appointments late",
    appointmentsMissed: "Appointments missed",
    appointmentsCancelled: "Appointments cancelled",
  },
  quotes: {
    count: "Quoted and served",
    mae: "Mean absolute error (min)",
    bias: "Mean actual - quoted (min)",
    withinRange: "Inside quoted range",
    underEstimated: "Longer than quoted range",
  },
  operators: {
    available: "Available (s)",
    idle: "Idle (s)",
    breakTime: "Break (s)",
    away: "Away (s)",
  },
  sources: { WALK_IN: "At the counter", KIOSK: "Kiosk", ONLINE: "Online", API: "API" },
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

/** The company admin's export in each language the product speaks. */
export const REPORT_TEXTS: Readonly<Record<Language, ReportTexts>> = { uz, ru, en };

/**
 * The public API's CSV, as its clients have read it since v1: English words, each source as
 * the code its JSON answer uses (`KIOSK`), branch names in Uzbek.
 */
export const API_REPORT_TEXTS: ReportTexts = {
  ...en,
  nameLanguage: "uz",
  sources: { WALK_IN: "WALK_IN", KIOSK: "KIOSK", ONLINE: "ONLINE", API: "API" },
};
