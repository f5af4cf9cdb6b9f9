/**
 * Name pools for demo customers and staff: several cultures, with the awkward cases real data
 * has (non-ASCII letters, apostrophes, hyphens, particles, suffixes written with a comma).
 */

export const CULTURES = [
  'filipino',
  'anglo',
  'hispanic',
  'east_asian',
  'south_asian',
  'maori_pacific',
  'european',
  'african',
  'arabic',
  'japanese',
] as const;
export type Culture = (typeof CULTURES)[number];

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS: Record<Culture, NamePool> = {
  filipino: {
    first: ['Juan', 'María', 'José', 'Angelica', 'Mark', 'Kristine', 'Paolo', 'Jasmine', 'Rhea', 'Carlo', 'Bea', 'Miguel', 'Jericho', 'Lorna', 'Rommel', 'Maricel', 'Ramon', 'Divina', 'Jun', 'Liza'],
    last: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'dela Cruz', 'Garcia', 'Mendoza', 'Villanueva', 'Aquino', 'Ramos', 'Castillo', 'Del Rosario', 'Navarro', 'Pascual', 'Manalo', 'Tolentino', 'Soriano', 'Dizon'],
  },
  anglo: {
    first: ['James', 'Olivia', 'Michael', 'Emily', 'Daniel', 'Sarah', 'Matthew', 'Jessica', 'Ryan', 'Hannah', 'Liam', 'Chloe', 'Noah', 'Grace', 'Ethan', 'Megan', 'Tyler', 'Ashley', 'Connor', 'Brooke'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', "O'Brien", "O'Connor", 'McAllister', 'Harris', 'Thompson', 'Robinson', 'Wright', 'Evans', 'Murphy', 'Baker-Hughes', 'Fitzgerald', 'Campbell'],
  },
  hispanic: {
    first: ['José', 'María', 'Alejandro', 'Lucía', 'Javier', 'Sofía', 'Diego', 'Valentina', 'Andrés', 'Camila', 'Mateo', 'Ximena', 'Tomás', 'Renata', 'Joaquín', 'Guadalupe', 'Iñaki', 'Begoña'],
    last: ['García', 'Martínez', 'Hernández', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Núñez', 'Ortiz', 'García-López', 'de la Fuente', 'Muñoz', 'Peña'],
  },
  east_asian: {
    first: ['Wei', 'Mei', 'Jun', 'Xiu', 'Hao', 'Ling', 'Min-jun', 'Seo-yeon', 'Ji-ho', 'Thanh', 'Linh', 'Minh', 'Kai', 'Yan', 'Bo', 'Hui'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Kim', 'Park', 'Lee', 'Nguyen', 'Nguyễn', 'Tran', 'Trần', 'Wong', 'Tan', 'Lim', 'Ng'],
  },
  south_asian: {
    first: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Aisha', 'Vikram', 'Kavya', 'Aditya', 'Neha', 'Sanjay', 'Deepa', 'Rahul', 'Zara', 'Imran', 'Lakshmi', 'Harpreet'],
    last: ['Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Iyer', 'Reddy', 'Nair', 'Khan', 'Desai', 'Menon', 'Chatterjee', 'Bhattacharya', 'Rao', 'Kapoor', 'Siddiqui'],
  },
  maori_pacific: {
    first: ['Aroha', 'Tane', 'Mere', 'Wiremu', 'Ngaio', 'Hemi', 'Anahera', 'Rangi', 'Malia', 'Sione', 'Losa', 'Tavita', 'Kiri', 'Manaia', 'Hinemoa', 'Tui'],
    last: ['Ngata', 'Parata', 'Tane', 'Walker', 'Te Whata', 'Tuhiwai', 'Fonoti', 'Tuilagi', 'Faleolo', 'Kingi', 'Horomona', 'Tapsell', 'Pōtae', 'Rāwiri'],
  },
  european: {
    first: ['Zoë', 'Émile', 'Björn', 'Siobhán', 'Łukasz', 'Søren', 'Chloé', 'François', 'Jürgen', 'Ségolène', 'Niamh', 'Agnieszka', 'Matthias', 'Inès', 'Giulia', 'Lorenzo', 'Ólafur', 'Dagný', 'Håkon', 'Zsófia'],
    last: ['Müller', 'Dubois', 'Nowak', 'Kowalski', "D'Angelo", 'Ó Súilleabháin', 'Schröder', 'Van der Berg', 'Lefèvre', 'Rossi', 'Jensen', 'Wiśniewski', 'Fischer', 'Bianchi', 'Nilsson', 'Kovács', 'Papadopoulos', 'Öztürk'],
  },
  african: {
    first: ['Ngozi', 'Chinedu', 'Thandiwe', 'Kwame', 'Amara', 'Sipho', 'Zanele', 'Tendai', 'Kofi', 'Nomvula', 'Oluwaseun', 'Fatoumata', 'Lerato', 'Bongani', 'Adaeze', 'Thabo'],
    last: ['Okafor', 'Mensah', 'Dlamini', 'Nkosi', 'Adeyemi', 'Mokoena', 'Osei', 'Ndlovu', 'Khumalo', 'Eze', 'Boateng', 'Mahlangu', 'Okonkwo', 'Van Wyk', 'Botha', 'Naidoo'],
  },
  arabic: {
    first: ['Omar', 'Fatima', 'Ahmed', 'Layla', 'Yusuf', 'Mariam', 'Khalid', 'Noor', 'Hassan', 'Aisha', 'Tariq', 'Salma', 'Rami', 'Yasmin', 'Karim', 'Hala'],
    last: ['Al Mansouri', 'Haddad', 'Khoury', 'Al-Farsi', 'Nasser', 'Saleh', 'Hamdan', 'El-Amin', 'Aziz', 'Rahman', 'Qasim', 'Al Nuaimi', 'Darwish', 'Farouk'],
  },
  japanese: {
    first: ['Hiroshi', 'Yuki', 'Haruto', 'Sakura', 'Kenji', 'Aiko', 'Takumi', 'Yui', 'Sōta', 'Hina', 'Ren', 'Mio', 'Daiki', 'Emi', 'Kaito', 'Rin'],
    last: ['Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Itō', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Saitō', 'Katō', 'Yoshida', 'Yamada', 'Sasaki', 'Matsumoto', 'Inoue', 'Kimura'],
  },
};

/** Generational suffixes, written the way front desks type them (with a comma). */
export const NAME_SUFFIXES = [', Jr.', ', Sr.', ' III', ', Jr', ' II'] as const;

/** Staff first names: a mixed team, as on a real rota. */
export const STAFF_NAMES = [
  'Émile', 'Zoë', 'Siobhán', 'Dee', 'Carlo', 'Ana', 'Farah', 'Ben', 'Kenji', 'Priya', 'Mateus', 'Ngozi', 'Tomás',
  'Björn', 'Aroha', 'Malia', 'Jun', 'Leïla', 'Rafa', 'Sipho', 'Yuki', 'Marco', 'Inès', 'Dara', 'Hemi', 'Omar',
  'Lena', 'Kofi', 'Bea', 'Łukasz', 'Nadia', 'Theo', 'Mika', 'Joaquín', 'Ife', 'Sam', 'Chloé', 'Ravi', 'Noor', 'Pita',
] as const;

const FOLD: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae', Æ: 'AE', đ: 'd', Đ: 'D', ı: 'i' };

/**
 * Lower-case ASCII letters only (`Ó Súilleabháin` → `osuilleabhain`), for e-mail addresses.
 * Pools are small, so callers cache the result per name.
 */
export function asciiSlug(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØßæÆđĐı]/g, (ch) => FOLD[ch] ?? '');
  return folded.toLowerCase().replace(/[^a-z]/g, '');
}
