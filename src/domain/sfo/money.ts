const kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in øre as Norwegians write kroner: `1 320,00 kr` (the same in nb, nn and en, as on a Norwegian invoice). */
export function formatKroner(ore: number): string {
  return `${kroner.format(ore / 100).replace(/\u00a0|\u202f/g, '\u00a0')}\u00a0kr`;
}
