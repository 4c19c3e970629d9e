// What an i18next app ships for French through `/i18next` (size-limit): the helpers and the language given.
import { smtpNamespace, toI18nextBundle } from '../../dist/i18next.js';
import fr from '../../dist/locales/fr.js';

export const resources = { fr: { [smtpNamespace]: toI18nextBundle(fr) } };
