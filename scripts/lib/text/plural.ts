/** A count with its noun in the right number: `counted(1, 'package')` is "1 package", `counted(2, 'package')` "2 packages". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
