// What an i18next app ships for every language at once through `/i18next/all` (size-limit).
import { smtpResources } from '../../dist/i18next-all.js';

export const resources = smtpResources();
