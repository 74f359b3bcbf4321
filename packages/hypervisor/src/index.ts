// @rvhv/hypervisor: the TypeScript hypervisor (boot, G-stage tables, vCPU
// scheduling, SBI) is built on the hart's H extension and trap hook; it has
// no public API yet.
export {};
