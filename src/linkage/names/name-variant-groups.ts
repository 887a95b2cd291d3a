// Synthetic test material: groups of spellings of one name each (Hangul South and North forms, RR, MR
// with and without diacritics, DPRK style, passport and press spellings, Western order, capitals).
// Names are invented or, where noted, well-known public officials' names used as romanisation
// examples. Used by the tests only.

export const NAME_VARIANT_GROUPS: readonly (readonly string[])[] = [
  [
    '김영호',
    'Kim Yong Ho',
    'Kim Yŏng-ho',
    'Gim Yeong-ho',
    'Kim Young-ho',
    'Young-ho Kim',
    'KIM YOUNGHO',
    'Mr. Kim Yong-ho',
  ],
  [
    '리영호',
    '이영호',
    'Ri Yong Ho',
    'Yi Yŏng-ho',
    'I Yeong-ho',
    'Lee Young-ho',
    'Youngho Lee',
    'LEE YOUNG HO',
    'Rhee Yong-ho',
  ],
  ['박철수', 'Pak Chol Su', "Pak Ch'ŏl-su", 'Bak Cheol-su', 'Park Chul-soo', 'Park Cheolsu', 'Chulsoo Park'],
  ['최룡해', '최용해', 'Choe Ryong Hae', "Ch'oe Yong-hae", 'Choi Yong-hae', 'Choi Ryong-hae'], // public official
  ['정은희', 'Jong Un Hui', 'Chŏng Ŭn-hŭi', 'Jeong Eun-hui', 'Jung Eun-hee', 'Chung Eunhee', 'Eun-hee Jeong'],
  ['김정숙', 'Kim Jong Suk', 'Kim Chŏng-suk', 'Gim Jeong-suk', 'Kim Jung-sook', 'Kim Jeongsook'],
  ['류경', '유경', 'Ryu Kyong', 'Yu Kyŏng', 'Yoo Kyung', 'Ryu Gyeong'],
  ['림순녀', '임순녀', 'Rim Sun Nyo', 'Im Sun-nyŏ', 'Lim Soon-nyeo', 'Lim Sunnyeo'],
  ['로명희', '노명희', 'Ro Myong Hui', 'No Myŏng-hŭi', 'Roh Myung-hee', 'Noh Myeong-hui'],
  ['량은철', '양은철', 'Ryang Un Chol', "Yang Ŭn-ch'ŏl", 'Yang Eun-cheol', 'Yang Euncheol'],
  ['강석주', 'Kang Sok Ju', 'Kang Sŏk-chu', 'Gang Seok-ju', 'Kang Suk-joo'], // public official
  ['조명록', 'Jo Myong Rok', 'Cho Myŏng-nok', 'Jo Myeong-rok', 'Cho Myung-rok'], // public official
  ['한광혁', 'Han Kwang Hyok', 'Han Kwang-hyŏk', 'Han Gwang-hyeok', 'Han Kwang-hyuk'],
  ['서성민', 'So Song Min', 'Sŏ Sŏng-min', 'Seo Seong-min', 'Suh Sung-min'],
  ['신혜진', 'Sin Hye Jin', 'Shin Hye-jin', 'Sin Hyejin'],
  ['권태현', 'Kwon Thae Hyon', "Kwŏn T'ae-hyŏn", 'Gwon Tae-hyeon', 'Kwon Tae-hyun'],
  ['윤주희', 'Yun Ju Hui', 'Yun Chu-hŭi', 'Yoon Joo-hee', 'Yoon Juhee'],
  ['오순옥', 'O Sun Ok', 'O Sun-ok', 'Oh Soon-ok', 'Oh Soonok'],
  ['황금향', 'Hwang Kum Hyang', 'Hwang Kŭm-hyang', 'Hwang Geum-hyang', 'Hwang Keum-hyang'],
  ['안명철', 'An Myong Chol', "An Myŏng-ch'ŏl", 'Ahn Myeong-cheol', 'Ahn Myung-chul'],
  ['송혜경', 'Song Hye Kyong', 'Song Hye-kyŏng', 'Song Hye-gyeong', 'Song Hye-kyung'],
  ['전광일', 'Jon Kwang Il', 'Chŏn Kwang-il', 'Jeon Gwang-il', 'Chun Kwang-il', 'Jun Kwangil'],
  ['홍길동', 'Hong Kil Dong', 'Hong Kil-tong', 'Hong Gil-dong', 'Hong Gildong'],
  ['고영희', 'Ko Yong Hui', 'Ko Yŏng-hŭi', 'Go Yeong-hui', 'Koh Young-hee'],
  ['문성철', 'Mun Song Chol', "Mun Sŏng-ch'ŏl", 'Moon Sung-chul', 'Mun Seong-cheol'],
  ['배순희', 'Pae Sun Hui', 'Pae Sun-hŭi', 'Bae Soon-hee', 'Bae Sunhui'],
  ['백광수', 'Paek Kwang Su', 'Baek Gwang-su', 'Paik Kwang-soo'],
  ['허정숙', 'Ho Jong Suk', 'Hŏ Chŏng-suk', 'Heo Jeong-suk', 'Huh Jung-sook'],
  ['남궁민', 'Namgung Min', 'Namkung Min', 'Min Namgung'],
  ['황보혜', 'Hwangbo Hye', 'Hwangpo Hye'],
  ['선우영', 'Sonu Yong', 'Sŏnu Yŏng', 'Sunwoo Young', 'Seonu Yeong'],
  ['제갈성', 'Jegal Song', 'Chegal Sŏng', 'Jegal Seong', 'Jegal Sung'],
  ['장미란', 'Jang Mi Ran', 'Chang Mi-ran', 'Jang Mi-ran', 'Chang Miran'],
  ['조금옥', 'Jo Kum Ok', 'Cho Kŭm-ok', 'Jo Geum-ok', 'Cho Keum-ok'],
  ['리명수', '이명수', 'Ri Myong Su', 'Yi Myŏng-su', 'Lee Myung-soo', 'I Myeong-su'],
  ['김일성', 'Kim Il Sung', 'Kim Il-sŏng', 'Gim Il-seong', 'Kim Ilsung'], // public figure
  ['박봉주', 'Pak Pong Ju', 'Pak Pong-ju', 'Bak Bong-ju', 'Park Bong-joo'], // public official
  ['최선희', 'Choe Son Hui', "Ch'oe Sŏn-hŭi", 'Choi Seon-hui', 'Choi Sun-hee'], // public official
  ['우경애', 'U Kyong Ae', 'U Kyŏng-ae', 'Woo Kyung-ae', 'U Gyeong-ae'],
  ['현송월', 'Hyon Song Wol', 'Hyŏn Song-wŏl', 'Hyeon Song-wol', 'Hyun Song-wol'], // public figure
  ['김여정', 'Kim Yo Jong', 'Kim Yŏ-jŏng', 'Gim Yeo-jeong', 'Kim Yeo-jung'], // public official
];
