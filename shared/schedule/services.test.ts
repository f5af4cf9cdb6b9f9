import { describe, expect, it } from 'vitest';
import type { ServiceDoc } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { duplicateServiceProblem, menuOrder } from './services';

function service(name: string, over: Partial<ServiceDoc> = {}): ServiceDoc {
  return { id: `sv-${name.trim() || 'blank'}`, branch_id: 'br-1', name, category: '', duration_min: 30, price: 2500, price_max: null, active: true, created_at: '', updated_at: '', ...over };
}

describe('service menu', () => {
  it('orders by category (none last), then name; retired after active', () => {
    const menu = [service('Shave', { category: 'Beard' }), service('Fade', { category: 'hair' }), service('Gift card'), service('Afro', { category: 'Hair', active: false }), service('Beard trim', { category: 'Beard' })];
    expect(menuOrder(menu).map((s) => s.name)).toEqual(['Beard trim', 'Shave', 'Fade', 'Gift card', 'Afro']);
  });


  it('refuses a second active service of the same name, not the one being edited or a retired one', () => {
    const menu = [service('Fade'), service('Old cut', { active: false })];
    expect(duplicateServiceProblem(menu, 'FADE', 'sv-new')).toBe('"Fade" is already on the menu');
    expect(duplicateServiceProblem(menu, 'Fade', 'sv-Fade')).toBeNull();
    expect(duplicateServiceProblem(menu, 'Old cut', 'sv-new')).toBeNull();
  });

  it('validation: a range must not be upside down, a name not blank', () => {
    expect(validateDocument('services', service('Fade', { price_max: 3000 }))).toEqual([]);
    const upside = validateDocument('services', service('Fade', { price_max: 2000 }));
    expect(JSON.stringify(upside)).toContain('the top of the price range must not be below the price');
    expect(JSON.stringify(validateDocument('services', service('  ')))).toContain('a service needs a name');
    expect(validateDocument('services', service('Fade', { duration_min: 2 }))).not.toEqual([]);
  });
});
