/**
 * Fixed vocabularies of the simulated platform. Weights are relative frequencies. Order matters:
 * the PRNG draws an index, so reordering or inserting an entry changes every replay.
 */
import { WeightedList } from "./sampling";

export const CATEGORIES = ["Gaming", "Beauty", "Comedy", "Music", "Sports", "Food", "Education", "Pets", "Travel", "Tech"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_WEIGHTS = new WeightedList<Category>([
  ["Gaming", 12],
  ["Beauty", 10],
  ["Comedy", 16],
  ["Music", 14],
  ["Sports", 9],
  ["Food", 10],
  ["Education", 6],
  ["Pets", 9],
  ["Travel", 7],
  ["Tech", 7],
]);

export const HASHTAGS: Readonly<Record<Category, readonly string[]>> = {
  Gaming: ["gaming", "gamer", "speedrun", "esports", "minecraft", "retrogaming", "gamingclips", "pcgaming"],
  Beauty: ["beauty", "makeup", "skincare", "grwm", "nails", "hairstyle", "makeuptutorial", "glowup"],
  Comedy: ["comedy", "funny", "prank", "skit", "memes", "standup", "relatable", "lol"],
  Music: ["music", "cover", "singing", "guitar", "newmusic", "dance", "piano", "remix"],
  Sports: ["sports", "football", "basketball", "workout", "soccer", "gym", "highlights", "running"],
  Food: ["food", "recipe", "cooking", "foodie", "streetfood", "baking", "asmrfood", "easyrecipe"],
  Education: ["learn", "science", "history", "studytips", "math", "facts", "language", "howto"],
  Pets: ["pets", "dog", "cat", "puppy", "kitten", "animals", "cute", "doglife"],
  Travel: ["travel", "wanderlust", "travelvlog", "beach", "roadtrip", "hiking", "citybreak", "traveltips"],
  Tech: ["tech", "gadgets", "smartphone", "ai", "coding", "desksetup", "unboxing", "review"],
};

export const COUNTRIES = new WeightedList<string>([
  ["US", 18],
  ["IN", 12],
  ["BR", 10],
  ["ID", 8],
  ["MX", 6],
  ["GB", 5],
  ["JP", 5],
  ["PH", 5],
  ["DE", 4],
  ["FR", 4],
  ["TR", 4],
  ["VN", 4],
  ["KR", 3],
  ["TH", 3],
  ["CA", 3],
  ["EG", 2],
  ["NG", 2],
  ["ES", 2],
]);

export const DEVICE_OS = ["iOS", "Android"] as const;
export type DeviceOs = (typeof DEVICE_OS)[number];
export const IOS_SHARE = 0.45;

export const DEVICE_MODELS: Readonly<Record<DeviceOs, WeightedList<string>>> = {
  iOS: new WeightedList<string>([
    ["iPhone 16 Pro", 10],
    ["iPhone 16", 12],
    ["iPhone 15 Pro", 12],
    ["iPhone 15", 16],
    ["iPhone 14", 16],
    ["iPhone 13", 14],
    ["iPhone 12", 10],
    ["iPhone SE", 6],
  ]),
  Android: new WeightedList<string>([
    ["Galaxy S24", 9],
    ["Galaxy S23", 9],
    ["Galaxy A54", 12],
    ["Galaxy A15", 12],
    ["Pixel 8", 6],
    ["Pixel 7a", 5],
    ["Redmi Note 13", 13],
    ["Redmi 13C", 9],
    ["Oppo A78", 8],
    ["Vivo Y36", 7],
    ["OnePlus 12", 4],
    ["Moto G84", 6],
  ]),
};

export const NETWORKS = new WeightedList<string>([
  ["wifi", 55],
  ["4g", 27],
  ["5g", 13],
  ["3g", 5],
]);

/** Newest first; newer versions are more common because most users auto-update. */
export const APP_VERSIONS = new WeightedList<string>([
  ["6.2.0", 38],
  ["6.1.3", 27],
  ["6.1.0", 15],
  ["6.0.2", 12],
  ["5.9.8", 8],
]);

export const VR_HEADSETS = new WeightedList<string>([
  ["Quest 3", 40],
  ["Quest 3S", 25],
  ["Vision Pro", 15],
  ["PICO 4", 12],
  ["PS VR2", 8],
]);

export const LTV_SEGMENTS = ["VIP", "High", "Low"] as const;
export type LtvSegment = (typeof LTV_SEGMENTS)[number];
export const LTV_VIP = 0;
export const LTV_HIGH = 1;
export const LTV_LOW = 2;
/** Shares of VIP and High at world creation; the rest are Low. */
export const LTV_VIP_SHARE = 0.02;
export const LTV_HIGH_SHARE = 0.18;
