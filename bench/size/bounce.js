// What a web mail client ships to read bounces (size-limit): explainBounce, every language, postal-mime.
import { explainBounce } from '../../dist/bounce.js';

export const read = (message) => explainBounce(message, 'fr');
