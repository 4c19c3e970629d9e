// What a web mail client ships for `describe` and `explain` in French through the lean entry
// (size-limit): `locales/fr` is all of French, the enhanced status codes' texts included.
import { describe, explain, registerLocale } from '../../dist/core.js';
import fr from '../../dist/locales/fr.js';

registerLocale(fr);
export const text = describe(550, 'fr');
export const enhanced = explain('452 4.2.2 Mailbox full', 'fr').enhanced;
