import type { Culture } from './names';

/**
 * Cities the demo business has branches in: real IANA zones on several continents (including a
 * half-hour offset, southern-hemisphere DST and zones without DST), the ISO country for phone
 * numbers, the local mix of customer names and a price level.
 */
export interface City {
  /** Slug used in branch ids (`br-new-york`). */
  slug: string;
  name: string;
  timeZone: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Key into PHONE_PLANS. */
  phonePlan: string;
  neighbourhoods: readonly string[];
  /** Relative weights of the cultures customers' names come from. */
  cultures: Partial<Record<Culture, number>>;
  /** Menu prices are multiplied by this (rounded to 50 cents). */
  priceLevel: number;
}

/** In this order: the first four match the sample fixture's branches. */
export const CITIES: readonly City[] = [
  {
    slug: 'manila', name: 'Manila', timeZone: 'Asia/Manila', country: 'PH', phonePlan: 'PH',
    neighbourhoods: ['Makati', 'BGC', 'Ortigas', 'Quezon City', 'Eastwood', 'Alabang', 'Malate', 'Kapitolyo', 'Rockwell', 'San Juan', 'Marikina', 'Pasay', 'Binondo'],
    cultures: { filipino: 80, hispanic: 6, east_asian: 6, anglo: 4, south_asian: 2, european: 2 },
    priceLevel: 0.8,
  },
  {
    slug: 'new-york', name: 'New York', timeZone: 'America/New_York', country: 'US', phonePlan: 'US',
    neighbourhoods: ['SoHo', 'Harlem', 'Williamsburg', 'Astoria', 'Chelsea', 'Tribeca', 'Park Slope', 'Bushwick', 'Upper West Side', 'Flushing', 'Greenpoint', 'East Village', 'Bed-Stuy'],
    cultures: { anglo: 34, hispanic: 24, african: 12, east_asian: 10, south_asian: 6, european: 8, arabic: 3, filipino: 3 },
    priceLevel: 1.3,
  },
  {
    slug: 'london', name: 'London', timeZone: 'Europe/London', country: 'GB', phonePlan: 'GB',
    neighbourhoods: ['Shoreditch', 'Camden', 'Brixton', 'Soho', 'Clapham', 'Islington', 'Peckham', 'Hackney', 'Notting Hill', 'Canary Wharf', 'Greenwich', 'Stratford', 'Dalston'],
    cultures: { anglo: 45, european: 18, south_asian: 14, african: 12, arabic: 4, east_asian: 5, hispanic: 2 },
    priceLevel: 1.2,
  },
  {
    slug: 'auckland', name: 'Auckland', timeZone: 'Pacific/Auckland', country: 'NZ', phonePlan: 'NZ',
    neighbourhoods: ['CBD', 'Ponsonby', 'Newmarket', 'Parnell', 'Takapuna', 'Mt Eden', 'Grey Lynn', 'Kingsland', 'Mission Bay', 'Henderson', 'Ōtāhuhu', 'Devonport', 'Albany'],
    cultures: { anglo: 42, maori_pacific: 30, east_asian: 12, south_asian: 8, european: 6, filipino: 2 },
    priceLevel: 1.0,
  },
  {
    slug: 'sydney', name: 'Sydney', timeZone: 'Australia/Sydney', country: 'AU', phonePlan: 'AU',
    neighbourhoods: ['Surry Hills', 'Bondi', 'Newtown', 'Parramatta', 'Manly', 'Darlinghurst', 'Chatswood', 'Redfern', 'Glebe', 'Paddington', 'Marrickville', 'Cronulla', 'Balmain'],
    cultures: { anglo: 48, east_asian: 16, european: 12, south_asian: 10, arabic: 6, maori_pacific: 4, hispanic: 4 },
    priceLevel: 1.1,
  },
  {
    slug: 'los-angeles', name: 'Los Angeles', timeZone: 'America/Los_Angeles', country: 'US', phonePlan: 'US_LA',
    neighbourhoods: ['Silver Lake', 'Venice', 'Koreatown', 'Echo Park', 'Downtown', 'Highland Park', 'Los Feliz', 'West Hollywood', 'Boyle Heights', 'Culver City', 'Pasadena', 'Sherman Oaks', 'Inglewood'],
    cultures: { hispanic: 40, anglo: 30, east_asian: 12, african: 8, filipino: 4, south_asian: 3, arabic: 3 },
    priceLevel: 1.25,
  },
  {
    slug: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin', country: 'DE', phonePlan: 'DE',
    neighbourhoods: ['Kreuzberg', 'Mitte', 'Neukölln', 'Prenzlauer Berg', 'Friedrichshain', 'Schöneberg', 'Charlottenburg', 'Wedding', 'Moabit', 'Pankow', 'Treptow', 'Steglitz', 'Köpenick'],
    cultures: { european: 70, arabic: 12, anglo: 6, east_asian: 4, african: 4, south_asian: 4 },
    priceLevel: 1.0,
  },
  {
    slug: 'singapore', name: 'Singapore', timeZone: 'Asia/Singapore', country: 'SG', phonePlan: 'SG',
    neighbourhoods: ['Tiong Bahru', 'Orchard', 'Tanjong Pagar', 'Bugis', 'Jurong East', 'Holland Village', 'Katong', 'Toa Payoh', 'Tampines', 'Clementi', 'Novena', 'Bishan', 'Punggol'],
    cultures: { east_asian: 65, south_asian: 15, arabic: 6, anglo: 6, filipino: 6, european: 2 },
    priceLevel: 1.1,
  },
  {
    slug: 'tokyo', name: 'Tokyo', timeZone: 'Asia/Tokyo', country: 'JP', phonePlan: 'JP',
    neighbourhoods: ['Shibuya', 'Shinjuku', 'Nakameguro', 'Shimokitazawa', 'Ginza', 'Kichijōji', 'Ebisu', 'Ikebukuro', 'Asakusa', 'Daikanyama', 'Kōenji', 'Roppongi', 'Ueno'],
    cultures: { japanese: 88, east_asian: 6, anglo: 3, european: 3 },
    priceLevel: 1.15,
  },
  {
    slug: 'toronto', name: 'Toronto', timeZone: 'America/Toronto', country: 'CA', phonePlan: 'CA',
    neighbourhoods: ['Queen West', 'Kensington', 'Yorkville', 'Leslieville', 'The Annex', 'Liberty Village', 'Danforth', 'Little Italy', 'Junction', 'Scarborough', 'Roncesvalles', 'Distillery', 'North York'],
    cultures: { anglo: 36, east_asian: 18, south_asian: 16, european: 12, african: 6, filipino: 6, arabic: 4, hispanic: 2 },
    priceLevel: 1.1,
  },
  {
    slug: 'paris', name: 'Paris', timeZone: 'Europe/Paris', country: 'FR', phonePlan: 'FR',
    neighbourhoods: ['Le Marais', 'Montmartre', 'Belleville', 'Saint-Germain', 'Bastille', 'Oberkampf', 'Batignolles', 'Canal Saint-Martin', 'Pigalle', 'Bercy', 'Montparnasse', 'République', 'La Défense'],
    cultures: { european: 66, arabic: 14, african: 12, east_asian: 4, anglo: 4 },
    priceLevel: 1.2,
  },
  {
    slug: 'dubai', name: 'Dubai', timeZone: 'Asia/Dubai', country: 'AE', phonePlan: 'AE',
    neighbourhoods: ['Marina', 'Jumeirah', 'Downtown', 'Deira', 'Business Bay', 'Al Barsha', 'JLT', 'Karama', 'Palm', 'Al Quoz', 'Mirdif', 'Silicon Oasis', 'Bur Dubai'],
    cultures: { arabic: 40, south_asian: 28, filipino: 14, anglo: 10, european: 6, african: 2 },
    priceLevel: 1.3,
  },
  {
    slug: 'johannesburg', name: 'Johannesburg', timeZone: 'Africa/Johannesburg', country: 'ZA', phonePlan: 'ZA',
    neighbourhoods: ['Maboneng', 'Sandton', 'Rosebank', 'Melville', 'Braamfontein', 'Soweto', 'Parkhurst', 'Fourways', 'Randburg', 'Greenside', 'Killarney', 'Norwood', 'Midrand'],
    cultures: { african: 72, anglo: 12, european: 8, south_asian: 8 },
    priceLevel: 0.7,
  },
  {
    slug: 'sao-paulo', name: 'São Paulo', timeZone: 'America/Sao_Paulo', country: 'BR', phonePlan: 'BR',
    neighbourhoods: ['Vila Madalena', 'Pinheiros', 'Jardins', 'Moema', 'Liberdade', 'Itaim Bibi', 'Bela Vista', 'Perdizes', 'Tatuapé', 'Santana', 'Consolação', 'Vila Mariana', 'Brooklin'],
    cultures: { hispanic: 60, european: 20, japanese: 8, african: 8, arabic: 4 },
    priceLevel: 0.75,
  },
  {
    slug: 'mumbai', name: 'Mumbai', timeZone: 'Asia/Kolkata', country: 'IN', phonePlan: 'IN',
    neighbourhoods: ['Bandra', 'Colaba', 'Andheri', 'Juhu', 'Lower Parel', 'Powai', 'Worli', 'Dadar', 'Malad', 'Chembur', 'Khar', 'Goregaon', 'Fort'],
    cultures: { south_asian: 92, arabic: 4, anglo: 2, european: 2 },
    priceLevel: 0.6,
  },
  {
    slug: 'mexico-city', name: 'Mexico City', timeZone: 'America/Mexico_City', country: 'MX', phonePlan: 'MX',
    neighbourhoods: ['Roma Norte', 'Condesa', 'Coyoacán', 'Polanco', 'Juárez', 'Narvarte', 'Del Valle', 'San Rafael', 'Santa Fe', 'Tlalpan', 'Escandón', 'Centro', 'Doctores'],
    cultures: { hispanic: 88, anglo: 4, european: 4, east_asian: 2, arabic: 2 },
    priceLevel: 0.75,
  },
];
