/**
 * What a guest asks of the board through a system controller (the
 * sifive_test syscon, SBI SRST via firmware): power off with an exit code,
 * or reset. The device reports it; the board decides what it means (stop
 * the run loop, restart the harts).
 */
export type PowerEvent = { readonly kind: 'poweroff'; readonly code: number } | { readonly kind: 'reset' };
