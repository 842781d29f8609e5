-- entities: ar_entities / ar_entity_keys, one line per rule.
-- Columns: kind, surface, canonical, start_pos, end_pos (1-based, end exclusive).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS arabic_news;
RESET client_min_messages;

-- gazetteer place, organization alias and person, with the canonical name
SELECT * FROM ar_entities('زار مارك روته برلين وبروكسل');
-- aliases share one canonical: الناتو / حلف الناتو / حلف شمال الأطلسي / NATO
SELECT surface, canonical FROM ar_entities('الناتو وحلف الناتو وحلف شمال الأطلسي و NATO');
-- spelling variants of one country: ألمانيا / المانيا, أمريكا / أميركا / الولايات المتحدة
SELECT surface, canonical FROM ar_entities('ألمانيا والمانيا وأمريكا وأميركا والولايات المتحدة الأمريكية');
-- clitics: و ب ل لل are not part of the surface; offsets point at the name
SELECT surface, canonical, start_pos, end_pos FROM ar_entities('لحلف الناتو وبرلين بالقاهرة للناتو');
-- nationality adjectives (NAT) by the nisba rule: -ي -ية -يون -يين -يات, with the article and clitics
SELECT kind, surface, canonical FROM ar_entities('الفرنسي والفرنسية الألمان الألمانيين وللأمريكيين السعوديات');
-- nationality exceptions (أمريكي، بريطاني، نمساوي)
SELECT surface, canonical FROM ar_entities('البريطاني والنمساوية والأميركيون');
-- title trigger, optionally followed by a nationality, then a name of 1-4 words
SELECT kind, surface, canonical FROM ar_entities('قال الرئيس الفرنسي إيمانويل ماكرون');
SELECT kind, surface, canonical FROM ar_entities('أكد المستشار الألماني أولاف شولتس');
SELECT kind, surface, canonical FROM ar_entities('استقبل الأمين العام للناتو مارك روته وزير الخارجية الألماني يوهان فاديفول');
-- a title then an unknown name (no gazetteer entry needed)
SELECT kind, surface, canonical FROM ar_entities('وقال السفير الياباني كينجي ياماموتو');
-- a given name starts a name
SELECT kind, surface, canonical FROM ar_entities('وصل أحمد عبد الرحمن العلي إلى المطار');
-- a verb of saying, then its subject
SELECT kind, surface, canonical FROM ar_entities('وأضاف كوستيلو أن الاجتماع انتهى');
-- in-document coreference: a bare surname gets the canonical of the full name seen before
SELECT kind, surface, canonical FROM ar_entities('التقى الوزير كارلوس بيريرا بالصحفيين، وقال بيريرا إن');
-- government bodies: head + nationality or country, the country in the canonical
SELECT kind, surface, canonical FROM ar_entities('أعلنت وزارة الخارجية السعودية والجيش الإسرائيلي والحكومة العراقية');
SELECT kind, surface, canonical FROM ar_entities('قالت وزارة الدفاع إن');
-- descriptor words stay outside an organization name: حركة حماس → حماس
SELECT kind, surface, canonical FROM ar_entities('قالت حركة حماس ووكالة فرانس برس');
-- known aliases win over the descriptor rule when the descriptor is part of the name
SELECT kind, surface, canonical FROM ar_entities('قال حزب الله');
-- organization cue + an unknown name
SELECT kind, surface, canonical FROM ar_entities('أعلنت شركة بتروفاك أرباحها');
-- family names after a given name: ة ending, بال that is not ب + ال, a nisba
SELECT kind, surface FROM ar_entities('وتحدث عبدالسلام جمعة مع مايكل بالاك وجون كندي');
-- a Slavic or Georgian family-name ending alone (-فيتش، -سكي، -ينكو، -شفيلي)
SELECT kind, surface FROM ar_entities('وصل بيتروفيتش وأوستروفسكي أمس');
-- منظمة in front of a known organization belongs to its name; the canonical stays
SELECT kind, surface, canonical FROM ar_entities('قالت منظمة أوبك');
-- a media name after a media cue may be a place name (صحيفة القدس) or end in ة
SELECT kind, surface, canonical FROM ar_entities('ذكرت صحيفة القدس وفضائية الجزيرة');
-- a place inside an organization name; a لل-word closes a head's name
SELECT kind, surface FROM ar_entities('فاز فريق اتحاد طنجة على معهد ماساشوستس للتكنولوجيا');
-- diacritics and tatweel do not matter; the surface is the text as written
SELECT surface, canonical FROM ar_entities('زار بَرْلِين وألمـانيا');
-- negative cases: common words that look like names
SELECT count(*) AS no_entities FROM ar_entities('جلس على الكرسي');              -- على is not علي
SELECT count(*) AS no_entities FROM ar_entities('سيول غزيرة في المدينة');        -- floods, not Seoul
SELECT count(*) AS no_entities FROM ar_entities('الدعم المالي للمشروع');         -- financial, not Mali
SELECT count(*) AS no_entities FROM ar_entities('الرئيس يبحث سبل التعاون');      -- a verb after a title
SELECT count(*) AS no_entities FROM ar_entities('قال بيان صدر أمس');             -- بيان is not ب + يان
SELECT count(*) AS no_entities FROM ar_entities('أمل كبير ونور الشمس');           -- weak given names alone
SELECT count(*) AS no_entities FROM ar_entities('رفض مبادرة السلام');             -- a verb that takes an object
SELECT count(*) AS no_entities FROM ar_entities('وقال متمردون إن');               -- a plural participle
SELECT count(*) AS no_entities FROM ar_entities('الصحابي الجليل');                -- an adjective after a title
SELECT count(*) AS no_entities FROM ar_entities('زوج ها وحياة نا');                -- pronouns written apart
-- common words of news text (data/entities_common.txt, counted in a news corpus) end a name
SELECT kind, surface FROM ar_entities('سجل المهاجم ماركيزيو هدفا رائعا');            -- a noun after the name
SELECT kind, surface FROM ar_entities('التقى السفير يورغن إيبرمان بمقر الوزارة');    -- ب + a noun
SELECT kind, surface FROM ar_entities('وقال السقاف إن المنتدى ناجح');                -- an article word news never writes as a noun
SELECT count(*) AS no_entities FROM ar_entities('وأضاف مصدر مطلع أن الاجتماع انتهى'); -- a noun after a verb of saying
-- a place name after an organization cue names the organization
SELECT kind, surface, canonical FROM ar_entities('نقلت جريدة البحرين عن مصادر');
SELECT kind, surface, canonical FROM ar_entities('فاز فريق المغرب الفاسي');
-- clubs named by everyday words are organizations only in a sports report
SELECT kind, surface FROM ar_entities('فاز النصر على الهلال بهدفين في الدوري');
SELECT count(*) AS no_entities FROM ar_entities('تحقق النصر على الإرهاب');
SELECT count(*) AS no_entities FROM ar_entities('سدد من داخل منطقة الجزاء');      -- a common noun after منطقة
SELECT count(*) AS no_entities FROM ar_entities('حكم ذاتي موسع للأقاليم');         -- weak given name + common nisba
SELECT kind, surface FROM ar_entities('زار شبه الجزيرة الكورية ثم شبه الجزيرة');  -- peninsulas
-- a hashtag sign glued to a word belongs to it: one name, not two
SELECT kind, surface FROM ar_entities('قالت المستشارة الألمانية، أنجيلا #ميركل، الخميس، إن الاتفاق صامد');
-- a currency after an amount is no organization, even when a club shares its name
SELECT count(*) AS no_entities FROM ar_entities('وصل سعر الدولار إلى 45000 ريال، وفق التجار');
-- ar_entity_keys: distinct, sorted KIND:canonical keys
SELECT ar_entity_keys('الناتو وحلف الناتو في ألمانيا والمانيا مع مارك روته وروته الألماني');
SELECT ar_entity_keys('لا شيء هنا');
-- empty input, NULL (STRICT), Latin-only text, digits
SELECT count(*) FROM ar_entities('');
SELECT ar_entity_keys('');
SELECT count(*) FROM ar_entities(NULL);
SELECT ar_entity_keys(NULL) IS NULL AS is_null;
SELECT kind, surface FROM ar_entities('NATO and the EU met in 2025');
-- long input: work grows linearly, nothing is lost
SELECT count(*) FROM ar_entities(repeat('زار روته برلين. ', 2000));
SELECT array_length(ar_entity_keys(repeat('زار روته برلين. ', 2000)), 1);
-- the user gazetteer: names the built-in tables do not know (STABLE functions)
INSERT INTO user_entities VALUES ('ORG', 'شركة الأمثلة', 'شركة الأمثلة القابضة');
INSERT INTO user_entities VALUES ('PER', 'زيد الخيالي', 'زيد الخيالي');
SELECT * FROM ar_entities_user('أعلنت شركة الأمثلة أن زيد الخيالي زار برلين');
SELECT ar_entity_keys_user('أعلنت شركة الأمثلة أن زيد الخيالي زار برلين');
-- volatility labels
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc AS p
WHERE p.proname IN ('ar_entities', 'ar_entity_keys', 'ar_entities_user', 'ar_entity_keys_user')
ORDER BY 1;
-- bad input: a user gazetteer row with an unknown kind
INSERT INTO user_entities VALUES ('XYZ', 'شيء', 'شيء');
DELETE FROM user_entities;
