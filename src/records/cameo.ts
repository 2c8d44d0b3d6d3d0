import type { EventType } from '../extract/types.js';

/**
 * CAMEO codes (Gerner et al., CAMEO Event Data Codebook 1.1b3). A meeting held in a
 * country that is not one of its participants is "meet at a third location" (044).
 */
export function cameoCode(type: EventType, participants: readonly string[], locationCountry?: string): string {
  switch (type) {
    case 'visit':
      return '042';
    case 'meeting':
      return locationCountry !== undefined && participants.length > 0 && !participants.includes(locationCountry) ? '044' : '040';
    case 'call':
      return '041';
    case 'signing':
      return '057';
    case 'press_conference':
      return '010';
  }
}
