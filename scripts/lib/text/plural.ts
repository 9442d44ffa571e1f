/** The noun in the number `n` asks for, where the count itself is said elsewhere or not at all: `noun(2, 'bundle')` is "bundles". */
export function noun(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count with its noun in the right number: `counted(1, 'package')` is "1 package", `counted(2, 'package')` "2 packages". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${noun(n, one, many)}`;
}
