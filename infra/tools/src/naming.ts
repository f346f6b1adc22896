/** Words of a name in any case: `PriceListPublished`, `price-lists`, `priceList`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** The name as words of a sentence: `price list`. */
export function spacedWords(name: string): string {
  return words(name).join(' ');
}

export function kebabCase(name: string): string {
  return words(name).join('-');
}

export function snakeCase(name: string): string {
  return words(name).join('_');
}

export function camelCase(name: string): string {
  return words(name)
    .map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
}

export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `VARIABLE_CASE`, as environment variables are named. */
export function constantCase(name: string): string {
  return snakeCase(name).toUpperCase();
}

/** The singular of a plural English word, as far as topic names need it. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(x|ch|sh|ses)es$/.test(word)) return word.replace(/es$/, '');
  return word.replace(/s$/, '');
}
