import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { codesOf, descendantsOf, REFERENCE_DIR, VOCABULARY_IDS, vocabulary } from './vocabulary.ts';

describe('shipped reference data', () => {
  it('every vocabulary names its source, has unique codes, both languages, and parents that come first', () => {
    for (const id of VOCABULARY_IDS) {
      const v = vocabulary(id);
      assert.equal(v.id, id);
      assert.ok(v.source.length > 20, `${id}: source`);
      const seen = new Set<string>();
      for (const term of v.terms) {
        assert.ok(!seen.has(term.code), `${id}: duplicate ${term.code}`);
        if (term.parent)
          assert.ok(
            seen.has(term.parent),
            `${id}: ${term.code} has parent ${term.parent} not defined before it`,
          );
        assert.match(term.ko, /[\uAC00-\uD7A3]/, `${id}: ${term.code} Korean label`);
        seen.add(term.code);
      }
    }
  });

  it('covers the detention-relevant violations and the laws and norms the mission names', () => {
    const acts = codesOf('act-types');
    for (const code of [
      'ARBITRARY-ARREST',
      'DETENTION-WITHOUT-TRIAL',
      'ENFORCED-DISAPPEARANCE',
      'FORCED-LABOUR',
      'DENIAL-OF-FOOD',
      'DENIAL-OF-MEDICAL-CARE',
      'SEXUAL-VIOLENCE',
      'DEATH-IN-CUSTODY',
      'EXECUTION',
      'NO-COUNSEL',
      'NO-PUBLIC-HEARING',
      'COERCED-CONFESSION',
      'GUILT-BY-ASSOCIATION',
    ]) {
      assert.ok(acts.includes(code), code);
    }
    assert.ok(descendantsOf('act-types', 'TORTURE').length >= 10, 'torture by method');
    for (const law of [
      'CRIMINAL-CODE',
      'CRIMINAL-PROCEDURE-LAW',
      'REACTIONARY-IDEOLOGY-CULTURE-REJECTION-ACT',
      'YOUTH-EDUCATION-GUARANTEE-ACT',
      'PYONGYANG-CULTURAL-LANGUAGE-PROTECTION-ACT',
    ]) {
      assert.ok(codesOf('laws').includes(law), law);
    }
    for (const norm of [
      'ICCPR-6',
      'ICCPR-7',
      'ICCPR-9',
      'ICCPR-10',
      'ICCPR-14',
      'ICCPR-18',
      'ICCPR-19',
      'SMR',
      'CEDAW',
      'CRC',
      'ROME-7-1-E',
      'ROME-7-1-F',
      'ROME-7-1-K',
    ]) {
      assert.ok(codesOf('norms').includes(norm), norm);
    }
  });

  it('the gazetteer lists the main camps with located, sourced entries whose codes resolve', () => {
    const gazetteer = JSON.parse(readFileSync(new URL('facilities.json', REFERENCE_DIR), 'utf8'));
    const byCode = new Map<
      string,
      {
        type: string;
        agency: string;
        province: string;
        source: string;
        aliases: string[];
        location: { lat: number; lon: number; precision: string };
      }
    >(gazetteer.facilities.map((f: { code: string }) => [f.code, f]));
    for (const code of [
      'KWANLISO-14',
      'KWANLISO-15',
      'KWANLISO-16',
      'KWANLISO-25',
      'KYOHWASO-1',
      'KYOHWASO-12',
    ])
      assert.ok(byCode.has(code), code);
    assert.ok(byCode.get('KYOHWASO-12')?.aliases.includes('전거리 교화소'));
    for (const [code, f] of byCode) {
      assert.ok(codesOf('facility-types').includes(f.type), `${code} type`);
      assert.ok(codesOf('agencies').includes(f.agency), `${code} agency`);
      assert.ok(codesOf('provinces').includes(f.province), `${code} province`);
      assert.ok(f.source.length > 5, `${code} source`);
      assert.ok(
        f.location.lat > 37.5 && f.location.lat < 43.1 && f.location.lon > 124 && f.location.lon < 131,
        `${code} inside the DPRK`,
      );
      assert.ok(
        ['exact', 'approximate', 'city', 'county', 'province'].includes(f.location.precision),
        `${code} precision`,
      );
    }
  });
});
