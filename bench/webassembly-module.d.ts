// The part of the WebAssembly JS API the translation prototype needs beyond
// types/webassembly.d.ts (which declares Memory only): compiling a module
// and instantiating it synchronously. Declaration merging adds these to the
// same namespace, for the benchmarks only.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
