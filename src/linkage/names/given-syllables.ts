import { hangulSyllableKey } from './syllable-key.ts';

// Syllables common in Korean given names, North and South (hand-written from general knowledge of
// Korean naming; used only to rank the ways an unseparated romanised given name can be split).
const COMMON =
  '영호철수민준성진혁광남일명학국용석태동현길봉창룡선순희옥금향미경혜정은춘화숙애란자련실복심주녀' +
  '지서연우재상훈원기한승도윤아예하유빈나리소다채인규범식환완근건찬형섭웅덕만송청무문세종중대익' +
  '제평필표택해효휘강걸겸관구군권귀균단달담래량렬림매목벽병보부분비산삼생설섬신양억엽오온요욱운' +
  '월위율을의이임장전절점조존좌직차천초촌총추충치칠탁판팔풍항행허헌협홍황회후흥혜경령향란렬';

let keys: Set<string> | null = null;

/** Fine keys of the common given-name syllables. */
export function commonGivenKeys(): Set<string> {
  if (!keys) {
    keys = new Set();
    for (const syllable of COMMON) {
      const key = hangulSyllableKey(syllable);
      if (key) keys.add(key);
    }
  }
  return keys;
}

/** Whether any fine key in a '/'-separated set is a common given-name syllable. */
export function isCommonGiven(fineSet: string): boolean {
  const common = commonGivenKeys();
  return fineSet.split('/').some((k) => common.has(k));
}
