// What a web mail client ships for `describe` through the main entry, every language (size-limit).
import { describe } from '../../dist/index.js';

export const text = describe(550, 'fr');
