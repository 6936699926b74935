type Lang = "uz" | "ru" | "en";

const texts: Record<Lang, { subject: (n: string) => string; body: (a: InviteArgs) => string }> = {
  uz: {
    subject: (n) => `${n}: E-Queue tizimingiz tayyor`,
    body: (a) =>
      `Assalomu alaykum!\n\n${a.companyName} uchun E-Queue navbat tizimi tayyor.\n\n` +
      `Kirish manzili: ${a.loginUrl}\nE-pochta: ${a.email}\nBir martalik parol: ${a.password}\n\n` +
      `Birinchi kirishda parolni almashtirishingiz kerak boʻladi. Parol ${a.validDays} kun amal qiladi.\n` +
      `Keyin filiallar, xizmatlar va operatorlarni sozlang, soʻng «Faollashtirishga tayyor» tugmasini bosing.\n\nE-Queue jamoasi`,
  },
  ru: {
    subject: (n) => `${n}: ваша система E-Queue готова`,
    body: (a) =>
      `Здравствуйте!\n\nСистема электронной очереди E-Queue для ${a.companyName} готова.\n\n` +
      `Адрес входа: ${a.loginUrl}\nЭл. почта: ${a.email}\nОдноразовый пароль: ${a.password}\n\n` +
      `При первом входе нужно сменить пароль. Пароль действует ${a.validDays} дней.\n` +
      `Затем настройте филиалы, услуги и операторов и нажмите «Готово к активации».\n\nКоманда E-Queue`,
  },
  en: {
    subject: (n) => `${n}: your E-Queue system is ready`,
    body: (a) =>
      `Hello!\n\nThe E-Queue system for ${a.companyName} is ready.\n\n` +
      `Log in at: ${a.loginUrl}\nE-mail: ${a.email}\nOne-time password: ${a.password}\n\n` +
      `You will be asked to change the password at first login. It is valid for ${a.validDays} days.\n` +
      `Then set up branches, services and operators, and press "Ready for activation".\n\nThe E-Queue team`,
  },
};

export type InviteArgs = {
  companyName: string;
  loginUrl: string;
  email: string;
  password: string;
  validDays: number;
  language: Lang;
};

/** The "your system is ready" e-mail, in the company's language. */
export function inviteEmail(a: InviteArgs) {
  const t = texts[a.language];
  return { subject: t.subject(a.companyName), text: t.body(a) };
}
