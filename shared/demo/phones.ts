import type { Sfc32 } from './prng';

/**
 * Mobile numbering plans of the demo countries, enough to make numbers that libphonenumber
 * accepts as valid mobiles of that very country (checked in phones.test.ts with the full
 * metadata; e.g. some +44 7 ranges belong to Guernsey, Jersey or the Isle of Man, not GB).
 *
 * Uniqueness: the last `UNIQUE_DIGITS` digits of a number are a bijection of the customer's
 * index (an affine permutation modulo the plan's space), so no two customers share a number as
 * long as there are fewer customers than the space (checked by the options).
 */
export interface PhonePlan {
  /** E.164 country calling code, without '+'. */
  callingCode: string;
  /** Leading national digits (area / mobile prefixes), one chosen per customer. */
  prefixes: readonly string[];
  /** Random digits between the prefix and the unique part. */
  extraDigits: number;
  /** Digits the unique part may start with (NANP exchanges cannot start with 0 or 1). */
  firstDigits: string;
}

const ANY = '0123456789';
const NANP = '23456789';

export const UNIQUE_DIGITS = 7;
const REST = 10 ** (UNIQUE_DIGITS - 1);

export const PHONE_PLANS: Record<string, PhonePlan> = {
  PH: { callingCode: '63', prefixes: ['905', '906', '915', '916', '917', '918', '919', '920', '921', '927', '928', '935', '945', '956', '966', '977', '995', '998'], extraDigits: 0, firstDigits: ANY },
  US: { callingCode: '1', prefixes: ['212', '646', '917', '347', '718', '332'], extraDigits: 0, firstDigits: NANP },
  US_LA: { callingCode: '1', prefixes: ['213', '310', '323', '424', '818', '626'], extraDigits: 0, firstDigits: NANP },
  US_CHI: { callingCode: '1', prefixes: ['312', '773', '872'], extraDigits: 0, firstDigits: NANP },
  CA: { callingCode: '1', prefixes: ['416', '647', '437'], extraDigits: 0, firstDigits: NANP },
  GB: { callingCode: '44', prefixes: ['740', '741', '742', '743', '744', '746', '747', '748', '749', '751', '753', '754', '755', '756', '757', '758', '759', '771', '772', '773', '774', '775', '776', '777', '780', '781', '784', '785', '786', '787', '788', '789', '790', '792', '794', '795', '796', '797', '798', '799'], extraDigits: 0, firstDigits: ANY },
  NZ: { callingCode: '64', prefixes: ['21', '22', '27'], extraDigits: 0, firstDigits: ANY },
  AU: { callingCode: '61', prefixes: ['40', '41', '42', '43', '46'], extraDigits: 0, firstDigits: ANY },
  DE: { callingCode: '49', prefixes: ['1510', '1511', '1512', '1513', '1514', '1515', '1516', '1517', '1518', '1519', '1520', '1521', '1522', '1523', '1524', '1525', '1526', '1527', '1528', '1529', '1570', '1571', '1572', '1573', '1574', '1575', '1576', '1577', '1578', '1579', '1590', '1591', '1592', '1593', '1594', '1595', '1596', '1597', '1598', '1599', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'], extraDigits: 0, firstDigits: ANY },
  SG: { callingCode: '65', prefixes: ['8', '9'], extraDigits: 0, firstDigits: '12345678' },
  JP: { callingCode: '81', prefixes: ['901', '902', '903', '904', '905', '906', '907', '908', '909', '801', '802', '803', '804', '805', '806', '807', '808', '809', '701', '702', '703', '704', '705', '706', '707', '708', '709'], extraDigits: 0, firstDigits: ANY },
  FR: { callingCode: '33', prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '73', '74', '75', '76', '77', '78', '79'], extraDigits: 0, firstDigits: ANY },
  AE: { callingCode: '971', prefixes: ['50', '52', '54', '55', '56', '58'], extraDigits: 0, firstDigits: ANY },
  ZA: { callingCode: '27', prefixes: ['60', '61', '71', '72', '73', '74', '76', '78', '79', '81', '82', '83', '84'], extraDigits: 0, firstDigits: ANY },
  BR: { callingCode: '55', prefixes: ['119'], extraDigits: 1, firstDigits: ANY },
  IN: { callingCode: '91', prefixes: ['70', '72', '74', '84', '85', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99'], extraDigits: 1, firstDigits: ANY },
  MX: { callingCode: '52', prefixes: ['55', '56'], extraDigits: 1, firstDigits: ANY },
};

/** Multiplier of the affine permutation: coprime with 2 and 5, hence with every plan's space. */
const MULTIPLIER = 3_141_593;
const OFFSET = 2_718_281;

/** Size of a plan's unique space: customers beyond it would repeat numbers. */
function planSpace(plan: PhonePlan): number {
  return plan.firstDigits.length * REST;
}

/** The smallest unique space over all plans: the most customers a data set may have. */
export const MAX_UNIQUE_PHONES = Math.min(...Object.values(PHONE_PLANS).map(planSpace));

/** An E.164 mobile number for the customer with this index, unique per index within a plan. */
export function phoneNumber(plan: PhonePlan, customerIndex: number, rng: Sfc32): string {
  const space = planSpace(plan);
  const unique = (customerIndex * MULTIPLIER + OFFSET) % space;
  const first = plan.firstDigits[Math.floor(unique / REST)] as string;
  const tail = first + String(unique % REST).padStart(UNIQUE_DIGITS - 1, '0');
  let extra = '';
  for (let i = 0; i < plan.extraDigits; i += 1) extra += String(rng.int(10));
  return `+${plan.callingCode}${rng.pick(plan.prefixes)}${extra}${tail}`;
}
