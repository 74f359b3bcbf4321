// The part of the WebAssembly JS API that rvhv uses. Node's types for v20
// do not declare it, and pulling in the DOM library would let browser-only
// globals leak into packages that must run in both hosts.
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
}
