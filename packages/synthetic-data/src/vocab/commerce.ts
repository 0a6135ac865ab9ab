/** Vocabulary for customer interactions. */
export const products = [
  "wireless headphones",
  "running shoes",
  "espresso machine",
  "phone case",
  "winter jacket",
  "smart watch",
  "yoga mat",
  "air fryer",
  "backpack",
  "desk lamp",
  "bluetooth speaker",
  "office chair",
  "water bottle",
  "linen shirt",
  "blender",
  "e-reader",
  "gaming mouse",
  "sunglasses",
  "cookware set",
  "travel adapter",
] as const;

export const supportTopics = [
  "a late delivery",
  "a damaged parcel",
  "a double charge",
  "a missing refund",
  "a login problem",
  "a warranty claim",
  "an address change",
  "a promo code that was rejected",
  "loyalty points",
  "a subscription renewal",
] as const;

export const returnReasons = [
  "wrong size",
  "arrived damaged",
  "not as described",
  "changed mind",
  "better price elsewhere",
  "defective",
] as const;

export const campaigns = [
  "spring sale",
  "loyalty double points",
  "new arrivals",
  "back to school",
  "black friday",
  "winter clearance",
] as const;

export const accountFields = [
  "shipping address",
  "phone number",
  "email preferences",
  "payment method",
  "password",
] as const;

export const reviewQuotes = [
  "exactly what I needed",
  "good value for the price",
  "stopped working after a week",
  "fast delivery, great quality",
  "smaller than expected",
  "would buy again",
  "customer service sorted it quickly",
  "instructions were unclear",
] as const;
