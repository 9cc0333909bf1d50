-- Merge candidates without an investor (store::agreements_of_party, AgreementsOf::without_investors)
-- were found by walking every agreement of the party and testing each for an investor: for a
-- ministry that signs nearly every agreement that walk grew with the database (152,000 rows per
-- investor-less article after 400,000 Markdown documents). This table holds the (party, agreement)
-- pairs of the agreements that have no investor, kept in step with agreement_party by triggers,
-- so the walk reads only the party's investor-less agreements.
CREATE TABLE agreement_without_investor (
  party_id     INTEGER NOT NULL,
  agreement_id INTEGER NOT NULL,
  PRIMARY KEY (party_id, agreement_id)
) STRICT, WITHOUT ROWID;

INSERT INTO agreement_without_investor (party_id, agreement_id)
  SELECT DISTINCT x.party_id, x.agreement_id FROM agreement_party x
  WHERE NOT EXISTS (SELECT 1 FROM agreement_party y WHERE y.agreement_id = x.agreement_id AND y.role = 'investor');

-- An investor joins: none of the agreement's parties is listed any more.
CREATE TRIGGER agreement_party_investor_added AFTER INSERT ON agreement_party WHEN NEW.role = 'investor' BEGIN
  DELETE FROM agreement_without_investor WHERE agreement_id = NEW.agreement_id
    AND party_id IN (SELECT party_id FROM agreement_party WHERE agreement_id = NEW.agreement_id);
END;

-- Another party joins an agreement that has no investor: listed.
CREATE TRIGGER agreement_party_other_added AFTER INSERT ON agreement_party WHEN NEW.role <> 'investor' BEGIN
  INSERT OR IGNORE INTO agreement_without_investor (party_id, agreement_id)
    SELECT NEW.party_id, NEW.agreement_id
    WHERE NOT EXISTS (SELECT 1 FROM agreement_party WHERE agreement_id = NEW.agreement_id AND role = 'investor');
END;

-- A party leaves (a party merge, a deleted agreement): the agreement's pairs are made again.
CREATE TRIGGER agreement_party_removed AFTER DELETE ON agreement_party BEGIN
  DELETE FROM agreement_without_investor WHERE party_id = OLD.party_id AND agreement_id = OLD.agreement_id;
  INSERT OR IGNORE INTO agreement_without_investor (party_id, agreement_id)
    SELECT party_id, agreement_id FROM agreement_party WHERE agreement_id = OLD.agreement_id
    AND NOT EXISTS (SELECT 1 FROM agreement_party WHERE agreement_id = OLD.agreement_id AND role = 'investor');
END;

CREATE TRIGGER agreement_party_changed AFTER UPDATE ON agreement_party BEGIN
  DELETE FROM agreement_without_investor WHERE party_id = OLD.party_id AND agreement_id = OLD.agreement_id;
  DELETE FROM agreement_without_investor WHERE agreement_id = NEW.agreement_id
    AND party_id IN (SELECT party_id FROM agreement_party WHERE agreement_id = NEW.agreement_id);
  INSERT OR IGNORE INTO agreement_without_investor (party_id, agreement_id)
    SELECT party_id, agreement_id FROM agreement_party WHERE agreement_id IN (OLD.agreement_id, NEW.agreement_id)
    AND NOT EXISTS (SELECT 1 FROM agreement_party y WHERE y.agreement_id = agreement_party.agreement_id AND y.role = 'investor');
END;
