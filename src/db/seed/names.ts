/** Name and address material for the seed. Every place and postal code here is fictional. */

export const GIRL_NAMES = [
  'Emma', 'Nora', 'Sofie', 'Olivia', 'Ella', 'Ingrid', 'Sara', 'Maja', 'Leah', 'Frida',
  'Astrid', 'Hedda', 'Selma', 'Tiril', 'Thea', 'Vilde', 'Ida', 'Amalie', 'Aurora', 'Live',
  'Oda', 'Linnea', 'Mathilde', 'Hanna', 'Marte', 'Sigrid', 'Solveig', 'Kaja', 'Julie', 'Mia',
  'Eva', 'Alma', 'Ylva', 'Ronja', 'Tuva', 'Åse', 'Åshild', 'Bjørg', 'Gyda', 'Siri',
  'Synnøve', 'Dagny', 'Ragnhild', 'Liv', 'Eline', 'Mille', 'Jenny', 'Iben', 'Hermine', 'Agnes',
  'Signe', 'Embla', 'Fride', 'Kristin', 'Amina', 'Zara', 'Aisha', 'Hedvig', 'Guro', 'Idun',
] as const;

export const BOY_NAMES = [
  'Jakob', 'Emil', 'Noah', 'Oliver', 'Filip', 'William', 'Lucas', 'Liam', 'Henrik', 'Oskar',
  'Aksel', 'Theodor', 'Elias', 'Kasper', 'Isak', 'Magnus', 'Johannes', 'Tobias', 'Mathias', 'Sander',
  'Jonas', 'Ludvig', 'Alexander', 'Even', 'Vetle', 'Sindre', 'Eirik', 'Håkon', 'Sverre', 'Torstein',
  'Bjørn', 'Øyvind', 'Ståle', 'Åsmund', 'Sigurd', 'Halvard', 'Eskil', 'Edvard', 'Birk', 'Brage',
  'Trym', 'Ask', 'Mons', 'Peder', 'Olav', 'Iver', 'Kristoffer', 'Sebastian', 'Adrian', 'Martin',
  'Ulrik', 'Leon', 'Adam', 'Yusuf', 'Ali', 'Storm', 'Gustav', 'Herman', 'Nikolai', 'Jørgen',
] as const;

/** Given names for the parents' generation (born 1965–1995). */
export const WOMAN_NAMES = [
  'Anne', 'Kari', 'Marianne', 'Silje', 'Ingrid', 'Hilde', 'Camilla', 'Ingunn', 'Tone', 'Heidi',
  'Linda', 'Lene', 'Kristin', 'Ida', 'Marit', 'Hege', 'Trine', 'Mette', 'Tonje', 'Randi',
  'Siv', 'Åse', 'Gro', 'Guro', 'Maria', 'Stine', 'Kjersti', 'Therese', 'Elisabeth', 'Ragnhild',
  'Bente', 'Nina', 'Solveig', 'Synnøve', 'Vibeke', 'Hanne', 'Ane', 'Karoline', 'Fatima', 'Agnieszka',
] as const;

export const MAN_NAMES = [
  'Ole', 'Lars', 'Morten', 'Espen', 'Thomas', 'Anders', 'Kjetil', 'Geir', 'Terje', 'Bjørn',
  'Jon', 'Per', 'Rune', 'Stian', 'Trond', 'Øystein', 'Håvard', 'Erlend', 'Kristian', 'Magnus',
  'Tor', 'Arne', 'Knut', 'Eirik', 'Frode', 'Vegard', 'Sondre', 'Pål', 'Ståle', 'Jørn',
  'Roar', 'Svein', 'Gaute', 'Halvor', 'Audun', 'Torbjørn', 'Martin', 'Andreas', 'Tomasz', 'Ahmed',
] as const;

/** "Nordmann" is left out on purpose: only the fixed demo people carry it. */
export const FAMILY_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg',
  'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen',
  'Nguyen', 'Rasmussen', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Fredriksen', 'Holm',
  'Lien', 'Hauge', 'Evensen', 'Sæther', 'Aas', 'Myhre', 'Haugland', 'Thomassen', 'Simonsen', 'Sandvik',
  'Rønning', 'Arnesen', 'Næss', 'Vik', 'Haug', 'Thorsen', 'Birkeland', 'Isaksen', 'Ødegård', 'Tveit',
  'Strøm', 'Østby', 'Kvam', 'Hovland', 'Fjeld', 'Ahmed', 'Hussain', 'Nowak', 'Yilmaz', 'Tran',
] as const;

export const STREET_NAMES = [
  'Storgata', 'Kirkeveien', 'Skolevegen', 'Bjørkeveien', 'Granlia', 'Furuvegen', 'Solbakken', 'Åsveien',
  'Fjellvegen', 'Bekkestien', 'Lindealléen', 'Møllevegen', 'Kløverveien', 'Rognveien', 'Hegguvegen',
  'Blåbærstien', 'Tyttebærvegen', 'Elvegata', 'Sjøgata', 'Torggata', 'Parkveien', 'Bergstien', 'Lyngveien',
  'Høgda', 'Engvegen', 'Gamle riksvei', 'Nordre gate', 'Søndre gate', 'Ospelia', 'Vårveien', 'Ekornstien',
  'Måkeveien', 'Løvåsen', 'Steinrøysa', 'Hagebyvegen', 'Tårnfalkvegen',
] as const;

export interface PostalPlace {
  code: string;
  place: string;
}

/** Fictional places in the fictional Demo kommune. */
export const DEMO_POSTAL_PLACES: readonly PostalPlace[] = [
  { code: '3701', place: 'Bjørkelia' },
  { code: '3702', place: 'Fjellheim' },
  { code: '3703', place: 'Sølvberg' },
  { code: '3704', place: 'Elvetun' },
  { code: '3705', place: 'Granvik' },
  { code: '3706', place: 'Lyngmo' },
  { code: '3707', place: 'Furuhaug' },
  { code: '3708', place: 'Solsletta' },
  { code: '3709', place: 'Åsmarka' },
  { code: '3710', place: 'Kvernhus' },
  { code: '3711', place: 'Myrvang' },
  { code: '3712', place: 'Nesbukta' },
];

export const NORDLYS_POSTAL_PLACE: PostalPlace = { code: '3720', place: 'Stjernevik' };

/** Stems for the generated schools of the municipality-size seed. */
export const SCHOOL_STEMS = [
  'Solbakken', 'Haugtun', 'Lia', 'Granly', 'Elvebakken', 'Nordby', 'Sørbyen', 'Åsen', 'Furulund', 'Bekkelaget',
  'Rosenlund', 'Eikeli', 'Tunet', 'Lindeberg', 'Kvernhaugen', 'Fagerlia', 'Myrvoll', 'Strandå', 'Vestby', 'Østbyen',
  'Torvmoen', 'Sølvberg', 'Lyngmo', 'Granvik', 'Nesbukta', 'Bråten', 'Høgåsen', 'Kleiva', 'Løkken', 'Steinerud',
  'Gjerdrum', 'Skogly', 'Vårlia', 'Ospeli', 'Fossen', 'Måsøy', 'Ringen', 'Hovdetun', 'Kirkebyen', 'Sjøsiden',
] as const;

/** ASCII slug for e-mail addresses and Feide ids: æ→ae, ø→o, å→a, other accents dropped, spaces → '-'. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9.-]/g, '');
}
