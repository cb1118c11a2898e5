-- Issue 14: a partner can be removed (DELETE /api/exchange/partners/:name, npm run exchange --
-- partner remove). The records it sent stay (they are keyed by origin instance, not by partner),
-- and so does the record of every bundle merged from it or sent to it: a bundle id merged once
-- stays a no-op even if the partner is registered again. Those rows lose their partner (NULL).
ALTER TABLE exchange_bundles ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE exchange_bundles DROP CONSTRAINT exchange_bundles_partner_id_fkey;
ALTER TABLE exchange_bundles ADD CONSTRAINT exchange_bundles_partner_id_fkey
  FOREIGN KEY (partner_id) REFERENCES exchange_partners (id) ON DELETE SET NULL;
