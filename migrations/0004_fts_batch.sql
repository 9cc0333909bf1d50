-- Full-text indexing of new sources moves from a trigger to the store (src/store/sources.cpp):
-- a trigger indexes each source inside its own savepoint, and FTS5 writes a segment of its index
-- at every savepoint, so a batch paid one segment write (and the merges that follow) per
-- document. The store now indexes a new source right after inserting it, or, in a group commit
-- (store::WriteGroup), all the sources of the group in one statement before the COMMIT; the index
-- is still updated in the same transaction as the source. Updates and deletes keep their triggers.
DROP TRIGGER source_fts_insert;
