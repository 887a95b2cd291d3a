import { defineMessages } from './define-messages.ts';

/** Labels of the public portal. */
export const PORTAL_MESSAGES = defineMessages(
  {
    'portal.name': 'Daylight · public portal',
    'portal.title': 'Documented violations in North Korea’s detention system',
    'portal.intro':
      'Figures from testimonies that reviewers verified, published with the consent of those who gave them. Nobody is named; small counts are hidden so that nobody can be identified.',
    'portal.figures': 'Figures',
    'portal.facilities': 'Places of detention',
    'portal.facilitiesCaption': 'Published places of detention',
    'portal.staff': 'Staff sign-in',
    'portal.rules':
      'Only verified records that consent allows to be published are shown, anonymised; counts below five are hidden. Synthetic demonstration data unless stated otherwise.',
  },
  {
    'portal.name': '데이라이트 · 공개 포털',
    'portal.title': '북한 구금 체계에서 기록된 인권침해',
    'portal.intro':
      '검토자가 검증하고 증언자의 동의를 받아 공개한 증언에서 나온 수치입니다. 누구의 이름도 밝히지 않으며, 신원이 드러나지 않도록 작은 수는 숨깁니다.',
    'portal.figures': '수치',
    'portal.facilities': '구금시설',
    'portal.facilitiesCaption': '공개된 구금시설',
    'portal.staff': '직원 로그인',
    'portal.rules':
      '동의에 따라 공개가 허용된 검증된 기록만 익명으로 보여 줍니다. 5 미만의 수는 숨깁니다. 따로 밝히지 않는 한 가상의 시연 자료입니다.',
  },
);
