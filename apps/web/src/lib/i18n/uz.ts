import type { Widen } from "./widen";
import type { accountUz } from "./account/uz";
import type { bookingUz } from "./booking/uz";
import type { fieldIssuesUz } from "./field-issues/uz";
import type { notifyUz } from "./notify/uz";
import type { ReportsMessages } from "./reports/uz";
import type { queueUz } from "./queue/uz";
import type { KioskScreenMessages } from "./kiosk/kiosk-screen";
import type { PortalMessages } from "./portal/uz";
import type { SetupMessages } from "./setup/uz";
import type { StaffMessages } from "./staff/uz";

/** Uzbek (Latin) — the default language and the source of every key; texts every face shows. */
export const uz = {
  common: {
    appName: "E-Queue",
    tagline: "Banklar, klinikalar va davlat xizmatlari uchun elektron navbat",
    save: "Saqlash",
    saving: "Saqlanmoqda…",
    cancel: "Bekor qilish",
    confirm: "Tasdiqlash",
    close: "Yopish",
    back: "Orqaga",
    loading: "Yuklanmoqda…",
    retry: "Qayta urinish",
    search: "Qidirish",
    all: "Barchasi",
    logout: "Chiqish",
    language: "Til",
    actions: "Amallar",
    none: "—",
    total: "Jami: {{count}}",
    pageOf: "{{page}} / {{pages}}",
    previous: "Oldingi",
    next: "Keyingi",
    pagination: "Sahifalash",
    genericError: "Nimadir xato ketdi. Qayta urinib koʻring.",
    notFoundTitle: "Sahifa topilmadi",
    notFoundText: "Siz qidirgan sahifa mavjud emas yoki koʻchirilgan.",
    goHome: "Bosh sahifaga",
    required: "Toʻldirilishi shart",
    invalidEmail: "E-pochta manzili notoʻgʻri",
    copied: "Nusxalandi",
    menu: "Menyu",
    optional: "ixtiyoriy",
  },
  languages: { uz: "Oʻzbekcha", "uz-Cyrl": "Ўзбекча", ru: "Русский", en: "English" },
  auth: {
    platformTitle: "Bosh administrator sifatida kirish",
    platformSubtitle: "Platforma operatori uchun",
    email: "E-pochta",
    password: "Parol",
    submit: "Kirish",
    submitting: "Kirilmoqda…",
    lockedTitle: "Hisob vaqtincha bloklangan",
    retryIn: "{{minutes}} daqiqadan keyin qayta urinib koʻring.",
    sessionExpired: "Sessiya muddati tugadi. Qaytadan kiring.",
    signedInAs: "Foydalanuvchi",
  },
  companyPortal: {
    loginTitle: "Xodimlar uchun kirish",
    loginSubtitle: "{{name}}: operatorlar, filial menejerlari va kompaniya administratori",
    suspendedTitle: "Kompaniya vaqtincha toʻxtatilgan",
    suspendedText:
      "Bu kompaniyaning tizimi hozircha ishlamayapti. Platforma administratoriga murojaat qiling.",
    notFoundTitle: "Kompaniya topilmadi",
    notFoundText: "Manzilni tekshiring: bunday kompaniya mavjud emas yoki oʻchirilgan.",
    dashboardTitle: "Boshqaruv paneli",
    welcome: "Xush kelibsiz!",
    nextStep: "Filiallar va xizmatlarni sozlash keyingi bosqichda.",
    nextStepHint: "Tez orada bu yerda filiallar, xizmatlar, operatorlar va kiosklarni sozlaysiz.",
    statusLabel: "Kompaniya holati",
  },
  /** Field problems the server reports, by error code and field; else the server's words. */
  errorFields: {
    ALREADY_EXISTS: {
      code: "Bu kod boshqa xizmatda ishlatilgan.",
      letter: "Bu talon harfi boshqa xizmatda ishlatilgan: harflar xizmatlarni talonda ajratadi.",
      number: "Bu raqamli oyna filialda allaqachon bor.",
      email: "Bu e-pochta bilan xodim allaqachon bor.",
      day: "Bu kunga istisno allaqachon qoʻshilgan.",
    },
  },
  errors: {
    ALREADY_IN_QUEUE: "Bu telefon raqami bilan shu navbatda joy allaqachon olingan.",
    SLOT_NOT_AVAILABLE: "Bu vaqtga yozilib boʻlmaydi. Taklif qilingan vaqtlardan birini tanlang.",
    SLOT_FULL: "Bu vaqt hozirgina band boʻldi. Boshqa vaqtni tanlang.",
    ALREADY_BOOKED: "Bu telefon raqami bilan shu vaqtga allaqachon yozilgansiz.",
    CHECK_IN_NOT_OPEN: "Kelganingizni tasdiqlash vaqti hali boshlanmadi.",
    CHECK_IN_CLOSED: "Kelganingizni tasdiqlash vaqti oʻtib ketdi.",
    SIGN_IN_CODE_INVALID: "Kod notoʻgʻri. SMSdagi kodni qayta kiriting.",
    SIGN_IN_CODE_EXPIRED: "Kodning muddati tugagan yoki u ishlatilgan. Yangi kod oling.",
    SIGN_IN_CODE_LOCKED: "Juda koʻp notoʻgʻri urinish. Yangi kod oling.",
    ALREADY_RATED: "Bu tashrifga baho allaqachon berilgan.",
    VALIDATION_FAILED: "Belgilangan maydonlarni tekshiring.",
    INVALID_CREDENTIALS: "E-pochta yoki parol notoʻgʻri.",
    ACCOUNT_LOCKED: "Juda koʻp notoʻgʻri urinish.",
    ONE_TIME_PASSWORD_USED:
      "Bu bir martalik parol allaqachon ishlatilgan. Administratordan yangisini yuborishni soʻrang.",
    SLUG_TAKEN: "Bu qisqa nom band. Boshqasini tanlang.",
    SLUG_RESERVED: "Bu qisqa nom tizim uchun ajratilgan. Boshqasini tanlang.",
    NOT_FOUND: "Topilmadi.",
    PASSWORD_CHANGE_REQUIRED: "Davom etish uchun parolni oʻzgartiring.",
    COMPANY_SUSPENDED: "Kompaniya vaqtincha toʻxtatilgan.",
    RATE_LIMITED: "Soʻrovlar juda koʻp. Birozdan keyin qayta urinib koʻring.",
    SESSION_EXPIRED: "Sessiya muddati tugadi. Qaytadan kiring.",
    LOGO_INVALID: "Logotip fayli notoʻgʻri. PNG, JPEG yoki WebP yuklang.",
    LOGO_TOO_LARGE: "Logotip 2 MB dan katta.",
    WEAK_PASSWORD:
      "Parol juda oddiy. Kamida 10 ta belgi, harflar va raqamlar boʻlsin, e-pochta nomi boʻlmasin.",
    SAME_PASSWORD: "Yangi parol joriy paroldan farq qilishi kerak.",
    INVITE_NOT_PENDING: "Administrator allaqachon parolini oʻzgartirgan — taklif kerak emas.",
    PROVISIONING_FAILED:
      "Kompaniyani sozlashda xato yuz berdi. Hech narsa saqlanmadi, qayta urinib koʻring.",
    UNAUTHENTICATED: "Avval tizimga kiring.",
    FORBIDDEN: "Bu amal uchun ruxsatingiz yoʻq.",
    INVALID_STATE:
      "Kompaniyaning hozirgi holatida bu amalni bajarib boʻlmaydi. Sahifani yangilang.",
    PAYLOAD_TOO_LARGE: "Fayl juda katta.",
    UNSUPPORTED_MEDIA_TYPE: "Bu turdagi fayl qoʻllab-quvvatlanmaydi.",
    BRANCH_CLOSED: "Filial hozir yopiq. Ish vaqtida qayta urinib koʻring.",
    SERVICE_NOT_OFFERED: "Bu xizmat filialda koʻrsatilmaydi. Boshqa xizmat yoki filialni tanlang.",
    DAILY_LIMIT_REACHED: "Bugungi talonlar chegarasiga yetildi. Ertaga qayta urinib koʻring.",
    TOKEN_EXPIRED: "Sessiya muddati tugadi. Sahifani yangilang yoki qaytadan kiring.",
    WRONG_REALM: "Siz boshqa kompaniya yoki panelga kirgansiz. Shu sahifada qaytadan kiring.",
    SLUG_IMMUTABLE:
      "Kompaniyaning qisqa nomi (manzili) yaratilgandan keyin oʻzgarmaydi. Avvalgisini qoldiring.",
    METHOD_NOT_ALLOWED:
      "Bu manzil bunday soʻrovni qabul qilmaydi. Sahifani yangilang; takrorlansa, administratorga xabar bering.",
    URI_TOO_LONG:
      "Havola juda uzun yoki buzilgan. Uni tekshiring yoki sahifani bosh sahifadan qayta oching.",
    HEADERS_TOO_LARGE:
      "Brauzer juda koʻp maʼlumot (cookie) yubordi. Shu sayt cookie-larini tozalab, qayta urinib koʻring.",
    REQUEST_TIMEOUT: "Soʻrov serverga juda uzoq yetib bordi. Internetni tekshirib, qayta yuboring.",
    NOT_READY: "Tizim hali ishga tushmoqda. Bir daqiqadan keyin qayta urinib koʻring.",
    DATABASE_UNAVAILABLE:
      "Xizmat vaqtincha ishlamayapti. Bir necha soniyadan keyin qayta urinib koʻring.",
    NETWORK: "Server bilan aloqa yoʻq. Internetni tekshiring.",
    INTERNAL: "Serverda xato yuz berdi. Keyinroq qayta urinib koʻring.",
  },
};

/** Shape every translation of the shared texts must match: a missing key fails the typecheck. */
export type BaseMessages = Widen<typeof uz>;

/**
 * Every text of the app. The staff, portal, set-up and queue sections live in their own modules
 * so that each face (portal, staff, kiosk, board) bundles only the texts it shows (see `bundles/`).
 */
export type Messages = BaseMessages &
  StaffMessages &
  PortalMessages & {
    setup: SetupMessages;
    queue: Widen<typeof queueUz>;
    booking: Widen<typeof bookingUz>;
    kiosk: KioskScreenMessages;
    account: Widen<typeof accountUz>;
    notify: Widen<typeof notifyUz>;
    reports: ReportsMessages;
    fieldIssues: Widen<typeof fieldIssuesUz>;
  };
