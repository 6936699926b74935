/**
 * The public portal's texts (company directory, branches, joining a queue) —
 * Uzbek (Latin), the source of keys. Loaded by that face only.
 */
export const uzPortal = {
  portal: {
    title: "E-Queue",
    ratingLabel: "Baho: {{average}} / 5, {{count}} ta baho",
    scan: {
      linkLabel: "Talon QR kodini skanerlash",
      title: "Talonni skanerlash",
      hint: "Talondagi QR kodga kamerani qarating — talon sahifasi ochiladi.",
      start: "Kamerani yoqish",
      stop: "Kamerani oʻchirish",
      camera: "Kamera tasviri",
      notOurs: "Bu QR kod bizning talonimiz emas. E-Queue talonidagi kodni skanerlang.",
      opening: "Talon ochilmoqda…",
      cameraDenied:
        "Kameraga ruxsat berilmagan. Brauzer sozlamalarida ruxsat bering va qayta urining.",
      cameraUnavailable: "Bu qurilmada kamera yoʻq.",
    },
    myTickets: "Talonlarim",
    tagline:
      "Navbatda turmang — navbatni onlayn oling. Banklar, klinikalar va davlat xizmatlari bir joyda.",
    companiesTitle: "Kompaniyalar",
    empty: "Hozircha faol kompaniyalar yo‘q",
    emptyHint: "Kompaniyalar ulanganidan keyin shu yerda paydo bo‘ladi.",
    adminLink: "Platforma administratori",
    searchLabel: "Kompaniya yoki xizmatni qidirish",
    searchPlaceholder: "Masalan: bank, klinika",
    noMatch: "“{{search}}” boʻyicha hech narsa topilmadi",
    branchesTitle: "Filiallar",
    noBranches: "Bu kompaniyada hozircha mijozlarni qabul qiladigan filial yoʻq.",
    openNow: "Hozir ochiq",
    closedNow: "Hozir yopiq",
    todayHours: "Bugun: {{open}}–{{close}}",
    todayClosed: "Bugun dam olish kuni",
    breakAt: "Tanaffus {{start}}–{{end}}",
    weekTitle: "Ish vaqti",
    weekday: {
      "1": "Dushanba",
      "2": "Seshanba",
      "3": "Chorshanba",
      "4": "Payshanba",
      "5": "Juma",
      "6": "Shanba",
      "7": "Yakshanba",
    },
    dayClosed: "Yopiq",
    shortDay: "Qisqartirilgan kun",
    holiday: "Bayram / dam olish",
    call: "Qoʻngʻiroq qilish",
    map: "Xaritada ochish",
    chooseService: "Xizmatni tanlang",
    servicesTitle: "Xizmatlar",
    waitingNow: "Navbatda: {{count}} kishi",
    operatorsNow: "Xizmat koʻrsatmoqda: {{count}} operator",
    noOperatorsNow: "Hozir operator yoʻq",
    waitRange: "Kutish: {{low}}–{{high}} daqiqa",
    waitNone: "Kutish deyarli yoʻq",
    bookTime: "Oldindan yozilish",
    join: "Navbatga turish",
    joinTitle: "{{service}} — navbatga turish",
    joinIntro: "Telefon raqamingizni kiriting: talon va uni kuzatish havolasi shu yerda chiqadi.",
    phone: "Telefon raqami",
    phoneInvalid: "Oʻzbekiston mobil raqamini kiriting, masalan 90 123 45 67.",
    phoneHint: "Masalan: 90 123 45 67",
    name: "Ismingiz (ixtiyoriy)",
    joinSubmit: "Talon olish",
    joining: "Talon olinmoqda…",
    joinUnavailable: "Onlayn navbat hozir mavjud emas",
    backToCompany: "Barcha filiallar",
    backToDirectory: "Barcha kompaniyalar",
    refreshed: "Maʼlumot har 30 soniyada yangilanadi",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Shape every translation must match. */
export type PortalMessages = Widen<typeof uzPortal>;
