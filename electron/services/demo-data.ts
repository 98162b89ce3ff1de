/**
 * Word lists for demo cases: names in the scripts officers meet (Latin, Cyrillic, Chinese,
 * Thai), the State pairs that transfer under each built-in rule-set, and typical offences.
 * Invented people; any likeness is the lists' fault.
 */

/** [sentencing, administering, rule-set ids that fit the pair (null: none built in), weight] */
export const STATE_PAIRS: readonly (readonly [string, string, readonly (string | null)[], number])[] = [
  ['HK', 'RU', ['hk-ru-2021'], 6],
  ['HK', 'TH', ['hk-th'], 8],
  ['TH', 'HK', ['hk-th'], 6],
  ['HK', 'US', ['hk-us-1997'], 5],
  ['US', 'HK', ['hk-us-1997'], 3],
  ['HK', 'PH', [null], 6],
  ['PH', 'HK', [null], 2],
  ['HK', 'GB', [null], 4],
  ['GB', 'HK', [null], 2],
  ['HK', 'NL', [null], 2],
  ['HK', 'DE', [null], 2],
  ['HK', 'IT', [null], 2],
  ['MO', 'HK', [null], 2],
  ['HK', 'MO', [null], 2],
  ['RU', 'CN', ['ru-bilateral'], 2],
  ['CN', 'RU', ['ru-bilateral'], 2],
  ['RU', 'TH', ['ru-bilateral'], 1],
  ['TH', 'RU', ['ru-bilateral'], 2],
  ['US', 'TH', ['us-th-1982'], 3],
  ['TH', 'US', ['us-th-1982'], 4],
  ['IT', 'BR', ['it-br-2008'], 3],
  ['BR', 'IT', ['it-br-2008'], 3],
  ['US', 'BR', ['oas-1993'], 2],
  ['BR', 'US', ['oas-1993'], 2],
  ['US', 'GB', ['coe-ets-112', 'us-iptp'], 2],
  ['GB', 'US', ['coe-ets-112'], 2],
  ['US', 'DE', ['coe-ets-112', 'us-iptp'], 1],
  ['NL', 'DE', ['eu-fd-2008-909'], 2],
  ['DE', 'NL', ['eu-fd-2008-909'], 2],
  ['IT', 'NL', ['eu-fd-2008-909'], 1],
  ['DE', 'IT', ['eu-fd-2008-909'], 1],
  ['NL', 'IT', ['eu-fd-2008-909'], 1],
  ['GB', 'NL', ['coe-ets-112'], 1],
  ['NL', 'GB', ['coe-ets-112', 'coe-ets-167'], 1],
  ['GB', 'DE', ['coe-ets-112', 'coe-ets-167'], 1],
  ['DE', 'GB', ['coe-ets-112'], 1],
  ['GB', 'IT', ['coe-ets-167-original'], 1],
  ['CN', 'TH', [null], 1],
];

/** Chinese surnames: [Cantonese romanisation, pinyin, traditional, simplified]. */
export const CHINESE_SURNAMES = [
  ['CHAN', 'CHEN', '陳', '陈'], ['LEE', 'LI', '李', '李'], ['WONG', 'HUANG', '黃', '黄'], ['CHEUNG', 'ZHANG', '張', '张'],
  ['LEUNG', 'LIANG', '梁', '梁'], ['LAM', 'LIN', '林', '林'], ['LAU', 'LIU', '劉', '刘'], ['NG', 'WU', '吳', '吴'],
  ['HO', 'HE', '何', '何'], ['KWOK', 'GUO', '郭', '郭'], ['CHOW', 'ZHOU', '周', '周'], ['TSANG', 'ZENG', '曾', '曾'],
] as const;

/** Chinese given names: [Cantonese romanisation, pinyin, traditional, simplified]. */
export const CHINESE_GIVEN = [
  ['Tai Man', 'Dawen', '大文', '大文'], ['Chi Ming', 'Zhiming', '志明', '志明'], ['Ka Yan', 'Jiaxin', '嘉欣', '嘉欣'],
  ['Wai', 'Wei', '偉', '伟'], ['Mei Ling', 'Meiling', '美玲', '美玲'], ['Ka Ho', 'Jiahao', '家豪', '家豪'],
  ['Kin Wah', 'Jianhua', '建華', '建华'], ['Tsz Hin', 'Zixuan', '子軒', '子轩'], ['Nga Ting', 'Yating', '雅婷', '雅婷'],
  ['Chun Kit', 'Junjie', '俊傑', '俊杰'], ['Kwok Keung', 'Guoqiang', '國強', '国强'], ['Hui', 'Hui', '慧', '慧'],
] as const;

export const ENGLISH_GIVEN_NAMES = ['Peter', 'Michael', 'Kelvin', 'Ivy', 'Jason', 'Winnie', 'Eric', 'Mandy', 'Alan', 'Karen'];

/** Russian surnames: [masculine Latin, feminine Latin, masculine Cyrillic, feminine Cyrillic]. */
export const RUSSIAN_SURNAMES = [
  ['IVANOV', 'IVANOVA', 'Иванов', 'Иванова'], ['SMIRNOV', 'SMIRNOVA', 'Смирнов', 'Смирнова'],
  ['KUZNETSOV', 'KUZNETSOVA', 'Кузнецов', 'Кузнецова'], ['POPOV', 'POPOVA', 'Попов', 'Попова'],
  ['VOLKOV', 'VOLKOVA', 'Волков', 'Волкова'], ['SOKOLOV', 'SOKOLOVA', 'Соколов', 'Соколова'],
  ['MOROZOV', 'MOROZOVA', 'Морозов', 'Морозова'], ['FYODOROV', 'FYODOROVA', 'Фёдоров', 'Фёдорова'],
] as const;

/** Russian given names: [Latin, Cyrillic, familiar form in Latin, feminine?]. */
export const RUSSIAN_GIVEN = [
  ['Pyotr', 'Пётр', 'Petya', false], ['Aleksandr', 'Александр', 'Sasha', false], ['Ivan', 'Иван', 'Vanya', false],
  ['Mikhail', 'Михаил', 'Misha', false], ['Dmitry', 'Дмитрий', 'Dima', false], ['Sergei', 'Сергей', 'Seryozha', false],
  ['Olga', 'Ольга', 'Olya', true], ['Natalya', 'Наталья', 'Natasha', true], ['Yekaterina', 'Екатерина', 'Katya', true],
  ['Anna', 'Анна', 'Anya', true],
] as const;

/** Thai: [Latin, Thai]. */
export const THAI_GIVEN = [
  ['Somchai', 'สมชาย'], ['Somsak', 'สมศักดิ์'], ['Malee', 'มาลี'], ['Niran', 'นิรันดร์'], ['Siriporn', 'ศิริพร'],
  ['Anan', 'อนันต์'], ['Kanya', 'กัญญา'], ['Prasert', 'ประเสริฐ'],
] as const;
export const THAI_SURNAMES = [
  ['SRISUK', 'ศรีสุข'], ['SAETANG', 'แซ่ตั้ง'], ['WONGSAWAT', 'วงศ์สวัสดิ์'], ['CHAIYAPORN', 'ชัยพร'],
  ['BUNMEE', 'บุญมี'], ['THONGDEE', 'ทองดี'], ['RATTANAKORN', 'รัตนากร'], ['KAEWMANEE', 'แก้วมณี'],
] as const;

/** Latin-script names by nationality: [surnames, given names]. */
export const LATIN_NAMES: Record<string, readonly [readonly string[], readonly string[]]> = {
  US: [['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'GARCIA', 'MILLER', 'DAVIS', "O'BRIEN"], ['John', 'Emily', 'Michael', 'Jessica', 'David', 'Ashley', 'Carlos', 'Tyler']],
  GB: [['TAYLOR', 'JONES', 'EVANS', 'WILSON', 'THOMAS', 'ROBERTS', 'WALKER', 'McDONALD'], ['James', 'Oliver', 'Charlotte', 'George', 'Amelia', 'Harry', 'Sophie', 'Liam']],
  IT: [['ROSSI', 'RUSSO', 'FERRARI', 'ESPOSITO', 'BIANCHI', 'ROMANO', 'COLOMBO', 'RICCI'], ['Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Nicolò', 'Matteo']],
  BR: [['SILVA', 'SANTOS', 'OLIVEIRA', 'SOUZA', 'PEREIRA', 'COSTA', 'RODRIGUES', 'ALMEIDA'], ['João', 'Ana', 'Luís', 'Conceição', 'Thiago', 'Fernanda', 'José', 'Márcia']],
  NL: [['DE JONG', 'JANSEN', 'DE VRIES', 'VAN DEN BERG', 'BAKKER', 'VISSER', 'SMIT', 'MEIJER'], ['Jan', 'Sanne', 'Daan', 'Lotte', 'Pieter', 'Femke', 'Sem', 'Anouk']],
  DE: [['MÜLLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER', 'WEBER', 'MEYER', 'WAGNER', 'BECKER'], ['Jürgen', 'Anna', 'Lukas', 'Sabine', 'Jörg', 'Katrin', 'Felix', 'Uwe']],
  PH: [['REYES', 'CRUZ', 'BAUTISTA', 'OCAMPO', 'MENDOZA', 'DELA CRUZ', 'GARCIA', 'SANTOS'], ['Juan', 'Maria', 'Jose', 'Ana', 'Mark', 'Jennifer', 'Rodrigo', 'Maricel']],
};

export const LATIN_NICKNAMES = ['Johnny', 'Beto', 'Junior', 'Bong', 'Rocky', 'Gigi', 'Nico', 'Sunny'];

export const CURRENCY: Record<string, string> = {
  HK: 'HKD', US: 'USD', GB: 'GBP', IT: 'EUR', NL: 'EUR', DE: 'EUR', RU: 'RUB', TH: 'THB', BR: 'BRL', PH: 'PHP', MO: 'MOP', CN: 'CNY',
};

/** Where case references start with the office's own prefix. */
export const REFERENCE_PREFIX: Record<string, string> = { HK: 'CSD', US: 'IPTU', GB: 'HMPPS-ICT', NL: 'DJI-WETS', TH: 'DOC' };

/**
 * [description, categories, maximum penalty in months, weight]. A life maximum is written
 * as 1200 months: the case format counts the maximum in months.
 */
export const OFFENCES: readonly (readonly [string, readonly string[], number, number])[] = [
  ['Trafficking in a dangerous drug', ['eu:illicit-trafficking-narcotics'], 1200, 14],
  ['Possession of a dangerous drug for the purpose of unlawful trafficking', ['eu:illicit-trafficking-narcotics'], 1200, 6],
  ['Fraud', ['eu:fraud', 'eu:swindling'], 168, 6],
  ['Dealing with property known or believed to represent proceeds of an indictable offence', ['eu:laundering-proceeds-of-crime'], 168, 6],
  ['Robbery with a firearm', ['eu:organised-armed-robbery'], 1200, 4],
  ['Murder', ['eu:murder-grievous-bodily-injury'], 1200, 3],
  ['Wounding with intent', ['eu:murder-grievous-bodily-injury'], 1200, 3],
  ['Rape', ['eu:rape'], 1200, 2],
  ['Trafficking in persons', ['eu:trafficking-human-beings'], 240, 2],
  ['Access to a computer with criminal or dishonest intent', ['eu:computer-related-crime'], 60, 3],
  ['Breach of condition of stay', ['excluded:immigration'], 24, 2],
  ['Theft', [], 120, 4],
  ['Smuggling of firearms and ammunition', ['eu:illicit-trafficking-weapons'], 168, 2],
  ['Counterfeiting currency notes', ['eu:counterfeiting-currency'], 168, 1],
  ['Offering an advantage to a public servant', ['eu:corruption'], 84, 2],
  ['Arson', ['eu:arson'], 1200, 1],
  ['Kidnapping', ['eu:kidnapping-hostage-taking'], 1200, 1],
  ['Handling stolen vehicles', ['eu:trafficking-stolen-vehicles'], 120, 1],
  ['Possession of child pornography', ['eu:sexual-exploitation-children'], 120, 1],
  ['Assaulting a correctional officer', [], 24, 2],
  ['Using a forged travel document', ['eu:forgery-administrative-documents'], 168, 2],
];

/** Offences some sentencing States prosecute and treaties exclude (US–Thailand 1982 Art. II(3)). */
export const EXCLUDED_OFFENCES: Record<string, readonly (readonly [string, readonly string[], number])[]> = {
  TH: [['Defaming the King (Criminal Code s. 112)', ['excluded:head-of-state-or-family'], 180]],
  RU: [['Evasion of military service', ['excluded:military'], 24]],
  CN: [['Subversion of state power', ['excluded:state-security', 'excluded:political'], 1200]],
};
