-- The route catalogue in time (period and status of each route), yearly flows per route, and the
-- licence terms of each incident dataset enforced on sharing (issue 18).

-- A route's period: the first and last day of the evidence it is drawn from (NULL = open), and
-- whether it is in use. The map's time range shows a route when its period overlaps the range.
ALTER TABLE routes
  ADD COLUMN valid_from date,
  ADD COLUMN valid_to   date,
  ADD COLUMN status     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'declining', 'historical')),
  ADD CONSTRAINT routes_period_check CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to);
ALTER TABLE route_versions
  ADD COLUMN valid_from date,
  ADD COLUMN valid_to   date,
  ADD COLUMN status     text NOT NULL DEFAULT 'active';

-- Published yearly figures per catalogue route (geodata/route-flows.json): Frontex detections,
-- IOM Missing Migrants deaths, IOM DTM flow monitoring counts. `scope` says what the figure
-- covers (often a whole Frontex route family, not the one line). Under Citus a reference table
-- like routes; no foreign key so a retired route keeps its figures.
CREATE TABLE route_flows (
  route_id     text NOT NULL,
  year         integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  metric       text NOT NULL CHECK (metric IN ('detections', 'deaths', 'flow_monitoring')),
  value        integer NOT NULL CHECK (value >= 0),
  scope        text NOT NULL,
  source       text NOT NULL,
  source_year  integer NOT NULL,
  url          text NOT NULL,
  licence      text NOT NULL,
  PRIMARY KEY (route_id, year, metric)
);

-- Each dataset's terms travel with its credit. A dataset whose terms forbid redistribution
-- (ACLED) can never be shared at the public level: the API refuses it with a 400 on `sharing`,
-- and these triggers refuse it for any other writer. Once a dataset is marked restricted it
-- stays restricted (see sql/imports/upsert-source.sql).
ALTER TABLE sources
  ADD COLUMN licence        text,
  ADD COLUMN redistribution boolean NOT NULL DEFAULT true;
UPDATE sources SET redistribution = false,
       licence = 'ACLED Terms of Use: attribution required; the data may not be redistributed'
WHERE dataset = 'acled';
UPDATE sources SET licence = 'CC BY 4.0' WHERE dataset = 'iom-mmp';

CREATE FUNCTION sahel_refuse_public_restricted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM sources s WHERE s.dataset = NEW.source_dataset AND NOT s.redistribution) THEN
    RAISE EXCEPTION 'sharing: dataset "%" may not be redistributed under its terms, so it cannot be public', NEW.source_dataset
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
-- WHEN keeps the cost off every row that is not public (bulk imports are regional by default).
CREATE TRIGGER imports_licence BEFORE INSERT OR UPDATE ON imports
  FOR EACH ROW WHEN (NEW.sharing = 'public') EXECUTE FUNCTION sahel_refuse_public_restricted();
CREATE TRIGGER incidents_licence BEFORE INSERT OR UPDATE ON incidents
  FOR EACH ROW WHEN (NEW.sharing = 'public') EXECUTE FUNCTION sahel_refuse_public_restricted();

GRANT SELECT ON route_flows TO sahel_request;
