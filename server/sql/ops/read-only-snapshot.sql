-- First statement of a backup's transaction: every table read from one snapshot, nothing written.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY
