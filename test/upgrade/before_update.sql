-- Run on a database where the OLDEST version of arabic_news was just
-- installed, before ALTER EXTENSION arabic_news UPDATE: what a user of that
-- version has built on it, which the update must keep working.
\set ON_ERROR_STOP 1
CREATE TABLE upgrade_news (
	id int PRIMARY KEY,
	body text NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('arabic_news', body)) STORED
);
INSERT INTO upgrade_news (id, body) VALUES
	(1, 'تعهدت ألمانيا بتقديم 500 مليون يورو لحلف الناتو في برلين'),
	(2, 'قال الأمين العام لحلف شمال الأطلسي مارك روته إن الحلف سيزيد الإنفاق الدفاعي'),
	(3, 'ارتفعت أسعار النفط 3.5% في الرياض');
CREATE INDEX upgrade_news_keys ON upgrade_news USING gin (ar_entity_keys(body));
CREATE INDEX upgrade_news_tsv ON upgrade_news USING gin (tsv);
CREATE INDEX upgrade_news_norm ON upgrade_news (ar_normalize(body));
CREATE VIEW upgrade_pledges AS SELECT n.id, p.value, p.unit FROM upgrade_news n, ar_pledges(n.body) p;
INSERT INTO user_entities (kind, name, canonical) VALUES ('ORG', 'مجموعة الرصد', 'مجموعة الرصد');
