// Surnames with their approximate share of the Korean population (Statistics Korea census of
// 2015, rounded) and the spellings people actually use for them, South and North.

/** A surname: South Korean Hangul, the North's spelling where it differs, and its romanised forms. */
export type Surname = {
  hangul: string;
  north: string;
  /** Share of the population, in percent. */
  share: number;
  rr: string;
  mr: string;
  dprk: string;
  /** Everyday spellings in passports and the press. */
  common: string[];
};

/** Common surnames; `north` differs where the North keeps the initial ㄹ or ㄴ (리, 류, 림, 량, 로). */
export const SURNAMES: Surname[] = [
  { hangul: '김', north: '김', share: 21.5, rr: 'Gim', mr: 'Kim', dprk: 'Kim', common: ['Kim'] },
  {
    hangul: '이',
    north: '리',
    share: 14.7,
    rr: 'I',
    mr: 'Yi',
    dprk: 'Ri',
    common: ['Lee', 'Yi', 'Rhee', 'Li'],
  },
  {
    hangul: '박',
    north: '박',
    share: 8.4,
    rr: 'Bak',
    mr: 'Pak',
    dprk: 'Pak',
    common: ['Park', 'Pak', 'Bak'],
  },
  { hangul: '최', north: '최', share: 4.7, rr: 'Choe', mr: "Ch'oe", dprk: 'Choe', common: ['Choi', 'Choe'] },
  {
    hangul: '정',
    north: '정',
    share: 4.3,
    rr: 'Jeong',
    mr: 'Chŏng',
    dprk: 'Jong',
    common: ['Jung', 'Chung', 'Jeong', 'Chong'],
  },
  { hangul: '강', north: '강', share: 2.3, rr: 'Gang', mr: 'Kang', dprk: 'Kang', common: ['Kang'] },
  { hangul: '조', north: '조', share: 2.1, rr: 'Jo', mr: 'Cho', dprk: 'Jo', common: ['Cho', 'Jo'] },
  { hangul: '윤', north: '윤', share: 2.0, rr: 'Yun', mr: 'Yun', dprk: 'Yun', common: ['Yoon', 'Yun'] },
  { hangul: '장', north: '장', share: 2.0, rr: 'Jang', mr: 'Chang', dprk: 'Jang', common: ['Jang', 'Chang'] },
  { hangul: '임', north: '림', share: 1.6, rr: 'Im', mr: 'Im', dprk: 'Rim', common: ['Lim', 'Im', 'Rim'] },
  { hangul: '한', north: '한', share: 1.5, rr: 'Han', mr: 'Han', dprk: 'Han', common: ['Han'] },
  { hangul: '오', north: '오', share: 1.5, rr: 'O', mr: 'O', dprk: 'O', common: ['Oh', 'O'] },
  { hangul: '서', north: '서', share: 1.5, rr: 'Seo', mr: 'Sŏ', dprk: 'So', common: ['Seo', 'Suh', 'So'] },
  { hangul: '신', north: '신', share: 1.5, rr: 'Sin', mr: 'Sin', dprk: 'Sin', common: ['Shin', 'Sin'] },
  { hangul: '권', north: '권', share: 1.4, rr: 'Gwon', mr: 'Kwŏn', dprk: 'Kwon', common: ['Kwon'] },
  { hangul: '황', north: '황', share: 1.4, rr: 'Hwang', mr: 'Hwang', dprk: 'Hwang', common: ['Hwang'] },
  { hangul: '안', north: '안', share: 1.4, rr: 'An', mr: 'An', dprk: 'An', common: ['Ahn', 'An'] },
  { hangul: '송', north: '송', share: 1.4, rr: 'Song', mr: 'Song', dprk: 'Song', common: ['Song'] },
  { hangul: '유', north: '류', share: 1.2, rr: 'Yu', mr: 'Yu', dprk: 'Ryu', common: ['Yoo', 'Yu', 'Ryu'] },
  {
    hangul: '전',
    north: '전',
    share: 1.3,
    rr: 'Jeon',
    mr: 'Chŏn',
    dprk: 'Jon',
    common: ['Jeon', 'Jun', 'Chun'],
  },
  { hangul: '홍', north: '홍', share: 1.1, rr: 'Hong', mr: 'Hong', dprk: 'Hong', common: ['Hong'] },
  { hangul: '고', north: '고', share: 0.9, rr: 'Go', mr: 'Ko', dprk: 'Ko', common: ['Ko', 'Koh'] },
  { hangul: '문', north: '문', share: 0.9, rr: 'Mun', mr: 'Mun', dprk: 'Mun', common: ['Moon', 'Mun'] },
  { hangul: '양', north: '량', share: 0.9, rr: 'Yang', mr: 'Yang', dprk: 'Ryang', common: ['Yang'] },
  { hangul: '손', north: '손', share: 0.9, rr: 'Son', mr: 'Son', dprk: 'Son', common: ['Son', 'Sohn'] },
  { hangul: '배', north: '배', share: 0.8, rr: 'Bae', mr: 'Pae', dprk: 'Pae', common: ['Bae', 'Pae'] },
  { hangul: '백', north: '백', share: 0.8, rr: 'Baek', mr: 'Paek', dprk: 'Paek', common: ['Baek', 'Paik'] },
  { hangul: '허', north: '허', share: 0.6, rr: 'Heo', mr: 'Hŏ', dprk: 'Ho', common: ['Heo', 'Huh'] },
  { hangul: '노', north: '로', share: 0.4, rr: 'No', mr: 'No', dprk: 'Ro', common: ['Noh', 'Roh', 'No'] },
  { hangul: '남', north: '남', share: 0.5, rr: 'Nam', mr: 'Nam', dprk: 'Nam', common: ['Nam'] },
];

/** Syllables common in given names, male and female (some used by both). */
export const GIVEN_SYLLABLES = {
  male: [
    '영',
    '호',
    '철',
    '수',
    '민',
    '준',
    '성',
    '진',
    '혁',
    '광',
    '남',
    '일',
    '명',
    '학',
    '국',
    '용',
    '석',
    '태',
    '동',
    '현',
    '길',
    '봉',
    '창',
    '룡',
    '선',
  ],
  female: [
    '영',
    '순',
    '희',
    '옥',
    '금',
    '향',
    '미',
    '경',
    '혜',
    '정',
    '은',
    '춘',
    '화',
    '숙',
    '애',
    '란',
    '자',
    '선',
    '련',
    '실',
    '복',
    '심',
    '주',
    '녀',
    '진',
  ],
};

/** South Korean spelling of a North Korean syllable where they differ (룡 → 용, 련 → 연, 녀 → 여). */
export const SOUTH_INITIAL_FORMS: Record<string, string> = {
  룡: '용',
  련: '연',
  녀: '여',
  량: '양',
  리: '이',
  류: '유',
  림: '임',
  로: '노',
};
