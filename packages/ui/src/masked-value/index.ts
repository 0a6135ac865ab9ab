export { MaskedValue, type MaskedValueProps } from "./masked-value.tsx";
export { MASK_CHAR, maskAddress, maskDate, maskEmail, maskPhone } from "./masking.ts";
