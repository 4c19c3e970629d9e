// The chunk a `/locales` loader fetches for French (size-limit): `locales/fr` and its two halves.
import fr from '../../dist/locales/fr.js';

export default fr;
