/**
 * A field problem by its stable code from the server (`details[].code`, here in camelCase so
 * `too_many` is not read as a plural form); `{{count}}` is the
 * bound (`params.min` or `params.max`). Uzbek counts take no plural, but the keys follow the
 * plural forms other languages need.
 */
export const fieldIssuesUz = {
  required: "Bu maydonni toʻldiring.",
  tooShort_one: "Kamida {{count}} ta belgi kiriting.",
  tooShort_other: "Kamida {{count}} ta belgi kiriting.",
  tooLong_one: "Koʻpi bilan {{count}} ta belgi kiriting.",
  tooLong_other: "Koʻpi bilan {{count}} ta belgi kiriting.",
  tooSmall: "Kamida {{count}} boʻlishi kerak.",
  tooBig: "Koʻpi bilan {{count}} boʻlishi kerak.",
  tooFew: "Kamida {{count}} tasini tanlang.",
  tooMany: "Koʻpi bilan {{count}} tasini tanlang.",
  invalidType: "Qiymat notoʻgʻri.",
  invalidChoice: "Roʻyxatdagi qiymatlardan birini tanlang.",
  invalidPhone: "Telefon raqamini +998 90 123 45 67 koʻrinishida kiriting.",
  invalidEmail: "E-pochta manzilini toʻgʻri kiriting.",
  invalidUrl: "Manzilni toʻliq kiriting, masalan: https://misol.uz",
  invalidId: "Qiymatni roʻyxatdan qayta tanlang.",
  invalidDate: "Sanani 2026-03-21 koʻrinishida kiriting.",
  invalidTime: "Vaqtni 09:00 koʻrinishida kiriting.",
  invalidTimeZone: "Vaqt mintaqasini roʻyxatdan tanlang, masalan: Asia/Tashkent.",
  invalidColour: "Rangni palitradan tanlang.",
  invalidSlug: "Faqat lotin harflari, raqamlar va bittadan chiziqcha ishlating.",
  invalidCode: "6 xonali kodni kiriting.",
  invalidFormat: "Qiymat koʻrinishi notoʻgʻri.",
  unknownField: "Bu maydon qabul qilinmaydi.",
  unreadableText: "Matnda koʻrinmas yoki buzilgan belgilar bor — ularni oʻchiring.",
  taken: "Bu qiymat allaqachon ishlatilgan.",
  notFound: "Tanlangan yozuv topilmadi. Roʻyxatni yangilab, qayta tanlang.",
  listedTwice: "Bu qiymat ikki marta tanlangan.",
  endsBeforeStart: "Tugash vaqti boshlanish vaqtidan keyin boʻlsin.",
  outsideHours: "Tanaffus ish vaqti ichida boʻlsin.",
  overlaps: "Tanaffuslar ustma-ust tushmoqda — birini koʻchiring yoki ularni birlashtiring.",
  noWorkingTime:
    "Tanaffuslar butun ish kunini egallamoqda — ish vaqti qoldiring yoki kunni dam olish kuni qiling.",
  closedDay: "Dam olish kuni uchun ish vaqti kiritilmaydi.",
  inThePast: "Bu vaqt allaqachon oʻtgan — keyingi sanani tanlang.",
  otherBranch: "Bu boshqa filialga tegishli — shu filialdagisini tanlang.",
  invalid: "Qiymat notoʻgʻri.",
};
