// Writes customers-export.csv beside this file: 100 customers shaped like a typical export of
// another tool (names, a company with commas in quoted names, city, country names as such tools
// write them, two phone columns with extensions in three styles, e-mail, website, birthday in
// MM/dd/yyyy). Deterministic (a fixed-seed generator), no downloads:
//   node packages/customers/test-fixtures/make-customers-export.mjs
import { writeFileSync } from 'node:fs';

let seed = 0x5e11c17;
function next() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (low, high) => low + Math.floor(next() * (high - low + 1));
const pick = (list) => list[Math.floor(next() * list.length)];
const digits = (n) => Array.from({ length: n }, () => String(int(0, 9))).join('');

const FIRST = [
  'Sheryl',
  'Preston',
  'Roy',
  'Linda',
  'Joanna',
  'Aimee',
  'Darren',
  'Brett',
  'Sheryl',
  'Michelle',
  'Alexandra',
  'Carl',
  'Frederick',
  'Jared',
  'Emily',
  'Kristine',
  'Colin',
  'Ruth',
  'Nathan',
  'Tina',
];
const LAST = [
  'Baxter',
  'Lozano',
  'Berry',
  'Olsen',
  'Bender',
  'Rasmussen',
  'Sullivan',
  'Chung',
  'Mcmillan',
  'Donovan',
  'Hoffman',
  'Ramos',
  'Walsh',
  'Curtis',
  'Pratt',
  'Fuentes',
  'Holt',
  'Wang',
  'Moss',
  'Reid',
];
const CITIES = [
  'East Leonard',
  'East Jimmychester',
  'Isabelborough',
  'West Samuel',
  'Beckymouth',
  'Lake Elijahview',
  'North Adam',
  'Port Brandonview',
];
// Country names as such exports write them: most resolve to a code, some need a valueMap.
const COUNTRIES = [
  'Chile',
  'Djibouti',
  'Antigua and Barbuda',
  'Dominican Republic',
  'Slovakia (Slovak Republic)',
  'Bosnia and Herzegovina',
  'Pakistan',
  'Panama',
  'Falkland Islands (Malvinas)',
  'Korea',
  'Korea, Republic of',
  'South Korea',
  'Swaziland',
  'China',
  '中国',
  'United States of America',
  'Germany',
  'Brazil',
  'Netherlands',
  "Cote d'Ivoire",
];
// Area codes that exist, so the numbers are real-looking NANP numbers.
const AREAS = ['212', '415', '940', '534', '367', '646', '303', '512', '206', '617', '702', '818'];
const SUFFIXES = ['Group', 'PLC', 'LLC', 'Ltd', 'Inc'];
const TLDS = ['com', 'net', 'org', 'co.uk', 'info', 'biz'];

function phone(style) {
  const area = pick(AREAS);
  const exchange = `${int(2, 9)}${digits(2)}`;
  const line = digits(4);
  switch (style) {
    case 0:
      return `+1-${area}-${exchange}-${line}x${digits(4)}`;
    case 1:
      return `(${area})${exchange}-${line}x${digits(3)}`;
    case 2:
      return `001-${area}-${exchange}-${line}x${digits(5)}`;
    case 3:
      return `${area}.${exchange}.${line}`;
    case 4:
      return `+1-${area}-${exchange}-${line}`;
    case 5:
      return `${area}-${exchange}-${line}`;
    default:
      return pick(['+86 138 0013 8000', '+44 20 7946 0958', '+49 30 1234567']);
  }
}

function quoted(value) {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const rows = [
  [
    'Index',
    'Customer Id',
    'First Name',
    'Last Name',
    'Company',
    'City',
    'Country',
    'Phone 1',
    'Phone 2',
    'Email',
    'Birthday',
    'Website',
  ],
];
const companies = new Set();
for (let index = 1; index <= 100; index++) {
  const first = pick(FIRST);
  const last = pick(LAST);
  let company;
  do {
    const shape = int(0, 2);
    const [a, b, c] = [pick(LAST), pick(LAST), pick(LAST)];
    company =
      shape === 0 ? `${a}, ${b} and ${c}` : shape === 1 ? `${a}-${b}` : `${a} ${pick(SUFFIXES)}`;
  } while (companies.has(company));
  companies.add(company);
  const slug = company.toLowerCase().replace(/[^a-z]+/g, '');
  const tld = pick(TLDS);
  const website = pick([
    `https://www.${slug}.${tld}/`,
    `http://${slug}.${tld}/`,
    `https://shop.${slug}.${tld}/`,
  ]);
  const email = pick([
    `${first}.${last}@${slug}.${tld}`.toLowerCase(),
    `${first}${last}@${slug}.${tld}`,
    `${first[0]}${last}@mail.${slug}.${tld}`.toLowerCase(),
  ]);
  // Every row has a first phone in one of the three extension styles; the second may be empty.
  const phone1 = phone(index % 3);
  const phone2 = index % 4 === 0 ? '' : phone(int(3, 6));
  const birthday = `${String(int(1, 12)).padStart(2, '0')}/${String(int(1, 28)).padStart(2, '0')}/${int(1950, 2000)}`;
  rows.push([
    String(index),
    `C${String(index).padStart(4, '0')}${digits(6)}`,
    first,
    last,
    company,
    pick(CITIES),
    COUNTRIES[(index - 1) % COUNTRIES.length],
    phone1,
    phone2,
    email,
    birthday,
    website,
  ]);
}
writeFileSync(
  new URL('./customers-export.csv', import.meta.url),
  `${rows.map((row) => row.map(quoted).join(',')).join('\n')}\n`,
);
