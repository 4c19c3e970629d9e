// What a web mail client ships for `describe` in French through the lean entry (size-limit).
import { describe, registerLocale } from '../../dist/core.js';
import fr from '../../dist/locales/fr.js';

registerLocale(fr);
export const text = describe(550, 'fr');
