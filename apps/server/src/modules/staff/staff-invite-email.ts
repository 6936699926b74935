type Lang = "uz" | "ru" | "en";

export type StaffInviteArgs = {
  companyName: string;
  personName: string;
  loginUrl: string;
  email: string;
  password: string;
  validDays: number;
  language: Lang;
  reset: boolean;
};

const texts: Record<
  Lang,
  { subject: (a: StaffInviteArgs) => string; body: (a: StaffInviteArgs) => string }
> = {
  uz: {
    subject: (a) =>
      a.reset
        ? `${a.companyName}: yangi bir martalik parol`
        : `${a.companyName}: E-Queue hisobingiz`,
    body: (a) =>
      `Assalomu alaykum, ${a.personName}!\n\n` +
      (a.reset
        ? `${a.companyName} E-Queue hisobingiz uchun yangi parol berildi.\n\n`
        : `${a.companyName} sizga E-Queue navbat tizimida hisob ochdi.\n\n`) +
      `Kirish manzili: ${a.loginUrl}\nE-pochta: ${a.email}\nBir martalik parol: ${a.password}\n\n` +
      `Birinchi kirishda parolni almashtirishingiz kerak boʻladi. Parol ${a.validDays} kun amal qiladi.\n\nE-Queue`,
  },
  ru: {
    subject: (a) =>
      a.reset
        ? `${a.companyName}: новый одноразовый пароль`
        : `${a.companyName}: ваша учётная запись E-Queue`,
    body: (a) =>
      `Здравствуйте, ${a.personName}!\n\n` +
      (a.reset
        ? `Для вашей учётной записи E-Queue в ${a.companyName} выдан новый пароль.\n\n`
        : `${a.companyName} создала для вас учётную запись в системе очереди E-Queue.\n\n`) +
      `Адрес входа: ${a.loginUrl}\nЭл. почта: ${a.email}\nОдноразовый пароль: ${a.password}\n\n` +
      `При первом входе нужно сменить пароль. Пароль действует ${a.validDays} дней.\n\nE-Queue`,
  },
  en: {
    subject: (a) =>
      a.reset
        ? `${a.companyName}: a new one-time password`
        : `${a.companyName}: your E-Queue account`,
    body: (a) =>
      `Hello ${a.personName},\n\n` +
      (a.reset
        ? `A new password was issued for your E-Queue account at ${a.companyName}.\n\n`
        : `${a.companyName} created an account for you in the E-Queue queue system.\n\n`) +
      `Log in at: ${a.loginUrl}\nE-mail: ${a.email}\nOne-time password: ${a.password}\n\n` +
      `You will be asked to change it at first login. It is valid for ${a.validDays} days.\n\nE-Queue`,
  },
};

/** The invite (or password reset) e-mail for a staff member, in the company's language. */
export function staffInviteEmail(a: StaffInviteArgs) {
  const t = texts[a.language];
  return { subject: t.subject(a), text: t.body(a) };
}
