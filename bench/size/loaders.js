// What a web mail client ships in its entry chunk for lazy loading through `/locales` (size-limit,
// with code splitting as bundlers do it): the loaders, no language; each language is a chunk.
import { localeLoaders } from '../../dist/locales/index.js';

export const load = (lang) => localeLoaders[lang]?.();
