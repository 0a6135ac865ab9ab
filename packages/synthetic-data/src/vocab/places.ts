/** Countries grouped into sales regions, with cities and formats for postal codes and phone numbers. */
export interface Country {
  code: string;
  name: string;
  region: string;
  cities: readonly string[];
  /** `#` becomes a digit, `A` an uppercase letter. */
  postalPattern: string;
  phonePrefix: string;
  timezone: string;
  /** Relative share of the customer base. */
  weight: number;
}

export const countries: readonly Country[] = [
  {
    code: "US",
    name: "United States",
    region: "north_america",
    cities: ["New York", "Chicago", "Austin", "Seattle", "Denver", "Atlanta", "Boston", "Phoenix"],
    postalPattern: "#####",
    phonePrefix: "+1 555 01",
    timezone: "America/Chicago",
    weight: 30,
  },
  {
    code: "CA",
    name: "Canada",
    region: "north_america",
    cities: ["Toronto", "Vancouver", "Montreal", "Calgary", "Ottawa"],
    postalPattern: "A#A #A#",
    phonePrefix: "+1 555 02",
    timezone: "America/Toronto",
    weight: 6,
  },
  {
    code: "GB",
    name: "United Kingdom",
    region: "emea",
    cities: ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Birmingham"],
    postalPattern: "AA# #AA",
    phonePrefix: "+44 7700 900",
    timezone: "Europe/London",
    weight: 10,
  },
  {
    code: "DE",
    name: "Germany",
    region: "emea",
    cities: ["Berlin", "Munich", "Hamburg", "Cologne", "Frankfurt", "Stuttgart"],
    postalPattern: "#####",
    phonePrefix: "+49 1520 000",
    timezone: "Europe/Berlin",
    weight: 9,
  },
  {
    code: "FR",
    name: "France",
    region: "emea",
    cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille"],
    postalPattern: "#####",
    phonePrefix: "+33 6 00 00",
    timezone: "Europe/Paris",
    weight: 7,
  },
  {
    code: "NL",
    name: "Netherlands",
    region: "emea",
    cities: ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"],
    postalPattern: "#### AA",
    phonePrefix: "+31 6 000",
    timezone: "Europe/Amsterdam",
    weight: 3,
  },
  {
    code: "ES",
    name: "Spain",
    region: "emea",
    cities: ["Madrid", "Barcelona", "Valencia", "Seville", "Bilbao"],
    postalPattern: "#####",
    phonePrefix: "+34 600 000",
    timezone: "Europe/Madrid",
    weight: 4,
  },
  {
    code: "SE",
    name: "Sweden",
    region: "emea",
    cities: ["Stockholm", "Gothenburg", "Malmo", "Uppsala"],
    postalPattern: "### ##",
    phonePrefix: "+46 70 000",
    timezone: "Europe/Stockholm",
    weight: 2,
  },
  {
    code: "AE",
    name: "United Arab Emirates",
    region: "emea",
    cities: ["Dubai", "Abu Dhabi", "Sharjah"],
    postalPattern: "#####",
    phonePrefix: "+971 50 000",
    timezone: "Asia/Dubai",
    weight: 2,
  },
  {
    code: "ZA",
    name: "South Africa",
    region: "emea",
    cities: ["Johannesburg", "Cape Town", "Durban", "Pretoria"],
    postalPattern: "####",
    phonePrefix: "+27 60 000",
    timezone: "Africa/Johannesburg",
    weight: 2,
  },
  {
    code: "NG",
    name: "Nigeria",
    region: "emea",
    cities: ["Lagos", "Abuja", "Ibadan"],
    postalPattern: "######",
    phonePrefix: "+234 800 000",
    timezone: "Africa/Lagos",
    weight: 2,
  },
  {
    code: "IN",
    name: "India",
    region: "apac",
    cities: ["Mumbai", "Bengaluru", "Delhi", "Hyderabad", "Chennai", "Pune"],
    postalPattern: "######",
    phonePrefix: "+91 90000",
    timezone: "Asia/Kolkata",
    weight: 7,
  },
  {
    code: "JP",
    name: "Japan",
    region: "apac",
    cities: ["Tokyo", "Osaka", "Yokohama", "Nagoya", "Fukuoka"],
    postalPattern: "###-####",
    phonePrefix: "+81 90 0000",
    timezone: "Asia/Tokyo",
    weight: 4,
  },
  {
    code: "SG",
    name: "Singapore",
    region: "apac",
    cities: ["Singapore"],
    postalPattern: "######",
    phonePrefix: "+65 8000",
    timezone: "Asia/Singapore",
    weight: 2,
  },
  {
    code: "AU",
    name: "Australia",
    region: "apac",
    cities: ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"],
    postalPattern: "####",
    phonePrefix: "+61 491 570",
    timezone: "Australia/Sydney",
    weight: 4,
  },
  {
    code: "BR",
    name: "Brazil",
    region: "latam",
    cities: ["Sao Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Recife"],
    postalPattern: "#####-###",
    phonePrefix: "+55 11 90000",
    timezone: "America/Sao_Paulo",
    weight: 4,
  },
  {
    code: "MX",
    name: "Mexico",
    region: "latam",
    cities: ["Mexico City", "Guadalajara", "Monterrey", "Puebla"],
    postalPattern: "#####",
    phonePrefix: "+52 55 0000",
    timezone: "America/Mexico_City",
    weight: 3,
  },
];

export const countryWeights = countries.map((c) => [c, c.weight] as const);

export const streetNames = [
  "Maple",
  "Oak",
  "Cedar",
  "Elm",
  "Pine",
  "Harbor",
  "River",
  "Station",
  "Market",
  "Church",
  "Mill",
  "Park",
  "Lake",
  "Hill",
  "Garden",
  "Bridge",
  "King",
  "Queen",
  "Victoria",
  "High",
  "Meadow",
  "Willow",
  "Sunset",
  "Forest",
  "Orchard",
  "Canal",
  "Castle",
  "Spring",
  "Union",
  "Library",
] as const;

export const streetKinds = [
  "Street",
  "Avenue",
  "Road",
  "Lane",
  "Way",
  "Drive",
  "Place",
  "Boulevard",
] as const;

/** Fills a `#`/`A` pattern from a digit/letter source. */
export function fillPattern(pattern: string, digit: () => number, letter: () => number): string {
  let out = "";
  for (const ch of pattern) {
    if (ch === "#") out += String(digit());
    else if (ch === "A") out += String.fromCharCode(65 + letter());
    else out += ch;
  }
  return out;
}
