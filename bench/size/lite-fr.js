// What a web mail client ships for `describe` in French through the smallest entry (size-limit:
// the budget of 3 kB brotli, checked in `npm test`).
import { describe, registerLocale } from '../../dist/lite.js';
import fr from '../../dist/locales/fr.js';

registerLocale(fr);
export const text = describe(550, 'fr');
