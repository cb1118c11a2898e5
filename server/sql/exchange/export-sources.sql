-- Returns the credit lines of datasets $1 as bundle lines {line}.
SELECT json_build_object('t', 'source', 'dataset', dataset, 'credit', credit, 'url', url)::text AS line
FROM sources WHERE dataset = ANY ($1::text[])
ORDER BY dataset
