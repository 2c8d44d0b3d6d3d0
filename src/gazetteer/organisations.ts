/**
 * International organisations, keyed by the organisation part of their CAMEO actor code
 * (CAMEO 1.1b3 actor codebook, table 3.4: IGOUNO → UNO, IGOUNOWBK → WBK). EUR and AFR
 * are this project's codes for the EU and the AU (see their lines). Where CAMEO has no
 * code the project picks a short upper-case one, noted "project code".
 */
import type { Organisation } from './types.js';

export const ORGANISATIONS: readonly Organisation[] = [
  { code: 'UNO', name: 'United Nations' }, // CAMEO IGOUNO
  { code: 'EUR', name: 'European Union' }, // project code: CAMEO writes the EU IGOEEC, and EUR is its region code for Europe
  { code: 'AFR', name: 'African Union' }, // project code: CAMEO has no AU entry (the OAU was IGOOAU), and AFR is its region code for Africa
  { code: 'ARL', name: 'Arab League' }, // CAMEO IGOARL
  { code: 'NAT', name: 'North Atlantic Treaty Organization' }, // CAMEO IGOWSTNAT
  { code: 'OPC', name: 'Organization of the Petroleum Exporting Countries' }, // CAMEO IGOOPC; OPEC+ is coded with it
  { code: 'ASN', name: 'Association of Southeast Asian Nations' }, // CAMEO IGOASN
  { code: 'IMF', name: 'International Monetary Fund' }, // CAMEO IGOIMF
  { code: 'WBK', name: 'World Bank' }, // CAMEO IGOUNOWBK
  { code: 'WTO', name: 'World Trade Organization' }, // CAMEO IGOWTO
  { code: 'WAS', name: 'Economic Community of West African States' }, // CAMEO IGOWAS (WAF is the region code for West Africa, not ECOWAS)
  { code: 'SCO', name: 'Shanghai Cooperation Organisation' }, // not in CAMEO: project code
  { code: 'OIC', name: 'Organisation of Islamic Cooperation' }, // CAMEO IGOOIC (listed under its former name, Organization of the Islamic Conference)
  { code: 'GCC', name: 'Gulf Cooperation Council' }, // CAMEO IGOGCC
  { code: 'BRICS', name: 'BRICS' }, // not in CAMEO: project code
  { code: 'CWN', name: 'Commonwealth of Nations' }, // CAMEO IGOCWN
  { code: 'OAS', name: 'Organization of American States' }, // CAMEO IGOOAS
  { code: 'SCE', name: 'Organization for Security and Co-operation in Europe' }, // CAMEO IGOSCE
  { code: 'AFB', name: 'African Development Bank' }, // CAMEO IGOAFB
  { code: 'OIF', name: 'Organisation internationale de la Francophonie' }, // not in CAMEO: project code
  { code: 'GOS', name: 'Group of Seven' }, // CAMEO IGOGOS
  { code: 'GOE', name: 'Group of Eight' }, // CAMEO IGOGOE
  { code: 'G20', name: 'Group of Twenty' }, // not in CAMEO: project code
  { code: 'COE', name: 'Council of Europe' }, // CAMEO IGOCOE
  { code: 'CIS', name: 'Commonwealth of Independent States' }, // CAMEO IGOCIS
  { code: 'IAE', name: 'International Atomic Energy Agency' }, // CAMEO IGOUNOIAE
  { code: 'ICJ', name: 'International Court of Justice' }, // CAMEO IGOUNOICJ
  { code: 'ICC', name: 'International Criminal Court' }, // CAMEO IGOICC
  { code: 'WHO', name: 'World Health Organization' }, // CAMEO IGOUNOWHO
  { code: 'SAD', name: 'Southern African Development Community' }, // CAMEO IGOSAD
  { code: 'IAD', name: 'Intergovernmental Authority on Development' }, // CAMEO IGOIAD
  { code: 'UEM', name: 'West African Economic and Monetary Union' }, // CAMEO IGOUEM
  { code: 'ECA', name: 'Economic Community of Central African States' }, // CAMEO IGOECA
  { code: 'CEM', name: 'Economic and Monetary Community of Central Africa' }, // CAMEO IGOCEM (the codebook gives CEM to COMESA as well; COMESA is not listed here)
  { code: 'AMU', name: 'Arab Maghreb Union' }, // CAMEO IGOAMU
  { code: 'NON', name: 'Non-Aligned Movement' }, // CAMEO IGONON
  { code: 'EBR', name: 'European Bank for Reconstruction and Development' }, // CAMEO IGOEBR
  { code: 'ADB', name: 'Asian Development Bank' }, // CAMEO IGOADB
  { code: 'IDB', name: 'Islamic Development Bank' }, // CAMEO IGOIDB
  { code: 'MERCOSUR', name: 'Mercosur' }, // not in CAMEO: project code
  { code: 'APEC', name: 'Asia-Pacific Economic Cooperation' }, // not in CAMEO: project code
  { code: 'EAC', name: 'East African Community' }, // not in CAMEO: project code
  { code: 'AES', name: 'Alliance of Sahel States' }, // not in CAMEO: project code
  { code: 'CSTO', name: 'Collective Security Treaty Organization' }, // not in CAMEO: project code
];
