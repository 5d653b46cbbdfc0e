// Which language a message is written in: the customer's locale ('de', 'de-AT', 'en-GB', …) by its
// language part, when we have templates for it; English otherwise, so nobody gets no message.
export const TEMPLATE_LOCALES = ['en', 'de'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export const FALLBACK_LOCALE: TemplateLocale = 'en';

export function templateLocaleOf(locale: string | null | undefined): TemplateLocale {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (TEMPLATE_LOCALES as readonly string[]).includes(language) ? (language as TemplateLocale) : FALLBACK_LOCALE;
}
