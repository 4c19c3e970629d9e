// What a web mail client ships for `describe` in French through the smallest entry (size-limit):
// `/lite` reads the codes-only half of a language, `locales/<lang>.codes`.
import { describe, registerLocale } from '../../dist/lite.js';
import fr from '../../dist/locales/fr.codes.js';

registerLocale(fr);
export const text = describe(550, 'fr');
