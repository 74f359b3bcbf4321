/**
 * IEEE 754-2008 binary32/binary64 arithmetic as the RISC-V F and D
 * extensions define it. binary32 values are raw bits (uint32 numbers);
 * binary64 values and 64-bit integers are int32 halves (lo, hi), and 64-bit
 * results are written to the FloatContext's lo/hi. Flags accrue into
 * ctx.flags. Rounding modes are 0..4 (see isValidRoundingMode).
 */
export { RoundingMode, isValidRoundingMode } from './rounding-mode.js';
export type { StaticRoundingMode } from './rounding-mode.js';
export { FFlag } from './fflags.js';
export { createFloatContext } from './float-context.js';
export type { FloatContext } from './float-context.js';
export { F32_CANONICAL_NAN, F64_CANONICAL_NAN_HI, F64_CANONICAL_NAN_LO } from './nan.js';
export { f32IsNaN, f32IsSignalingNaN, f64IsNaN, f64IsSignalingNaN } from './nan.js';
export { F32_BOX_HI, unboxF32 } from './nan-box.js';
export { f32Sgnj, f32Sgnjn, f32Sgnjx, f64SgnjHi, f64SgnjnHi, f64SgnjxHi } from './sign-inject.js';
export { f32Add, f32Sub, f32Mul, f32Div, f32Sqrt } from './f32-arith.js';
export { f32MulAdd, f32MulSub, f32NegMulSub, f32NegMulAdd } from './f32-arith.js';
export { f64Add, f64Sub, f64Mul, f64Div, f64Sqrt } from './f64-arith.js';
export { f64MulAdd, f64MulSub, f64NegMulSub, f64NegMulAdd } from './f64-arith.js';
export { f32Eq, f32Lt, f32Le, f32Min, f32Max, f32Class } from './compare.js';
export { f64Eq, f64Lt, f64Le, f64Min, f64Max, f64Class, FClass } from './compare.js';
export { f32ToF64, f64ToF32 } from './convert.js';
export { f32ToI32, f32ToU32, f32ToI64, f32ToU64, f64ToI32, f64ToU32, f64ToI64, f64ToU64 } from './convert.js';
export { i32ToF32, u32ToF32, i64ToF32, u64ToF32, i32ToF64, u32ToF64, i64ToF64, u64ToF64 } from './convert.js';
export type { FloatRegisters } from './f-registers.js';
export {
  faddD, fsubD, fmulD, fdivD, fsqrtD, fmaddD, fmsubD, fnmsubD, fnmaddD, fminD, fmaxD, feqD, fltD, fleD, fclassD,
  fcvtWD, fcvtWuD, fcvtLD, fcvtLuD, fcvtDW, fcvtDWu, fcvtDL, fcvtDLu,
  faddS, fsubS, fmulS, fdivS, fsqrtS, fmaddS, fmsubS, fnmsubS, fnmaddS, fminS, fmaxS, feqS, fltS, fleS, fclassS,
  fcvtWS, fcvtWuS, fcvtLS, fcvtLuS, fcvtSW, fcvtSWu, fcvtSL, fcvtSLu, fcvtSD, fcvtDS,
} from './f-registers.js';
